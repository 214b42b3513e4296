import Foundation
import LatihContent
import LatihFrontMatter
import LatihMarkdown
import Mustache

/// Builds the values templates see. Every value here is plain text that Mustache
/// escapes, except the `html` keys, which hold HTML made by Latih's own Markdown renderer.
struct ViewModels: Sendable {
    let input: RenderInput
    let strings: [String: String]
    /// Courses by slug, for prerequisites and path lists.
    let courseIndex: [String: Int]
    /// The interface strings the browser code needs (`progress-*`, and `lms-*` in LMS
    /// packages), as script-safe JSON.
    /// The page script's interface strings: all of them for the progress and certificate
    /// pages, and on every other page only those it uses there (`everyPageStrings`), which
    /// saves every lesson page some 4 KB.
    let stringsJSON: String
    let everyPageStringsJSON: String
    /// A page with a quiz also carries the quizzes' strings (`quiz-*`).
    let quizPageStringsJSON: String

    /// What site/progress.js shows on every page: a lesson's completion, the statuses in
    /// outlines and on cards, "Lanjutkan belajar", and dates. A browser test reads every
    /// page with a learner's progress and finds no string missing.
    static let everyPageStrings: Set<String> = [
        "months", "progress-card", "progress-continue", "progress-continue-courses", "progress-lesson-done",
        "progress-lesson-undone", "progress-mark-complete", "progress-marked-complete", "progress-path",
        "progress-quiz-lesson-done", "progress-quiz-completes", "progress-status-done", "progress-status-started",
    ]
    /// The verification's strings (`verify-*`), for the pages that verify credentials.
    var verifyStringsJSON: String { scriptSafeJSON(strings.filter { $0.key.hasPrefix("verify-") }) }
    /// The theme's assets as Mustache keys (`latih.css` is `latih-css`) and published paths.
    let assetKeys: [(key: String, path: String)]

    /// Renders the outline's rows (`partials/outline-lesson`).
    let library: MustacheLibrary
    /// Each course's outline, by the course's index.
    let outlines = KeyedMemo<Int, CourseOutline>()
    /// The site's header and footer, by what they show (see `chrome`).
    private let chromes = KeyedMemo<String, [String: String]>()
    /// The catalogue as the progress and certificate pages' scripts read it (both pages
    /// are at the same depth), encoded once for the two.
    private let progressCatalogue = Memo<String>()
    var progressCatalogueJSON: String {
        progressCatalogue.value { ProgressCatalogue(input: input, title: lessonTitle, root: "../").json() }
    }

    init(input: RenderInput, strings: [String: String], library: MustacheLibrary) {
        self.input = input
        self.strings = strings
        self.library = library
        var index: [String: Int] = [:]
        for (i, c) in input.catalogue.courses.enumerated() { index[c.slug] = i }
        courseIndex = index
        assetKeys = input.assetPaths.map { (key: $0.key.replacingOccurrences(of: ".", with: "-"), path: $0.value) }
        let forPages = strings.filter { $0.key.hasPrefix("progress-") || $0.key == "months" || (input.mode != .site && $0.key.hasPrefix("lms-")) }
        stringsJSON = scriptSafeJSON(forPages)
        // In an LMS package every page may show progress; on the site, only two pages do.
        let everyPage = input.mode == .site ? forPages.filter { Self.everyPageStrings.contains($0.key) } : forPages
        everyPageStringsJSON = input.mode == .site ? scriptSafeJSON(everyPage) : stringsJSON
        quizPageStringsJSON = scriptSafeJSON(everyPage.merging(strings.filter { $0.key.hasPrefix("quiz-") }) { a, _ in a })
    }

    func t(_ key: String) -> String { strings[key] ?? key }

    /// A lesson's title: front matter first, then the leading `# heading`, then its slug.
    /// Worked out when asked, not tabulated for every lesson up front: `latih serve`
    /// renders a page or two per edit, and a table of 10,000 titles cost more than that.
    func lessonTitle(_ lesson: Lesson) -> String {
        lesson.title(leadingTitle: input.documents[lesson.document.path]?.leadingTitle)
    }

    /// A string with `{name}` placeholders filled in.
    func fill(_ key: String, _ values: [String: String]) -> String {
        var s = t(key)
        for (k, v) in values.sorted(by: { $0.key < $1.key }) {
            s = s.replacingOccurrences(of: "{\(k)}", with: v)
        }
        return s
    }

    func duration(_ minutes: Int) -> String { formatMinutes(minutes, strings: strings) }

