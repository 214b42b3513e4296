import LatihParallel
import Foundation
import LatihContent
import LatihDiagnostics
import LatihOutput
import LatihMarkdown
import LatihQuiz
import LatihRender
import LatihSearch

/// What to build, from where, to where.
public struct BuildOptions: Sendable {
    public var contentDir: String
    public var templatesDir: String
    public var outputDir: String
    public var includeDrafts: Bool
    /// When false, everything is checked and rendered but nothing is written (`latih check`).
    public var write: Bool
    /// HTML added at the end of every page's body (the live-reload script of `latih serve`).
    public var bodyEnd: String
    /// Write the search index under `search/` (on by default).
    public var searchIndex = true
    /// Also warn about files beside the lessons that no page links to (`latih check`).
    public var reportUnusedFiles = false
    /// Asked between steps; when it returns true the build stops, removes what it had
    /// written, and leaves the previous site in place (Ctrl-C in `latih build`).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// Counts pages rendered and search index files encoded, for a progress line.
    public var pagesDone: ProgressCounter?
    public var indexFilesDone: ProgressCounter?
    /// What pages are rendered for: the site, or (`latih package`) an LMS package, for
    /// which only the courses' pages are rendered.
    public var pageMode: PageMode = .site
    /// Further checks of the assembled site, whose findings join the build's: `latih
    /// check --lms` adds what would stop a course from going into an LMS (LatihLMS), so
    /// that the core knows no command.
    public var extraChecks: [@Sendable (SiteContent, BuildOptions) -> [Diagnostic]] = []

    public init(contentDir: String = "content", templatesDir: String = "templates", outputDir: String = "site",
                includeDrafts: Bool = false, write: Bool = true, bodyEnd: String = "") {
        self.contentDir = contentDir
        self.templatesDir = templatesDir
        self.outputDir = outputDir
        self.includeDrafts = includeDrafts
        self.write = write
        self.bodyEnd = bodyEnd
    }
}

extension BuildOptions {
    /// A content diagnostic as people are shown it: its paths (its notes' too), relative
    /// to the content folder, made to name the files as they are on disk.
    public func shown(_ d: Diagnostic) -> Diagnostic {
        var d = d
        d.location = shown(d.location)
        for i in d.notes.indices { d.notes[i].location = shown(d.notes[i].location) }
        return d
    }

    /// A place relative to the content folder, as people are shown it.
    public func shown(_ location: SourceLocation) -> SourceLocation {
        var l = location
        let root = contentDir.hasSuffix("/") ? String(contentDir.dropLast()) : contentDir
        if l.path != root { l.path = root + "/" + l.path }
        return l
    }
}

/// The outcome of a build.
public struct BuildResult: Sendable {
    /// HTML pages written (or that would have been).
    public var pageCount: Int
    /// All files written, pages included.
    public var fileCount: Int
    /// Every finding, sorted by file and position. Paths are relative to the content
    /// folder, or start with `templates/` for theme files.
    public var diagnostics: [Diagnostic]
    /// True when `isCancelled` stopped the build.
    public var wasInterrupted = false
    /// Every http(s) link in the content, with where it is written (for `check --external`).
    public var externalLinks: [(url: String, location: SourceLocation)] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Builds a site through its stages, each in `Stages/`: `ReadStage` (content and theme),
/// `MarkdownStage` (every document, in parallel), `CrossChecks` (quiz ids, titles,
/// anchors across pages), `RenderStage` (pages in parallel, with `IndexStage`'s search
/// index alongside), and `WriteStage` (a staging folder swapped into place). Nothing is
/// written unless every stage succeeded.
public enum SiteBuilder {
    /// Builds the site. `progress`, when given, hears the name of each phase as it starts.
    public static func build(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) -> BuildResult {
        ParallelWork.onLargeStack { buildOnCurrentThread(options, progress: progress) }
    }

    static func buildOnCurrentThread(_ options: BuildOptions, progress: (@Sendable (String) -> Void)?) -> BuildResult {
        if options.write,
           let refusal = OutputFolder(path: options.outputDir, kind: .site).refusal(protecting: [options.contentDir, options.templatesDir]) {
            return BuildResult(pageCount: 0, fileCount: 0, diagnostics: [refusal])
        }
        // A build that writes renders its pages straight into the staging folder.
        var staging: StagingWriter?
        if options.write {
            let folder = OutputFolder(path: options.outputDir, kind: .site)
            folder.removeStale()
            do {
                staging = StagingWriter(path: try folder.makeStaging())
            } catch {
                return BuildResult(pageCount: 0, fileCount: 0, diagnostics: [writeFailure(options, error)])
            }
        }
        let outcome = assemble(options, sink: staging.map { $0.write }, progress: progress)
        guard case .built(let site) = outcome else {
            staging?.discard()
            if case .failed(let diags) = outcome { return BuildResult(pageCount: 0, fileCount: 0, diagnostics: diags) }
            return interrupted(options)
        }
        var diags = site.diagnostics
        if !options.extraChecks.isEmpty { diags = (diags + options.extraChecks.flatMap { $0(site.content, options) }).sorted() }
        var links: [(url: String, location: SourceLocation)] = []
        for r in site.content.markdown {
            for link in r.rendered.links where link.destination.lowercased().hasPrefix("http://") || link.destination.lowercased().hasPrefix("https://") {
                links.append((link.destination, options.shown(SourceLocation(path: r.path, line: link.line, column: link.column))))
            }
        }
        let pages = site.pages
        let fileCount = site.writtenPages.count + pages.count + site.assetFiles.count + site.content.catalogue.assets.count
        guard let staging else {
            return BuildResult(pageCount: site.pageCount, fileCount: fileCount, diagnostics: diags, externalLinks: links)
        }
        progress?("writing \(options.outputDir)/")
        do {
            try WriteStage.write(to: options.outputDir, staging: staging, pages: pages, assets: site.assetFiles,
                                 contentAssets: site.content.catalogue.assets, contentDir: options.contentDir,
                                 isCancelled: options.isCancelled)
        } catch WriteStage.Cancelled.byRequest {
            return interrupted(options)
        } catch {
            diags.append(writeFailure(options, error))
        }
        return BuildResult(pageCount: site.pageCount, fileCount: fileCount, diagnostics: diags.sorted())
    }

