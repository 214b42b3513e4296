import Foundation
import LatihContent
import LatihDiagnostics
import LatihQuiz
import LatihRender
import LatihSearch

/// A site built in memory: what `latih build` writes, and what `latih serve` keeps
/// between edits so that it can redo only what an edit touches.
public struct BuiltSite: Sendable {
    public var catalogue: Catalogue
    public var theme: Theme
    /// What the Markdown stage rendered with: where links lead, how quizzes render.
    public var context: MarkdownStage.Context
    /// Every document's rendered Markdown, with its links and anchors, in catalogue order.
    public var markdown: [MarkdownStage.Result]
    /// Heading ids by page, for anchor checks.
    public var headingIDs: [String: Set<String>]
    public var input: RenderInput
    /// Pages made from templates and kept in memory, in a fixed order.
    public var renderedPages: [OutputFile]
    /// Pages made from templates and already written to a build's staging folder, by
    /// path, in a fixed order (a build that writes keeps none of them in memory).
    public var writtenPages: [String] = []
    public var searchFiles: [SearchFile]
    /// The trust list, status list and DID document that certificates are verified with.
    public var verificationFiles: [OutputFile] = []
    public var assetFiles: [(String, Data)]
    /// Findings of reading content and theme (front matter, structure), as shown to people.
    public var contentDiagnostics: [Diagnostic]
    /// All findings: content, theme and Markdown.
    public var diagnostics: [Diagnostic]

    /// Where each document's result is in `markdown`, by source path (for `latih serve`;
    /// filled by `indexed()`, and still right after an edit, which changes no positions).
    public var markdownIndex: [String: Int] = [:]
    /// Where each page is in `renderedPages`, by output path.
    public var pageIndex: [String: Int] = [:]
    /// Content files by source path → output path.
    public var assetOutputs: [String: String] = [:]

    /// The site with its lookup tables filled in.
    public func indexed() -> BuiltSite {
        var s = self
        s.markdownIndex = Dictionary(markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        s.pageIndex = Dictionary(renderedPages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        s.assetOutputs = Dictionary(catalogue.assets.map { ($0.sourcePath, $0.outputPath) }, uniquingKeysWith: { a, _ in a })
        return s
    }

    /// Every text file of the site not yet written: pages, search index, offline files,
    /// sitemap (which lists `writtenPages` too).
    public var pages: [OutputFile] {
        var out = renderedPages
        out += searchFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        out += OfflineFiles.render(theme: theme, config: catalogue.config, assetPaths: input.assetPaths)
        out += verificationFiles
        if let sitemap = Sitemap.xml(pages: writtenPages + out.map(\.path), baseURL: catalogue.config.baseURL) {
            out.append(OutputFile(path: "sitemap.xml", contents: sitemap))
        }
        return out
    }

    public var pageCount: Int { renderedPages.count + writtenPages.count }
}