    func html(_ doc: Document) -> String { input.documents[doc.path]?.html ?? "" }

    /// Values every page has.
    /// Published asset URLs, keyed for Mustache: `latih.css` is `assets.latih-css`.
    func assetURLs(root: String) -> [String: String] {
        var assets: [String: String] = [:]
        assets.reserveCapacity(assetKeys.count)
        for (key, path) in assetKeys { assets[key] = root + path }
        return assets
    }

    /// Values every page has. `root` is the prefix that leads from the page to the site root.
    func common(outputPath: String, title: String, root: String? = nil) -> [String: Any] {
        let config = input.catalogue.config
        let root = root ?? rootPrefix(for: outputPath)
        let assets = assetURLs(root: root)
        let pageTitle = title == config.title ? title : "\(title) · \(config.title)"
        var values: [String: Any] = [
            "lang": config.language,
            "t": strings,
            // An empty string would still open a section: the logo is left out when there is none.
            "site": clean(["title": config.title, "description": config.description, "organisation": config.organisation,
                           "logo": config.logo.map { root + $0.outputPath } ?? ""]),
            "root": root,
            "home": root + SiteRoutes.catalogue.path,
            "assets": assets,
            "pageTitle": pageTitle,
            "nav": input.catalogue.pages.map { ["title": $0.title, "url": root + $0.outputPath, "current": $0.outputPath == outputPath] },
            "pathsURL": root + SiteRoutes.paths.path,
            "progressURL": root + SiteRoutes.progress.path,
            "searchURL": root + SiteRoutes.search.path,
            "stringsJSON": outputPath == SiteRoutes.progress.path || outputPath == SiteRoutes.certificate.path ? stringsJSON : everyPageStringsJSON,
            // An LMS names its record store only at launch: a cmi5 package may reach any
            // https origin unless site.conf lists the agency's.
            "connectSources": (config.xapiEndpoints.isEmpty && input.mode == .lms(.cmi5) ? ["https:"] : config.xapiEndpoints)
                .map { " " + $0 }.joined(),
            "baseURL": config.baseURL ?? "",
            "standalone": input.mode != .site,
        ]
        // Left out when empty: Mustache treats an empty string as true in a section.
        if let format = input.mode.lmsFormat { values["lms"] = format.rawValue }
        // The xAPI reporter ships only to a site that names a learning record store.
        if !config.xapiEndpoints.isEmpty { values["reportsXAPI"] = true }
        return values
    }

    /// A page's template, path and values: the site-wide ones (`common`), the page's own,
    /// its header and footer (`chrome`), the quizzes' strings on a page with a quiz, and
    /// `bodyEnd`. What the build renders, and what `TemplateVocabulary` names.
    func pageContext(for job: PageRenderer.Job, bodyEnd: String) -> (template: String, path: String, context: [String: Any]) {
        let (template, path, title, values) = page(for: job)
        var context = common(outputPath: path, title: title)
        for (k, v) in values { context[k] = v }
        if let document = document(of: job), !(input.quizIDs[document] ?? []).isEmpty {
            context["stringsJSON"] = quizPageStringsJSON
        }
        context["chrome"] = chrome(outputPath: path, root: context["root"] as? String ?? "", values: values)
        context["bodyEnd"] = bodyEnd
        return (template, path, context)
    }

    /// The flags of a page's kind that the header reads: which entry of the navigation is
    /// the page's own, and whether it shows the header's search form.
    static let chromeFlags = ["isCatalogue", "isPaths", "isProgress", "isSearch"]

    /// The site's header and footer (`partials/site-header`, `partials/site-footer`),
    /// rendered once for all the pages that show the same ones rather than once a page.
    /// They held some 30 of a lesson page's 100 template lookups, and every lesson of a
    /// course shows the same. They depend on the page's depth (`root`), on which custom
    /// page of the navigation it is, and on its kind's flags, the key here; they see only
    /// the site-wide values (`chromeContext`), which `TemplateCheck` holds them to, so one
    /// rendering stands for every page with the same key. The layout renders the
    /// partials itself where no `chrome` is given (the monitoring report's pages).
    func chrome(outputPath: String, root: String, values: [String: Any]) -> [String: String] {
        let flags = Self.chromeFlags.map { values[$0] as? Bool == true ? "1" : "0" }.joined()
        let current = input.catalogue.pages.firstIndex { $0.outputPath == outputPath } ?? -1
        return chromes.value("\(root)\n\(flags)\n\(current)") {
            let context = chromeContext(outputPath: outputPath, root: root, values: values)
            return ["header": library.render(context, withTemplate: "partials/site-header") ?? "",
                    "footer": library.render(context, withTemplate: "partials/site-footer") ?? ""]
        }
    }

