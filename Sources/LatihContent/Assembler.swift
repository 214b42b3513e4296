import LatihDiagnostics
import LatihFrontMatter

/// Puts parsed documents together into courses, modules, paths and pages, and checks
/// what can only be checked once everything is known: missing `course.md` and
/// `module.md` files, empty courses, duplicate slugs, and references between courses.
struct Assembler {
    let includeDrafts: Bool
    private var courseDocs: [String: Document] = [:]
    private var moduleDocs: [String: [String: (order: Int, doc: Document)]] = [:]
    private var lessons: [String: [Lesson]] = [:]
    private var paths: [LearningPath] = []
    private var pages: [Page] = []
    private var diagnostics: [Diagnostic] = []
    /// Courses with a file that could not be read, so errors it would cause later
    /// (such as "course has no lessons") are not piled on top of the real one.
    private var damaged: Set<String> = []

    init(includeDrafts: Bool) {
        self.includeDrafts = includeDrafts
    }

    private func isDraft(_ doc: Document) -> Bool {
        doc.frontMatter.bool("draft") ?? false
    }

    mutating func unreadable(_ role: ContentLoader.Role) {
        switch role {
        case .course(let c), .module(let c, _, _), .lesson(let c, _, _, _): damaged.insert(c)
        case .path, .page: break
        }
    }

    mutating func add(_ doc: Document, role: ContentLoader.Role) {
        switch role {
        case .course(let c):
            courseDocs[c] = doc
        case .module(let c, let order, let m):
            moduleDocs[c, default: [:]][m] = (order, doc)
        case .lesson(let c, let module, let order, let slug):
            lessons[c, default: []].append(Lesson(slug: slug, order: order, document: doc, courseSlug: c,
                                                  moduleSlug: module?.slug, draft: isDraft(doc),
                                                  minutes: doc.frontMatter.minutes("duration")))
        case .path(let slug):
            paths.append(LearningPath(slug: slug, document: doc, draft: isDraft(doc)))
        case .page(let slug):
            pages.append(Page(slug: slug, document: doc, draft: isDraft(doc)))
        }
    }

    mutating func finish(config: SiteConfig, assets: [Asset]) -> (Catalogue, [Diagnostic]) {
        var courses: [Course] = []
        var draftCourses: Set<String> = []
        let courseSlugs = Set(courseDocs.keys).union(lessons.keys).union(moduleDocs.keys).sorted()
        for slug in courseSlugs {
            guard let doc = courseDocs[slug] else {
                if damaged.contains(slug) { continue }
                diagnostics.append(.error(.contentCourseMdMissing, SourceLocation(path: "courses/\(slug)/course.md"), "course folder has no course.md",
                                          hint: "create courses/\(slug)/course.md with title, summary and level"))
                continue
            }
            if isDraft(doc), !includeDrafts {
                draftCourses.insert(slug)
                continue
            }
            if let course = assembleCourse(slug, doc) { courses.append(course) }
        }

        let known = Set(courses.map(\.slug))
        func checkReferences(_ doc: Document, key: String, what: String) {
            guard let field = doc.frontMatter[key] else { return }
            for name in doc.frontMatter.list(key) where !known.contains(name) {
                let loc = SourceLocation(path: doc.path, line: field.line, column: field.valueColumn + columnOffset(of: name, in: field.raw))
                if draftCourses.contains(name) {
                    diagnostics.append(.error(.contentDraftReference, loc, "\(what) `\(name)` is a draft", hint: "publish it (remove `draft`), build with --drafts, or remove it from `\(field.writtenKey)`"))
                } else {
                    let closest = Suggestion.closest(to: name, in: known.sorted())
                    let hint = closest.map { "did you mean `\($0)`?" } ?? "name a folder under courses/"
                    diagnostics.append(.error(.contentUnknownCourse, loc, "\(what) `\(name)` names no course", hint: hint, suggestion: closest))
                }
            }
        }
        for course in courses {
            checkReferences(course.document, key: "prerequisites", what: "prerequisite")
            if course.document.frontMatter.list("prerequisites").contains(course.slug), let f = course.document.frontMatter["prerequisites"] {
                diagnostics.append(.error(.contentSelfPrerequisite, SourceLocation(path: course.document.path, line: f.line, column: f.valueColumn),
                                          "a course cannot be its own prerequisite"))
            }
        }
        let keptPaths = paths.filter { includeDrafts || !$0.draft }.sorted { $0.slug < $1.slug }
        for path in keptPaths { checkReferences(path.document, key: "courses", what: "course") }
        let keptPages = pages.filter { includeDrafts || !$0.draft }.sorted { $0.slug < $1.slug }

        let keptAssets = assets.filter { asset in
            let parts = asset.sourcePath.split(separator: "/")
            return parts.first != "courses" || known.contains(String(parts[1]))
        }
        let catalogue = Catalogue(config: config, courses: courses, paths: keptPaths, pages: keptPages, assets: keptAssets)
        diagnostics += catalogue.outputCollisions()
        return (catalogue, diagnostics)
    }