    static func writeFailure(_ options: BuildOptions, _ error: Error) -> Diagnostic {
        .error(.outputWriteFailed, SourceLocation(path: options.outputDir), "cannot write the site: \(describe(error))",
               hint: "check that the output folder's parent exists and is writable; the previous site was left as it was")
    }

    /// What `assemble` ends with.
    public enum Outcome: Sendable {
        case built(BuiltSite)
        case failed([Diagnostic])
        case interrupted
    }

    /// What `prepare` ends with.
    public enum Preparation: Sendable {
        case ready(SiteContent)
        case failed([Diagnostic])
        case interrupted
    }

    /// The stages before any page: read, Markdown, cross-checks, and the files that
    /// certificates are verified with. Fails when anything so far is an error.
    public static func prepare(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) -> Preparation {
        progress?("reading \(options.contentDir)/")
        let read = ReadStage.run(options)
        let catalogue = read.catalogue

        progress?("rendering Markdown")
        let (jobs, context) = MarkdownStage.prepare(catalogue, strings: read.theme?.strings ?? [:])
        let results = MarkdownStage.run(jobs, context)
        let collected = CrossChecks.run(results, catalogue)
        var markdownFindings = collected.diagnostics
        if options.reportUnusedFiles {
            for asset in catalogue.assets where !collected.used.contains(asset.sourcePath) {
                markdownFindings.append(.warning(.contentUnusedFile, SourceLocation(path: asset.sourcePath), "file is not used by any page",
                                                 hint: "link to it from a lesson, or delete it so it is not published"))
            }
        }
        if options.isCancelled() { return .interrupted }
        let verification = VerificationFiles(catalogue, contentDir: options.contentDir)
        guard let theme = read.theme else {
            let findings = read.contentFindings + markdownFindings + verification.diagnostics
            return .failed((findings.map(options.shown) + read.themeFindings).sorted())
        }
        let content = SiteContent(catalogue: catalogue, theme: theme, context: context, markdown: results, collected: collected,
                                  quizLimits: quizLimits(results), verification: verification,
                                  readFindings: read.contentFindings, markdownFindings: markdownFindings, themeFindings: read.themeFindings)
        let diags = content.diagnostics(shownFrom: options)
        return diags.hasErrors ? .failed(diags) : .ready(content)
    }

    /// Everything but writing: `prepare`, then the pages and the search index, in memory.
    /// With a `sink`, the site's pages go to it as they are rendered (see `RenderStage`).
    public static func assemble(_ options: BuildOptions, sink: (@Sendable (OutputFile) -> Void)? = nil,
                                progress: (@Sendable (String) -> Void)? = nil) -> Outcome {
        switch prepare(options, progress: progress) {
        case .failed(let diags): return .failed(diags)
        case .interrupted: return .interrupted
        case .ready(let content): return render(content, options, sink: sink, progress: progress)
        }
    }

    /// The pages and search index of prepared content.
    public static func render(_ content: SiteContent, _ options: BuildOptions, sink: (@Sendable (OutputFile) -> Void)? = nil,
                              progress: (@Sendable (String) -> Void)? = nil) -> Outcome {
        let (assetPaths, assetFiles) = RenderStage.assets(content.theme)
        var input = content.renderInput(bodyEnd: options.bodyEnd, assetPaths: assetPaths)
        guard let output = RenderStage.run(content.theme, &input, options, sink: sink, progress: progress) else { return .interrupted }
        var site = BuiltSite(content: content, input: input, renderedPages: output.pages, searchFiles: output.index.files,
                             assetFiles: assetFiles, diagnostics: content.diagnostics(shownFrom: options))
        site.writtenPages = output.handedOn
        return .built(site)
    }

    /// The attempt limits of the site's quizzes that have one.
    static func quizLimits(_ results: [MarkdownStage.Result]) -> [String: QuizLimit] {
        var limits: [String: QuizLimit] = [:]
        for quiz in results.flatMap(\.quizzes) {
            guard let attempts = quiz.attempts else { continue }
            switch quiz.retry {
            case .review: limits[quiz.id] = QuizLimit(attempts: attempts, retry: "review", minutes: 0)
            case .wait(let minutes): limits[quiz.id] = QuizLimit(attempts: attempts, retry: "wait", minutes: minutes)
            case .contact: limits[quiz.id] = QuizLimit(attempts: attempts, retry: "contact", minutes: 0)
            }
        }
        return limits
    }

    /// What an interrupted build or assembly reports.
    public static func interrupted(_ options: BuildOptions) -> BuildResult {
        BuildResult(pageCount: 0, fileCount: 0, diagnostics: [
            .error(.buildInterrupted, SourceLocation(path: options.outputDir), "build interrupted; the previous site was left as it was"),
        ], wasInterrupted: true)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? POSIXError { return String(cString: strerror(e.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