    /// What the header and footer see: `common` without the page's title and strings,
    /// and the page kind's flags.
    func chromeContext(outputPath: String, root: String, values: [String: Any]) -> [String: Any] {
        var context = common(outputPath: outputPath, title: "", root: root)
        context["pageTitle"] = nil
        context["stringsJSON"] = nil
        // The report's pages render the same partials, where this is true.
        context["report"] = false
        for flag in Self.chromeFlags where values[flag] != nil { context[flag] = values[flag] }
        return context
    }

    /// The document a page shows, by its source path; nil for the built-in pages.
    func document(of job: PageRenderer.Job) -> String? {
        let c = input.catalogue
        switch job {
        case .course(let i): return c.courses[i].document.path
        case .lesson(let ci, let li): return c.courses[ci].lessons[li].document.path
        case .path(let i): return c.paths[i].document.path
        case .page(let i): return c.pages[i].document.path
        case .catalogue, .paths, .notFound, .progress, .certificate, .search, .verify: return nil
        }
    }

    func page(for job: PageRenderer.Job) -> (template: String, path: String, title: String, values: [String: Any]) {
        let c = input.catalogue
        switch job {
        case .catalogue:
            return ("catalogue", SiteRoutes.catalogue.path, c.config.title, catalogue(root: ""))
        case .paths:
            let root = "../"
            return ("paths", SiteRoutes.paths.path, t("paths-title"), [
                "paths": c.paths.map { pathCard($0, root: root) },
                "isPaths": true,
            ])
        case .notFound:
            // 404.html is served for missing pages at any depth, so relative links cannot
            // work there; with a base-url they are made absolute.
            let base = c.config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
            return ("404", SiteRoutes.notFound.path, t("notfound-title"), common(outputPath: SiteRoutes.notFound.path, title: t("notfound-title"), root: base))
        case .progress:
            let root = "../"
            return ("progress", SiteRoutes.progress.path, t("progress-title"), [
                "catalogueJSON": progressCatalogueJSON,
                "isProgress": true,
                // The agency's credentials a learner keeps are verified on this page too,
                // on a site that issues them.
                "issuesCertificates": input.trustJSON != "null",
                "trustJSON": input.trustJSON,
                "statusJSON": input.statusJSON,
                "verifyStringsJSON": verifyStringsJSON,
            ])
        case .certificate:
            return ("certificate", SiteRoutes.certificate.path, t("certificate-title"), [
                "catalogueJSON": progressCatalogueJSON,
                "isProgress": true,
            ])
        case .verify:
            return ("verify", SiteRoutes.verify.path, t("verify-title"), [
                "trustJSON": input.trustJSON,
                "statusJSON": input.statusJSON,
                "verifyStringsJSON": verifyStringsJSON,
            ])
        case .search:
            let root = "../"
            return ("search", SiteRoutes.search.path, t("search-title"), [
                "searchIndex": input.searchIndex.isEmpty ? "" : root + input.searchIndex,
                // Without JavaScript the page lists every course, each linking to its
                // lessons: listing every lesson made the page 186 KB (gzip) at 10,000.
                "courses": c.courses.map { courseCard($0, root: root) },
                "isSearch": true,
                "searchStringsJSON": scriptSafeJSON(strings.filter { $0.key.hasPrefix("search-") || $0.key.hasPrefix("unit-") }),
            ])
        case .course(let i):
            let course = c.courses[i]
            let root = rootPrefix(for: course.outputPath)
            var values = clean(["course": courseDetail(course, root: root), "contentLang": contentLanguage(course)])
            // Search engines read a public catalogue's courses; a package's page is in an LMS.
            if input.mode == .site { values["courseJSONLD"] = CourseStructuredData(course, in: c).json }
            return ("course", course.outputPath, course.title, values)
        case .lesson(let ci, let li):
            let course = c.courses[ci]
            let lessons = course.lessons
            let lesson = lessons[li]
            let root = rootPrefix(for: lesson.outputPath)
            var v: [String: Any] = [
                "course": [
                    "title": course.title, "url": root + course.outputPath, "id": course.slug,
                    "quizIds": course.lessons.flatMap { input.quizIDs[$0.document.path] ?? [] }.joined(separator: " "),
                ],
                "lesson": clean([
                    "id": lesson.progressID,
                    "minutes": String(lesson.minutes ?? 0),
                    "hasQuiz": !(input.quizIDs[lesson.document.path] ?? []).isEmpty,
                    "title": lessonTitle(lesson),
                    "summary": lesson.summary,
                    "duration": duration(lesson.minutes ?? 0),
                    "position": fill("lesson-position", ["n": String(li + 1), "total": String(lessons.count)]),
                    "html": html(lesson.document),
                ]),
                "outline": outlines.value(ci) { courseOutline(course, root: root) }.sections(current: lesson.document.path),
            ]
            if let m = lesson.moduleSlug, let module = course.modules.first(where: { $0.slug == m }) {
                v["module"] = ["title": module.title]
            }
            let language = contentLanguage(course)
            if !language.isEmpty { v["contentLang"] = language }
            if li > 0 { v["prev"] = lessonLink(lessons[li - 1], root: root) }
            if li + 1 < lessons.count { v["next"] = lessonLink(lessons[li + 1], root: root) }
            return ("lesson", lesson.outputPath, lessonTitle(lesson), v)
        case .path(let i):
            let path = c.paths[i]
            let root = rootPrefix(for: path.outputPath)
            let courses = path.courseSlugs.compactMap { courseIndex[$0] }.map { c.courses[$0] }
            var cards: [[String: Any]] = []
            for (n, course) in courses.enumerated() {
                var card = courseCard(course, root: root)
                card["step"] = String(n + 1)
                cards.append(card)
            }
            return ("path", path.outputPath, path.title, ["path": clean([
                "title": path.title,
                "summary": path.summary,
                "html": html(path.document),
                "courses": cards,
                "duration": duration(courses.reduce(0) { $0 + $1.minutes }),
                "courseCount": fill("course-count", ["n": String(courses.count)]),
                "competencies": path.competencies,
                "hasCompetencies": !path.competencies.isEmpty,
            ]), "isPaths": true])
        case .page(let i):
            let page = c.pages[i]
            return ("page", page.outputPath, page.title, ["page": clean([
                "title": page.title,
                "summary": page.summary,
                "html": html(page.document),
            ])])
        }
    }