    private mutating func assembleCourse(_ slug: String, _ doc: Document) -> Course? {
        var modules: [String: Module] = [:]
        for (m, entry) in moduleDocs[slug] ?? [:] {
            if isDraft(entry.doc), !includeDrafts { continue }
            modules[m] = Module(slug: m, order: entry.order, document: entry.doc, lessons: [])
        }
        var seen: [String: String] = [:]
        var direct: [Lesson] = []
        let all = (lessons[slug] ?? []).sorted { $0.document.path < $1.document.path }
        for lesson in all {
            if lesson.draft, !includeDrafts { continue }
            if let first = seen[lesson.slug] {
                diagnostics.append(.error(.contentDuplicateLessonSlug, SourceLocation(path: lesson.document.path), "duplicate lesson slug `\(lesson.slug)`",
                                          hint: "\(first) already makes courses/\(slug)/\(lesson.slug)/; lesson slugs must be unique within a course, modules included",
                                          notes: [DiagnosticNote(SourceLocation(path: first), "the first lesson `\(lesson.slug)`")]))
                continue
            }
            seen[lesson.slug] = lesson.document.path
            if let m = lesson.moduleSlug {
                guard modules[m] != nil else {
                    if moduleDocs[slug]?[m] == nil {
                        diagnostics.append(.error(.contentModuleMdMissing, SourceLocation(path: lesson.document.path), "module folder has no module.md",
                                                  hint: "create module.md with a title in the module's folder"))
                    }
                    continue
                }
                modules[m]!.lessons.append(lesson)
            } else {
                direct.append(lesson)
            }
        }
        var items: [(order: Int, slug: String, item: CourseItem)] = direct.map { ($0.order, $0.slug, .lesson($0)) }
        for m in modules.values {
            var m = m
            m.lessons.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
            if m.lessons.isEmpty {
                diagnostics.append(.error(.contentEmptyModule, SourceLocation(path: m.document.path), "module has no lessons",
                                          hint: "add NN-<lesson>.md files beside module.md"))
                continue
            }
            items.append((m.order, m.slug, .module(m)))
        }
        items.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        let course = Course(slug: slug, document: doc, items: items.map(\.item), draft: isDraft(doc))
        if course.lessons.isEmpty, !damaged.contains(slug) {
            diagnostics.append(.error(.contentEmptyCourse, SourceLocation(path: doc.path, line: 1, column: 1), "course has no lessons",
                                      hint: "add lessons as courses/\(slug)/01-<lesson>.md"))
            return nil
        }
        return course
    }
}

/// Byte offset of `item` inside a list value, for pointing at the exact entry.
func columnOffset(of item: String, in raw: String) -> Int {
    guard let r = raw.range(of: item) else { return 0 }
    return raw.utf8.distance(from: raw.startIndex, to: r.lowerBound)
}
