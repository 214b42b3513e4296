import LatihParallel
import LatihContent
import LatihMarkdown
import Mustache

/// A file the build writes, by path relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Everything page rendering needs, gathered by the site build.
public struct RenderInput: Sendable {
    public var catalogue: Catalogue
    /// Rendered Markdown by document path (relative to `content/`).
    public var documents: [String: RenderedMarkdown]
    /// Published asset paths by their name in `templates/assets/` (`latih.css` → `assets/latih.3f2a9c1b.css`).
    public var assetPaths: [String: String]
    /// Extra HTML for the end of `<body>`, such as `latih serve`'s reload script tag; empty for a build.
    public var bodyEnd: String
    /// The ids of the quizzes in each document, by document path, in page order.
    public var quizIDs: [String: [String]]
    /// The search catalogue file, relative to the site root and without extension
    /// (`search/index.3f2a9c1b`); the search page loads `.json` or `.js` from it.
    public var searchIndex: String
    /// The published site, or an LMS package.
    public var mode: PageMode = .site
    /// What the verification page embeds, as script-safe JSON: the trust list (the
    /// agency and its keys) and the signed status list; `null` when there is none.
    public var trustJSON = "null"
    public var statusJSON = "null"
    /// The attempt limits of quizzes that have one, by quiz id, so that the progress page
    /// can say when a quiz's attempts are spent.
    public var quizLimits: [String: QuizLimit] = [:]

    public init(catalogue: Catalogue, documents: [String: RenderedMarkdown], assetPaths: [String: String],
                bodyEnd: String = "", quizIDs: [String: [String]] = [:], searchIndex: String = "") {
        self.searchIndex = searchIndex
        self.catalogue = catalogue
        self.documents = documents
        self.assetPaths = assetPaths
        self.bodyEnd = bodyEnd
        self.quizIDs = quizIDs
    }
}

/// A quiz's attempt limit and what follows its last attempt (`Quiz.Retry`), as the
/// browser's `store.attemptRound` reads them: `retry` is "review", "wait" or "contact".
public struct QuizLimit: Encodable, Sendable, Equatable {
    public var attempts: Int
    public var retry: String
    public var minutes: Int

    public init(attempts: Int, retry: String, minutes: Int) {
        (self.attempts, self.retry, self.minutes) = (attempts, retry, minutes)
    }
}

/// Renders every page of the site through the theme's templates, in parallel.
public struct PageRenderer: Sendable {
    let theme: Theme
    let input: RenderInput
    let views: ViewModels
    /// Counts the pages that `renderAll` and `renderAllButSearch` render, for a progress line.
    let counter: ProgressCounter?

    public init(theme: Theme, input: RenderInput, counter: ProgressCounter? = nil) {
        self.theme = theme
        self.input = input
        self.views = ViewModels(input: input, strings: theme.strings, library: theme.library)
        self.counter = counter
    }

    /// One page to render: which template, at which path, with which page-specific values.
    enum Job: Sendable {
        case catalogue
        case course(Int)
        case lesson(course: Int, index: Int)
        case paths
        case path(Int)
        case page(Int)
        case notFound
        case progress
        case certificate
        case search
        case verify
    }

    /// Every page's job, in a fixed order.
    var jobs: [Job] { Self.jobs(of: input.catalogue) }

    /// Every page's job of a catalogue, in a fixed order.
    static func jobs(of c: Catalogue) -> [Job] {
        var jobs: [Job] = [.catalogue, .paths, .notFound, .progress, .certificate, .search, .verify]
        for (i, course) in c.courses.enumerated() {
            jobs.append(.course(i))
            for j in course.lessons.indices { jobs.append(.lesson(course: i, index: j)) }
        }
        jobs += c.paths.indices.map(Job.path) + c.pages.indices.map(Job.page)
        return jobs
    }

    /// Every page, in a fixed order.
    public func renderAll() -> [OutputFile] {
        counted(jobs)
    }

    /// Every page, each handed to `sink` as soon as it is rendered and then let go (a
    /// build writes them straight into its staging folder); their paths, in a fixed order.
    public func renderAll(into sink: @escaping @Sendable (OutputFile) -> Void) -> [String] {
        handed(jobs, to: sink)
    }

    private func counted(_ list: [Job]) -> [OutputFile] {
        guard let counter else { return list.parallelMap(render) }
        counter.expect(list.count)
        return list.parallelMap { job in
            defer { counter.step() }
            return render(job)
        }
    }

    private func handed(_ list: [Job], to sink: @escaping @Sendable (OutputFile) -> Void) -> [String] {
        counter?.expect(list.count)
        return list.parallelMap { job in
            defer { counter?.step() }
            let page = render(job)
            sink(page)
            return page.path
        }
    }

    /// The path of the one page that names the search index's catalogue file
    /// (`RenderInput.searchIndex`), and so is rendered after the index is built.
    public static let searchPagePath = SiteRoutes.search.path

    /// Every page but the search page, in a fixed order: what can be rendered while the
    /// search index is still being built.
    public func renderAllButSearch() -> [OutputFile] {
        counted(allButSearch)
    }

    /// `renderAllButSearch`, each page handed to `sink` as `renderAll(into:)` does.
    public func renderAllButSearch(into sink: @escaping @Sendable (OutputFile) -> Void) -> [String] {
        handed(allButSearch, to: sink)
    }

    private var allButSearch: [Job] {
        jobs.filter { if case .search = $0 { return false } else { return true } }
    }

    /// Only the pages at these output paths (for `latih serve` after an edit), found
    /// from the paths themselves rather than by listing every page of the site.
    public func render(only paths: Set<String>) -> [OutputFile] {
        paths.sorted().compactMap(job(at:)).parallelMap(render)
    }

    /// The page job that writes `path`, if any.
    func job(at path: String) -> Job? {
        let c = input.catalogue
        switch path {
        case SiteRoutes.catalogue.path: return .catalogue
        case SiteRoutes.paths.path: return .paths
        case SiteRoutes.notFound.path: return .notFound
        case SiteRoutes.progress.path: return .progress
        case SiteRoutes.certificate.path: return .certificate
        case SiteRoutes.search.path: return .search
        case SiteRoutes.verify.path: return .verify
        default: break
        }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 3, parts[0] == "courses", let i = views.courseIndex[parts[1]] {
            if parts.count == 3 { return .course(i) }
            if let j = c.courses[i].lessons.firstIndex(where: { $0.slug == parts[2] }) { return .lesson(course: i, index: j) }
            return nil
        }
        if parts.count == 3, parts[0] == "paths", let i = c.paths.firstIndex(where: { $0.outputPath == path }) { return .path(i) }
        if parts.count == 2, let i = c.pages.firstIndex(where: { $0.outputPath == path }) { return .page(i) }
        return nil
    }

    func render(_ job: Job) -> OutputFile {
        let (template, path, context) = views.pageContext(for: job, bodyEnd: input.bodyEnd)
        let html = theme.library.render(context, withTemplate: template) ?? ""
        return OutputFile(path: path, contents: html)
    }
}