    /// Drops empty strings. Mustache treats an empty string as true in a section, and a
    /// missing key is looked up in enclosing contexts, so optional values are left out
    /// and keys inside loops have names of their own.
    func clean(_ d: [String: Any]) -> [String: Any] {
        d.filter { !(($0.value as? String)?.isEmpty ?? false) }
    }

    /// The course's `language` when it differs from the site's, for a `lang` attribute on
    /// its text (screen readers switch voice; the search index switches stemmer).
    func contentLanguage(_ course: Course) -> String {
        let language = input.catalogue.language(of: course)
        return language == input.catalogue.config.language ? "" : language
    }

    func levelLabel(_ level: String) -> String { level.isEmpty ? "" : t("level-\(level)") }

    func courseCard(_ course: Course, root: String) -> [String: Any] {
        clean([
            "slug": course.slug,
            "title": course.title,
            "url": root + course.outputPath,
            "summary": course.summary,
            "level": course.level,
            "levelLabel": levelLabel(course.level),
            "category": course.category,
            "duration": duration(course.minutes),
            "lessonCount": fill("lesson-count", ["n": String(course.lessons.count)]),
            "lessonTotal": String(course.lessons.count),
        ])
    }

    func pathCard(_ path: LearningPath, root: String) -> [String: Any] {
        let courses = path.courseSlugs.compactMap { courseIndex[$0] }.map { input.catalogue.courses[$0] }
        return [
            "title": path.title,
            "url": root + path.outputPath,
            "summary": path.summary,
            "courseCount": fill("course-count", ["n": String(courses.count)]),
            "duration": duration(courses.reduce(0) { $0 + $1.minutes }),
            // `<course>:<lessons>` for each course, which the page's script counts the
            // learner's progress through the path from.
            "progressCourses": courses.map { "\($0.slug):\($0.lessons.count)" }.joined(separator: " "),
        ]
    }

    func lessonLink(_ lesson: Lesson, root: String) -> [String: Any] {
        ["title": lessonTitle(lesson), "url": root + lesson.outputPath]
    }

