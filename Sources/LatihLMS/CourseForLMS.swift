import Foundation
import LatihContent
import LatihDiagnostics
import LatihMarkdown
import LatihParallel
import LatihRender
import LatihSite

/// One course, rendered for an LMS: the course page, its lessons, the theme's assets and
/// the content files they use, at the paths they have on the site. Links out of the
/// course lead to the published site (with `base-url`) in a new window, or are not links.
public struct CourseForLMS: Sendable {
    /// One lesson: an item (SCORM) or AU (cmi5).
    public struct Lesson: Sendable {
        /// `<course>/<lesson>`, as the learner's progress names it.
        public var id: String
        public var slug: String
        public var title: String
        public var summary: String
        /// The page, relative to the package root.
        public var href: String
        public var minutes: Int
        /// The pass marks (0–100) of the lesson's quizzes, in page order; empty without quizzes.
        public var passMarks: [Int]
    }

    /// A module and its lessons, or lessons outside any module (`module` nil).
    public struct Group: Sendable {
        public var module: (slug: String, title: String, summary: String)?
        public var lessons: [Lesson]
    }

    public var slug: String
    public var title: String
    public var summary: String
    /// The course's language (`id`, `en`).
    public var language: String
    /// The published site's address, when site.conf gives one.
    public var baseURL: String?
    public var groups: [Group]
    /// Every file of the package but its manifest, sorted by path.
    public var files: [(path: String, data: Data)]

    public var lessons: [Lesson] { groups.flatMap(\.lessons) }
}

extension CourseForLMS {
    /// The courses named by `slugs` (all of them when empty), rendered for `format`.
    /// Nothing is returned when the content has errors; every finding is returned, those
    /// of packaging (`PackageCheck`) included.
    public static func render(_ options: BuildOptions, format: LMSFormat,
                              only slugs: [String] = []) -> (courses: [CourseForLMS], diagnostics: [Diagnostic]) {
        let (packages, diagnostics) = render(options, formats: [format], only: slugs)
        return (packages.first?.courses ?? [], diagnostics)
    }

    /// The same for several formats, from one assembly of the site: only the pages are
    /// rendered again for each format.
    public static func render(_ options: BuildOptions, formats: [LMSFormat],
                              only slugs: [String] = []) -> (packages: [(format: LMSFormat, courses: [CourseForLMS])], diagnostics: [Diagnostic]) {
        var lmsOptions = options
        lmsOptions.searchIndex = false
        let chosen = lmsOptions
        return ParallelWork.onLargeStack { render(preparing: chosen, formats: formats, slugs: slugs) }
    }

    static func render(preparing options: BuildOptions, formats: [LMSFormat],
                       slugs: [String]) -> (packages: [(format: LMSFormat, courses: [CourseForLMS])], diagnostics: [Diagnostic]) {
        let site: SiteContent
        switch SiteBuilder.prepare(options, progress: nil) {
        case .ready(let s): site = s
        case .failed(let d): return ([], d)
        case .interrupted: return ([], SiteBuilder.interrupted(options).diagnostics)
        }
        var diags = site.diagnostics(shownFrom: options)
        let known = site.catalogue.courses.map(\.slug)
        for slug in slugs where !known.contains(slug) {
            let closest = Suggestion.closest(to: slug, in: known)
            let hint = closest.map { "did you mean `\($0)`?" }
                ?? "courses are the folders of \(options.contentDir)/courses/: \(known.joined(separator: ", "))"
            diags.append(.error(.lmsUnknownCourse, SourceLocation(path: options.contentDir + "/courses/" + slug), "no course `\(slug)`",
                                hint: hint, suggestion: closest))
        }
        diags += PackageCheck.diagnostics(site, options)
        if diags.hasErrors { return ([], diags.sorted()) }
        // The theme's assets, named by their content, are the same in every format.
        let (assetPaths, assetFiles) = RenderStage.assets(site.theme)
        var packages: [(format: LMSFormat, courses: [CourseForLMS])] = []
        for format in formats {
            var renderOptions = options
            renderOptions.pageMode = .lms(format)
            var input = site.renderInput(bodyEnd: "", assetPaths: assetPaths)
            guard let output = RenderStage.run(site.theme, &input, renderOptions) else {
                return ([], SiteBuilder.interrupted(options).diagnostics)
            }
            packages.append((format, courses(site, pages: output.pages, assets: (assetPaths, assetFiles), slugs: slugs,
                                             options: options, diagnostics: &diags)))
        }
        return (diags.hasErrors ? [] : packages, diags.sorted())
    }

    /// The chosen courses of `site`, with `pages` (rendered for one format) and their files.
    static func courses(_ site: SiteContent, pages rendered: [OutputFile], assets: (paths: [String: String], files: [(String, Data)]),
                        slugs: [String], options: BuildOptions, diagnostics diags: inout [Diagnostic]) -> [CourseForLMS] {
        let chosen = site.catalogue.courses.filter { slugs.isEmpty || slugs.contains($0.slug) }
        let pages = Dictionary(rendered.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
        // The theme's assets but the scripts of the site alone: its pages' (with offline
        // use), the search engine's and the report's. A package's pages load latih-lms.js.
        let siteOnly = Set(PackageCheck.siteOnlyScripts.compactMap { assets.paths[$0] })
        let themeFiles = assets.files.filter { path, _ in !siteOnly.contains(path) }
        var out: [CourseForLMS] = []
        for course in chosen {
            let contentFiles = PackageCheck.contentFiles(of: course, site)
            var files: [(path: String, data: Data)] = themeFiles.map { ($0.0, $0.1) }
            for (source, output) in contentFiles {
                guard let data = FileManager.default.contents(atPath: options.contentDir + "/" + source) else {
                    diags.append(.error(.fileUnreadable, SourceLocation(path: options.contentDir + "/" + source), "file cannot be read for the package"))
                    continue
                }
                files.append((output, data))
            }
            let pagePaths = [course.outputPath] + course.lessons.map(\.outputPath)
            let held = Set(pagePaths + files.map(\.path))
            for path in pagePaths {
                let html = PackageLinks.rewrite(pages[path] ?? "", page: path, held: held, baseURL: site.catalogue.config.baseURL)
                files.append((path, Data(html.utf8)))
            }
            files.sort { $0.path < $1.path }
            out.append(CourseForLMS(
                slug: course.slug, title: course.title,
                summary: course.summary,
                language: site.catalogue.language(of: course),
                baseURL: site.catalogue.config.baseURL,
                groups: groups(course, site), files: files))
        }
        return out
    }

    static func groups(_ course: Course, _ site: SiteContent) -> [CourseForLMS.Group] {
        func entry(_ l: LatihContent.Lesson) -> CourseForLMS.Lesson {
            let result = site.result(for: l.document.path)
            return CourseForLMS.Lesson(
                id: l.progressID, slug: l.slug, title: site.title(of: l),
                summary: l.summary, href: l.outputPath,
                minutes: l.minutes ?? 0, passMarks: result?.quizzes.map(\.pass) ?? [])
        }
        var out: [CourseForLMS.Group] = []
        var loose: [CourseForLMS.Lesson] = []
        for item in course.items {
            switch item {
            case .lesson(let l):
                loose.append(entry(l))
            case .module(let m):
                if !loose.isEmpty { out.append(.init(module: nil, lessons: loose)); loose = [] }
                out.append(.init(module: (m.slug, m.title, m.summary), lessons: m.lessons.map(entry)))
            }
        }
        if !loose.isEmpty { out.append(.init(module: nil, lessons: loose)) }
        return out
    }
}
