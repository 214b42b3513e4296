import Foundation
import LatihContent
import LatihDiagnostics
import LatihQuiz
import LatihRender
import LatihSearch

/// A site built in memory: what `latih build` writes, and what `latih serve` keeps
/// between edits so that it can redo only what an edit touches.
struct BuiltSite: Sendable {
    var catalogue: Catalogue
    var theme: Theme
    var quizzes: QuizRenderer
    var resolver: LinkResolver
    /// Every document's rendered Markdown, with its links and anchors, in catalogue order.
    var markdown: [SiteBuilder.MarkdownResult]
    /// Heading ids by page, for anchor checks.
    var headingIDs: [String: Set<String>]
    var input: RenderInput
    /// Pages made from templates, in a fixed order.
    var renderedPages: [OutputFile]
    var searchFiles: [SearchFile]
    var assetFiles: [(String, Data)]
    /// Findings of reading content and theme (front matter, structure), as shown to people.
    var contentDiagnostics: [Diagnostic]
    /// All findings: content, theme and Markdown.
    var diagnostics: [Diagnostic]

    /// Every text file of the site: pages, search index, offline files, sitemap.
    var pages: [OutputFile] {
        var out = renderedPages
        out += searchFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        out += OfflineFiles.render(theme: theme, config: catalogue.config, assetPaths: input.assetPaths)
        if let sitemap = Sitemap.xml(pages: out.map(\.path), baseURL: catalogue.config.baseURL) {
            out.append(OutputFile(path: "sitemap.xml", contents: sitemap))
        }
        return out
    }

    var pageCount: Int { renderedPages.count }
}
