import LatihContent
import LatihDiagnostics
import LatihMarkdown
import LatihRender

/// A catalogue read, rendered from Markdown and checked across its pages: everything of
/// a site but its pages and search index. The build renders pages from it; packages,
/// the report and certificates take what they need of a catalogue from it, and render
/// nothing they do not use.
///
/// Findings keep the paths the stages gave them (relative to the content folder, or
/// `templates/…` for the theme) until `diagnostics(shownFrom:)` makes them what people
/// read: the one place where a path becomes display-ready.
public struct SiteContent: Sendable {
    public var catalogue: Catalogue
    public var theme: Theme
    /// What the Markdown stage rendered with: where links lead, how quizzes render.
    public var context: MarkdownStage.Context
    /// Every document's rendered Markdown, with its links and anchors, in catalogue order.
    public var markdown: [MarkdownStage.Result]
    /// What the cross-checks gathered: rendered Markdown and quiz ids by document path,
    /// heading ids by page.
    public var collected: CrossChecks.Collected
    /// The attempt limits of quizzes that have one, by quiz id.
    public var quizLimits: [String: QuizLimit]
    /// What certificates are verified with: the trust list, status list and DID document
    /// as files, and as the JSON the verification pages embed.
    public var verificationFiles: [OutputFile]
    public var trustJSON: String
    public var statusJSON: String
    /// Findings of reading the content (front matter, structure).
    public var readFindings: [Diagnostic]
    /// Findings of the Markdown stage and the cross-checks.
    public var markdownFindings: [Diagnostic]
    /// Findings of the status list and the site's signing keys.
    public var verificationFindings: [Diagnostic]
    /// Findings of the theme, whose paths already name the templates folder.
    public var themeFindings: [Diagnostic]
    /// Where each document's result is in `markdown`, by source path. Positions never
    /// change after an edit (a new or removed document is a full build).
    public let markdownIndex: [String: Int]
    /// Content files by source path → output path.
    public let assetOutputs: [String: String]

    init(catalogue: Catalogue, theme: Theme, context: MarkdownStage.Context, markdown: [MarkdownStage.Result],
         collected: CrossChecks.Collected, quizLimits: [String: QuizLimit], verification: VerificationFiles,
         readFindings: [Diagnostic], markdownFindings: [Diagnostic], themeFindings: [Diagnostic]) {
        self.catalogue = catalogue
        self.theme = theme
        self.context = context
        self.markdown = markdown
        self.collected = collected
        self.quizLimits = quizLimits
        self.verificationFiles = verification.files
        self.trustJSON = verification.trustJSON
        self.statusJSON = verification.statusJSON
        self.readFindings = readFindings
        self.markdownFindings = markdownFindings
        self.verificationFindings = verification.diagnostics
        self.themeFindings = themeFindings
        markdownIndex = Dictionary(markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        assetOutputs = Dictionary(catalogue.assets.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a })
    }

    /// The Markdown stage's result for a document, by its source path.
    public func result(for path: String) -> MarkdownStage.Result? {
        markdownIndex[path].map { markdown[$0] }
    }

    /// A lesson's title, its leading heading known (see `Lesson.title(leadingTitle:)`).
    public func title(of lesson: Lesson) -> String {
        lesson.title(leadingTitle: collected.documents[lesson.document.path]?.leadingTitle)
    }

    /// Content findings, with paths relative to the content folder.
    public var contentFindings: [Diagnostic] { readFindings + markdownFindings + verificationFindings }

    /// Every finding as people read it, sorted by file and position: a content file's
    /// path is given from `options.contentDir`, as the person named the folder.
    public func diagnostics(shownFrom options: BuildOptions) -> [Diagnostic] {
        (contentFindings.map(options.shown) + themeFindings).sorted()
    }

    /// What page rendering starts from.
    public func renderInput(bodyEnd: String, assetPaths: [String: String]) -> RenderInput {
        var input = RenderInput(catalogue: catalogue, documents: collected.documents, assetPaths: assetPaths,
                                bodyEnd: bodyEnd, quizIDs: collected.quizIDs)
        input.trustJSON = trustJSON
        input.statusJSON = statusJSON
        input.quizLimits = quizLimits
        return input
    }
}
