import Foundation
import LatihContent
import LatihDiagnostics
import LatihMarkdown
import LatihParallel
import LatihQuiz

/// The second stage of a build: every document of the catalogue rendered from Markdown to
/// HTML through cmark-gfm, in parallel, with its links resolved and checked, its images'
/// alt text checked, and its `quiz` and `gift` blocks parsed and rendered. What depends on
/// other documents (anchors into other pages, duplicate quiz ids) is left to `CrossChecks`.
public enum MarkdownStage {
    /// One document to render: the document, the page it lands on, and the prefix of
    /// its quizzes' default ids (made from slugs, so renumbering lessons keeps them).
    public typealias Job = (doc: Document, output: String, quizBase: String)

    /// An anchor link to check once every page's headings are known.
    public typealias Anchor = (page: String, id: String, location: SourceLocation)

    /// What rendering one document produced.
    public struct Result: Sendable {
        /// The document's path, relative to the content folder.
        public var path: String
        /// The page it lands on.
        public var output: String
        /// The prefix of the document's default quiz ids.
        public var quizBase: String
        public var rendered: RenderedMarkdown
        /// Its own findings: links, images, quizzes.
        public var diagnostics: [Diagnostic]
        /// Its anchor links, checked by `CrossChecks` once every page's headings are known.
        public var anchors: [Anchor]
        public var quizIDs: [(String, SourceLocation)]
        /// The quizzes themselves, in page order.
        public var quizzes: [Quiz] = []
        /// The content files its links lead to.
        public var sources: [String]
    }

    /// What every document is rendered with: where links lead, and how quizzes render.
    public struct Context: Sendable {
        public var resolver: LinkResolver
        public var quizzes: QuizRenderer
        public var rawHTML: Bool
    }

    /// The jobs of a catalogue, and the context they render in.
    public static func prepare(_ catalogue: Catalogue, strings: [String: String]) -> ([Job], Context) {
        let (jobs, targets) = jobs(catalogue)
        let rawHTML = catalogue.config.rawHTML
        return (jobs, Context(resolver: LinkResolver(targets: targets), quizzes: QuizRenderer(strings: strings, rawHTML: rawHTML),
                              rawHTML: rawHTML))
    }

    /// Renders every job, in parallel; results are in job order.
    public static func run(_ jobs: [Job], _ context: Context) -> [Result] {
        jobs.parallelMap { render($0, context) }
    }

    /// Every document to render, and where each source file is published (for links).
    static func jobs(_ catalogue: Catalogue) -> ([Job], [String: String]) {
        var targets: [String: String] = [:]
        var jobs: [Job] = []
        for course in catalogue.courses {
            targets[course.document.path] = course.outputPath
            jobs.append((course.document, course.outputPath, course.slug))
            for module in course.modules {
                targets[module.document.path] = course.outputPath + "#" + module.anchor
                jobs.append((module.document, course.outputPath, "\(course.slug)/\(module.slug)"))
            }
            for lesson in course.lessons {
                targets[lesson.document.path] = lesson.outputPath
                jobs.append((lesson.document, lesson.outputPath, lesson.progressID))
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
    public static func render(_ job: Job, _ context: Context) -> Result {
        let (doc, output, quizBase) = job
        let (resolver, quizzes, rawHTML) = (context.resolver, context.quizzes, context.rawHTML)
        var diags: [Diagnostic] = []
        var anchors: [Anchor] = []
        var sources: [String] = []
        var quizIDs: [(String, SourceLocation)] = []
        var parsedQuizzes: [Quiz] = []
        let options = MarkdownOptions(rawHTML: rawHTML, firstLine: doc.bodyLine, hiddenFences: ["quiz", "gift"])
        // A table too wide for cmark-gfm to parse in reasonable time never reaches it.
        var body = doc.body
        if let wide = TableWidth.firstTooWide(body, firstLine: doc.bodyLine) {
            diags.append(.error(.markdownTableTooWide, SourceLocation(path: doc.path, line: wide.line, column: 1),
                                "table has \(wide.columns) columns; the limit is \(TableWidth.limit)",
                                hint: "put data this wide in a spreadsheet beside the lesson, and link to it"))
            body = ""
        }
        let result = MarkdownRenderer.render(body, options: options, rewriteLink: { ref in
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
        return Result(path: doc.path, output: output, quizBase: quizBase, rendered: result, diagnostics: diags, anchors: anchors,
                              quizIDs: quizIDs, quizzes: parsedQuizzes, sources: sources)
    }
}
