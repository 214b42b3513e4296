import LatihFrontMatter

extension Catalogue {
    /// The catalogue with one document replaced by a new reading of the same file, when
    /// the edit leaves the catalogue's shape as it was; nil when it may not (the caller
    /// then rebuilds everything). Lessons may change anything but their draft status;
    /// courses, modules and learning paths may change only their body, since their front
    /// matter (prerequisites, path courses, drafts) is checked across files; so may
    /// pages, whose titles are in every page's navigation.
    public func replacing(_ doc: Document) -> Catalogue? {
        func draft(_ d: Document) -> Bool { d.frontMatter.bool("draft") ?? false }
        func sameFrontMatter(_ a: Document, _ b: Document) -> Bool { a.frontMatter.fingerprint == b.frontMatter.fingerprint }
        var c = self
        for (ci, course) in courses.enumerated() {
            if course.document.path == doc.path {
                guard sameFrontMatter(course.document, doc) else { return nil }
                c.courses[ci] = Course(slug: course.slug, document: doc, items: course.items, draft: course.draft)
                return c
            }
            var found = false
            var allowed = true
            func update(_ lesson: Lesson) -> Lesson {
                guard lesson.document.path == doc.path else { return lesson }
                found = true
                if draft(doc) != lesson.draft { allowed = false }
                var l = lesson
                l.document = doc
                l.minutes = doc.frontMatter.minutes("duration")
                return l
            }
            let items = course.items.map { item -> CourseItem in
                switch item {
                case .lesson(let l):
                    return .lesson(update(l))
                case .module(var m):
                    if m.document.path == doc.path {
                        found = true
                        if !sameFrontMatter(m.document, doc) { allowed = false }
                        m.document = doc
                    }
                    m.lessons = m.lessons.map(update)
                    return .module(m)
                }
            }
            if found {
                guard allowed else { return nil }
                c.courses[ci] = Course(slug: course.slug, document: course.document, items: items, draft: course.draft)
                return c
            }
        }
        if let i = paths.firstIndex(where: { $0.document.path == doc.path }) {
            guard sameFrontMatter(paths[i].document, doc) else { return nil }
            c.paths[i].document = doc
            return c
        }
        if let i = pages.firstIndex(where: { $0.document.path == doc.path }) {
            guard sameFrontMatter(pages[i].document, doc) else { return nil }
            c.pages[i].document = doc
            return c
        }
        return nil
    }
}

extension FrontMatter {
    /// The values, without where they were written: equal when an edit left them alone.
    public var fingerprint: [String: Value] { fields.mapValues(\.value) }
}
