import LatihParallel
import Crypto
import Foundation
import LatihContent
import LatihDiagnostics
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
    /// Render the courses' pages only, for this LMS package format (`latih package`).
    public var lms: LMSFormat?
    /// Also report what would stop a course from being packaged for an LMS (`latih check`).
    public var checkPackaging = false
    /// Render pages (off when only the catalogue and its quizzes are wanted: `latih report`).
    public var renderPages = true

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

/// Builds a site: content → parsed model → Markdown (in parallel) → link and anchor
/// checks → pages (in parallel) → a staging folder → swapped into place.
/// Nothing is written unless every step succeeded.
public enum SiteBuilder {
    /// Builds the site. `progress`, when given, hears the name of each phase as it starts.
    public static func build(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) -> BuildResult {
        onLargeStack { buildOnCurrentThread(options, progress: progress) }
    }

    /// Runs `work` on a thread with a 64 MiB stack and waits for it (see `ParallelWork.onLargeStack`).
    static func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        ParallelWork.onLargeStack(work)
    }

    static func buildOnCurrentThread(_ options: BuildOptions, progress: (@Sendable (String) -> Void)?) -> BuildResult {
        if options.write,
           let refusal = OutputFolder.refusal(output: options.outputDir, protecting: [options.contentDir, options.templatesDir]) {
            return BuildResult(pageCount: 0, fileCount: 0, diagnostics: [refusal])
        }
        let outcome = assemble(options, progress: progress)
        guard case .built(let site) = outcome else {
            if case .failed(let diags) = outcome { return BuildResult(pageCount: 0, fileCount: 0, diagnostics: diags) }
            return interrupted(options)
        }
        var diags = site.diagnostics
        if options.checkPackaging { diags = (diags + PackageCheck.diagnostics(site, options)).sorted() }
        var links: [(url: String, location: SourceLocation)] = []
        for r in site.markdown {
            for link in r.rendered.links where link.destination.lowercased().hasPrefix("http://") || link.destination.lowercased().hasPrefix("https://") {
                links.append((link.destination, inContent(SourceLocation(path: r.path, line: link.line, column: link.column), options)))
            }
        }
        let pages = site.pages
        let fileCount = pages.count + site.assetFiles.count + site.catalogue.assets.count
        guard options.write else {
            return BuildResult(pageCount: site.pageCount, fileCount: fileCount, diagnostics: diags, externalLinks: links)
        }
        progress?("writing \(options.outputDir)/")
        do {
            try SiteWriter.write(to: options.outputDir, pages: pages, assets: site.assetFiles,
                                 contentAssets: site.catalogue.assets, contentDir: options.contentDir,
                                 isCancelled: options.isCancelled)
        } catch SiteWriter.Cancelled.byRequest {
            return interrupted(options)
        } catch {
            diags.append(.error(.outputWriteFailed, SourceLocation(path: options.outputDir), "cannot write the site: \(describe(error))",
                                hint: "check that the output folder's parent exists and is writable; the previous site was left as it was"))
        }
        return BuildResult(pageCount: site.pageCount, fileCount: fileCount, diagnostics: diags.sorted())
    }

    /// What `assemble` ends with.
    enum Outcome {
        case built(BuiltSite)
        case failed([Diagnostic])
        case interrupted
    }

    /// Everything but writing: content, Markdown, search index and pages, in memory.
    static func assemble(_ options: BuildOptions, progress: (@Sendable (String) -> Void)?) -> Outcome {
        var diags: [Diagnostic] = []
        progress?("reading \(options.contentDir)/")
        let (catalogue, contentDiags) = ContentLoader(root: options.contentDir, includeDrafts: options.includeDrafts).load()
        diags += contentDiags.map { inContent($0, options) }
        let (theme, themeDiags) = Theme.load(from: options.templatesDir, language: catalogue.config.language)
        diags += themeDiags
        let contentDiagnostics = diags

        progress?("rendering Markdown")
        let quizzes = QuizRenderer(strings: theme?.strings ?? [:], rawHTML: catalogue.config.rawHTML)
        let (jobs, targets) = markdownJobs(catalogue)
        let resolver = LinkResolver(targets: targets)
        let rawHTML = catalogue.config.rawHTML
        let results = jobs.parallelMap { renderJob($0, resolver: resolver, quizzes: quizzes, rawHTML: rawHTML) }
        let collected = collect(results, catalogue)
        let (documents, quizIDs, used, headingIDs) = (collected.documents, collected.quizIDs, collected.used, collected.headingIDs)
        diags += collected.diagnostics.map { inContent($0, options) }
        if options.reportUnusedFiles {
            for asset in catalogue.assets where !used.contains(asset.sourcePath) {
                diags.append(inContent(.warning(.contentUnusedFile, SourceLocation(path: asset.sourcePath), "file is not used by any page",
                                                hint: "link to it from a lesson, or delete it so it is not published"), options))
            }
        }
        if options.isCancelled() { return .interrupted }
        guard let theme, !diags.hasErrors else { return .failed(diags.sorted()) }

        var assetPaths: [String: String] = [:]
        var assetFiles: [(String, Data)] = []
        for (name, data) in theme.assets {
            let published = "assets/" + hashedName(name, data)
            assetPaths[name] = published
            assetFiles.append((published, data))
        }
        var input = RenderInput(catalogue: catalogue, documents: documents, assetPaths: assetPaths,
                                bodyEnd: options.bodyEnd, quizIDs: quizIDs)
        var rendered: [OutputFile]
        var index: (files: [SearchFile], catalogue: String) = ([], "")
        if !options.renderPages {
            rendered = []
        } else if let lms = options.lms {
            progress?("rendering courses for \(lms.name)")
            input.lms = lms.rawValue
            let paths = catalogue.courses.flatMap { [$0.outputPath] + $0.lessons.map(\.outputPath) }
            rendered = PageRenderer(theme: theme, input: input, counter: options.pagesDone).render(only: Set(paths))
        } else if options.searchIndex {
            // The index is built while the pages render: only the search page names it.
            progress?("rendering pages, indexing for search")
            let pageInput = input
            let pages = options.pagesDone, files = options.indexFilesDone
            (rendered, index) = ParallelWork.alongside({ PageRenderer(theme: theme, input: pageInput, counter: pages).renderAllButSearch() },
                                                       { searchIndex(catalogue, documents, counter: files) })
            if options.isCancelled() { return .interrupted }
            input.searchIndex = index.catalogue
            rendered += PageRenderer(theme: theme, input: input).render(only: [PageRenderer.searchPagePath])
        } else {
            progress?("rendering pages")
            rendered = PageRenderer(theme: theme, input: input, counter: options.pagesDone).renderAll()
        }
        if options.isCancelled() { return .interrupted }
        return .built(BuiltSite(catalogue: catalogue, theme: theme, quizzes: quizzes, resolver: resolver,
                                markdown: results, headingIDs: headingIDs, input: input, renderedPages: rendered, searchFiles: index.files,
                                assetFiles: assetFiles, contentDiagnostics: contentDiagnostics, diagnostics: diags.sorted()))
    }

    /// The search index of a catalogue.
    static func searchIndex(_ catalogue: Catalogue, _ documents: [String: RenderedMarkdown],
                            counter: ProgressCounter? = nil) -> (files: [SearchFile], catalogue: String) {
        let (searchDocuments, searchCourses) = SearchDocuments.make(catalogue, documents)
        var builder = SearchIndexBuilder(hash: { shortHash(Data($0)) })
        builder.counter = counter
        return builder.build(documents: searchDocuments, courses: searchCourses)
    }

    static func interrupted(_ options: BuildOptions) -> BuildResult {
        BuildResult(pageCount: 0, fileCount: 0, diagnostics: [
            .error(.buildInterrupted, SourceLocation(path: options.outputDir), "build interrupted; the previous site was left as it was"),
        ], wasInterrupted: true)
    }

    /// Content diagnostics carry paths relative to the content folder; shown to people,
    /// they name the file as it is on disk.
    static func inContent(_ d: Diagnostic, _ options: BuildOptions) -> Diagnostic {
        var d = d
        d.location = inContent(d.location, options)
        for i in d.notes.indices { d.notes[i].location = inContent(d.notes[i].location, options) }
        return d
    }

    static func inContent(_ location: SourceLocation, _ options: BuildOptions) -> SourceLocation {
        var l = location
        let root = options.contentDir.hasSuffix("/") ? String(options.contentDir.dropLast()) : options.contentDir
        if l.path != root { l.path = root + "/" + l.path }
        return l
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? POSIXError { return String(cString: strerror(e.code.rawValue)) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    /// `latih.css` → `latih.3f2a9c1b.css`, from the first 8 hex digits of its SHA-256,
    /// so hosts can cache assets forever and a changed file gets a new name.
    public static func hashedName(_ name: String, _ data: Data) -> String {
        let digest = shortHash(data)
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(digest)" }
        return "\(name[..<dot]).\(digest)\(name[dot...])"
    }

    /// The first 8 hex digits of the SHA-256 of `data`.
    static func shortHash(_ data: Data) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.hash(data: data).prefix(4) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One document to render: the document, the page it lands on, and the prefix of
    /// its quizzes' default ids (made from slugs, so renumbering lessons keeps them).
    typealias MarkdownJob = (doc: Document, output: String, quizBase: String)

    /// An anchor link to check once every page's headings are known.
    typealias Anchor = (page: String, id: String, location: SourceLocation)

    /// What rendering one document produced.
    struct MarkdownResult: Sendable {
        var path: String
        var output: String
        /// The prefix of the document's default quiz ids.
        var quizBase: String
        var rendered: RenderedMarkdown
        var diagnostics: [Diagnostic]
        var anchors: [Anchor]
        var quizIDs: [(String, SourceLocation)]
        /// The quizzes themselves, in page order.
        var quizzes: [Quiz] = []
        var sources: [String]
    }

    /// Every document to render, and where each source file is published (for links).
    static func markdownJobs(_ catalogue: Catalogue) -> ([MarkdownJob], [String: String]) {
        var targets: [String: String] = [:]
        var jobs: [MarkdownJob] = []
        for course in catalogue.courses {
            targets[course.document.path] = course.outputPath
            jobs.append((course.document, course.outputPath, course.slug))
            for module in course.modules {
                targets[module.document.path] = course.outputPath + "#modul-" + module.slug
                jobs.append((module.document, course.outputPath, "\(course.slug)/\(module.slug)"))
            }
            for lesson in course.lessons {
                targets[lesson.document.path] = lesson.outputPath
                jobs.append((lesson.document, lesson.outputPath, "\(course.slug)/\(lesson.slug)"))
            }
        }
        for path in catalogue.paths {
            targets[path.document.path] = path.outputPath
            jobs.append((path.document, path.outputPath, "paths/\(path.slug)"))
        }
        for page in catalogue.pages {
            targets[page.document.path] = page.outputPath
            jobs.append((page.document, page.outputPath, "pages/\(page.slug)"))
        }
        for asset in catalogue.assets { targets[asset.sourcePath] = asset.outputPath }
        return (jobs, targets)
    }

    /// Renders one document's Markdown, resolving its links and rendering its quizzes.
    static func renderJob(_ job: MarkdownJob, resolver: LinkResolver, quizzes: QuizRenderer, rawHTML: Bool) -> MarkdownResult {
        let (doc, output, quizBase) = job
        var diags: [Diagnostic] = []
        var anchors: [Anchor] = []
        var sources: [String] = []
        var quizIDs: [(String, SourceLocation)] = []
        var parsedQuizzes: [Quiz] = []
        let options = MarkdownOptions(rawHTML: rawHTML, firstLine: doc.bodyLine, hiddenFences: ["quiz", "gift"])
        let result = MarkdownRenderer.render(doc.body, options: options, rewriteLink: { ref in
            if ref.isImage, ref.altText.trimmingCharacters(in: .whitespaces).isEmpty {
                diags.append(.warning(.markdownImageWithoutAlt, SourceLocation(path: doc.path, line: ref.line, column: ref.column), "image has no alt text",
                                      hint: "describe the image for people who cannot see it: ![what it shows](\(ref.destination))"))
            }
            let r = resolver.resolve(ref, in: doc, pageOutput: output)
            if let d = r.diagnostic { diags.append(d) }
            if let a = r.anchor { anchors.append(a) }
            if let s = r.source { sources.append(s) }
            return r.url
        }, renderBlock: { block in
            guard block.language == "quiz" || block.language == "gift" else { return nil }
            let index = quizIDs.count
            let parse = block.language == "quiz" ? QuizParser.parse : GiftParser.parse
            let (quiz, d) = parse(block.literal, doc.path, block.contentLine, "\(quizBase)/\(index + 1)")
            diags += d
            quizIDs.append((quiz.id, SourceLocation(path: doc.path, line: block.contentLine - 1, column: 1)))
            parsedQuizzes.append(quiz)
            return quizzes.html(quiz, index: index)
        })
        return MarkdownResult(path: doc.path, output: output, quizBase: quizBase, rendered: result, diagnostics: diags, anchors: anchors,
                              quizIDs: quizIDs, quizzes: parsedQuizzes, sources: sources)
    }

    /// What gathering the rendered documents produced.
    struct Collected: Sendable {
        /// Rendered Markdown by document path.
        var documents: [String: RenderedMarkdown]
        /// Quiz ids by document path, in page order.
        var quizIDs: [String: [String]]
        /// Content files that links lead to.
        var used: Set<String>
        var diagnostics: [Diagnostic]
        /// Heading ids by page, for anchor checks.
        var headingIDs: [String: Set<String>]
    }

    /// Gathers rendered documents: checks quiz ids for duplicates, lessons for titles,
    /// and every anchor link against the headings its page ended up with.
    ///
    /// With `previous` (the last build's), only the documents in `edited` are gathered
    /// again, and only their pages' headings re-hashed, which keeps `latih serve`'s
    /// updates from redoing the whole site; the checks across documents (duplicate quiz
    /// ids, anchors) always run over all of them. Results are read by index: copying
    /// 10,000 of them per edit was most of an update's time.
    static func collect(_ rendered: [MarkdownResult], _ catalogue: Catalogue,
                        previous: Collected? = nil, edited: Set<String> = []) -> Collected {
        let full = previous == nil
        var documents = previous?.documents ?? [:]
        var quizzes = previous?.quizIDs ?? [:]
        var ids = previous?.headingIDs ?? [:]
        var used = previous?.used ?? []
        if full { documents.reserveCapacity(rendered.count) }
        var outputs: Set<String> = []
        for i in rendered.indices where full || edited.contains(rendered[i].path) { outputs.insert(rendered[i].output) }
        for page in outputs { ids[page] = [] }
        for course in catalogue.courses where outputs.contains(course.outputPath) {
            ids[course.outputPath, default: []].formUnion(course.modules.map { "modul-" + $0.slug })
        }
        var diags: [Diagnostic] = []
        var quizSeen: [String: SourceLocation] = [:]
        for i in rendered.indices {
            if full || edited.contains(rendered[i].path) {
                documents[rendered[i].path] = rendered[i].rendered
                quizzes[rendered[i].path] = rendered[i].quizIDs.isEmpty ? nil : rendered[i].quizIDs.map(\.0)
                used.formUnion(rendered[i].sources)
            }
            if outputs.contains(rendered[i].output) {
                ids[rendered[i].output, default: []].formUnion(rendered[i].rendered.headings.map(\.id))
            }
            diags += rendered[i].diagnostics
            for (id, location) in rendered[i].quizIDs {
                if let first = quizSeen[id] {
                    diags.append(.error(.quizDuplicateID, location, "duplicate quiz id `\(id)`",
                                        hint: "\(first.path):\(first.line) already uses it; stored attempts are keyed by id, so each quiz needs its own",
                                        notes: [DiagnosticNote(first, "the first quiz `\(id)`")]))
                } else {
                    quizSeen[id] = location
                }
            }
        }
        for course in catalogue.courses {
            for lesson in course.lessons
            where (full || edited.contains(lesson.document.path)) && lesson.document.isComplete
                && lesson.document.frontMatter.text("title") == nil && documents[lesson.document.path]?.leadingTitle == nil {
                diags.append(.error(.contentLessonWithoutTitle, SourceLocation(path: lesson.document.path, line: 1, column: 1), "lesson has no title",
                                    hint: "add `title: …` to the front matter, or start the lesson with a `# Heading`"))
            }
        }
        for i in rendered.indices where !rendered[i].anchors.isEmpty {
            for a in rendered[i].anchors where !(ids[a.page]?.contains(a.id) ?? false) {
                let known = (ids[a.page] ?? []).sorted()
                let closest = Suggestion.closest(to: a.id, in: known)
                let hint = closest.map { "did you mean `#\($0)`?" }
                    ?? "anchors are made from headings: lowercase, spaces as hyphens, punctuation dropped"
                diags.append(.error(.linkMissingAnchor, a.location, "anchor `#\(a.id)` not found", hint: hint, suggestion: closest.map { "#" + $0 }))
            }
        }
        return Collected(documents: documents, quizIDs: quizzes, used: used, diagnostics: diags, headingIDs: ids)
    }
}