    func catalogue(root: String) -> [String: Any] {
        let courses = input.catalogue.courses
        let categories = Set(courses.map(\.category)).sorted()
        let groups: [[String: Any]] = categories.map { cat in
            let members = courses.filter { $0.category == cat }.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }
            return [
                "name": cat.isEmpty ? t("category-other") : cat,
                "id": "kategori-" + HeadingIDGenerator.slug(cat.isEmpty ? "lainnya" : cat),
                "courses": members.map { courseCard($0, root: root) },
            ]
        }
        let levels = courseLevels.filter { l in courses.contains { $0.level == l } }
        return [
            "categories": groups,
            "categoryOptions": categories.map { ["value": $0, "label": $0.isEmpty ? t("category-other") : $0] },
            "levelOptions": levels.map { ["value": $0, "label": levelLabel($0)] },
            "paths": input.catalogue.paths.map { pathCard($0, root: root) },
            "hasPaths": !input.catalogue.paths.isEmpty,
            "courseCount": fill("course-count", ["n": String(courses.count)]),
            "isCatalogue": true,
        ]
    }

    /// A course's lessons in reading order, grouped: each module's, and runs of lessons
    /// outside modules.
    func groups(_ course: Course) -> [(module: Module?, lessons: [Lesson])] {
        var out: [(module: Module?, lessons: [Lesson])] = []
        var loose: [Lesson] = []
        for item in course.items {
            switch item {
            case .lesson(let l):
                loose.append(l)
            case .module(let m):
                if !loose.isEmpty { out.append((nil, loose)); loose = [] }
                out.append((m, m.lessons))
            }
        }
        if !loose.isEmpty { out.append((nil, loose)) }
        return out
    }

    /// The rows of a course's syllabus and outline, numbered through the course.
    func sections(_ course: Course, root: String, current: String?) -> [[String: Any]] {
        var number = 0
        return groups(course).map { group in
            let rows: [[String: Any]] = group.lessons.map { l in
                number += 1
                return clean([
                    "lessonId": l.progressID,
                    "number": String(number),
                    "title": lessonTitle(l),
                    "url": root + l.outputPath,
                    "lessonDuration": duration(l.minutes ?? 0),
                    "current": l.document.path == current,
                ])
            }
            guard let m = group.module else { return ["lessons": rows] }
            return clean([
                "moduleTitle": m.title, "moduleId": m.anchor,
                "moduleSummary": m.summary,
                "lessons": rows,
            ])
        }
    }

    /// The outline of a course's lesson pages, each row rendered as another lesson's and
    /// as the page's own. A row sees its own values, `t` and `root`.
    func courseOutline(_ course: Course, root: String) -> CourseOutline {
        var groups: [CourseOutline.Group] = []
        for section in sections(course, root: root, current: nil) {
            let lessons = section["lessons"] as? [[String: Any]] ?? []
            var group = CourseOutline.Group(moduleTitle: section["moduleTitle"] as? String ?? "", rows: [], lessons: [], plain: "")
            for row in lessons {
                var context = row
                context["t"] = strings
                context["root"] = root
                let plain = library.render(context, withTemplate: "partials/outline-lesson") ?? ""
                context["current"] = true
                let current = library.render(context, withTemplate: "partials/outline-lesson") ?? ""
                group.rows.append((plain, current))
                group.plain += plain
            }
            groups.append(group)
        }
        for (i, group) in self.groups(course).enumerated() { groups[i].lessons = group.lessons.map(\.document.path) }
        return CourseOutline(groups: groups)
    }

    func courseDetail(_ course: Course, root: String) -> [String: Any] {
        var d = courseCard(course, root: root)
        d["html"] = html(course.document)
        d["competencies"] = course.competencies
        d["tags"] = course.tags
        d["authors"] = course.authors.joined(separator: ", ")
        let updated = course.updated
        d["updated"] = updated.map { formatDate(year: $0.year, month: $0.month, day: $0.day, strings: strings) } ?? ""
        d["updatedISO"] = updated?.description ?? ""
        d["prerequisites"] = course.prerequisites.compactMap { courseIndex[$0] }.map {
            ["title": input.catalogue.courses[$0].title, "url": root + input.catalogue.courses[$0].outputPath]
        }
        d["hasCompetencies"] = !course.competencies.isEmpty
        d["hasPrerequisites"] = !(d["prerequisites"] as! [Any]).isEmpty
        d["sections"] = sections(course, root: root, current: nil)
        d["start"] = course.lessons.first.map { root + $0.outputPath } ?? ""
        let paths = input.catalogue.paths.filter { $0.courseSlugs.contains(course.slug) }.map {
            ["title": $0.title, "url": root + $0.outputPath]
        }
        d["paths"] = paths
        d["hasPaths"] = !paths.isEmpty
        return clean(d)
    }
}
