import Foundation
import LatihContent
import LatihDiagnostics
import LatihRender
import LatihSearch

/// A site built in memory: its content (`SiteContent`), its pages and search index; what
/// `latih build` writes, and what `latih serve` keeps between edits.
public struct BuiltSite: Sendable {
    public var content: SiteContent
    /// What the pages were rendered from.
    public var input: RenderInput
    /// Pages made from templates and kept in memory, in a fixed order.
    public var renderedPages: [OutputFile]
    /// Pages made from templates and already written to a build's staging folder, by
    /// path, in a fixed order (a build that writes keeps none of them in memory).
    public var writtenPages: [String] = []
    public var searchFiles: [SearchFile]
    public var assetFiles: [(String, Data)]
    /// Every finding, as people read it (`SiteContent.diagnostics(shownFrom:)`).
    public var diagnostics: [Diagnostic]

    public init(content: SiteContent, input: RenderInput, renderedPages: [OutputFile], searchFiles: [SearchFile],
                assetFiles: [(String, Data)], diagnostics: [Diagnostic]) {
        self.content = content
        self.input = input
        self.renderedPages = renderedPages
        self.searchFiles = searchFiles
        self.assetFiles = assetFiles
        self.diagnostics = diagnostics
    }

    /// Every text file of the site not yet written: pages, search index, offline files,
    /// sitemap (which lists `writtenPages` too).
    public var pages: [OutputFile] {
        let catalogue = content.catalogue
        var out = renderedPages
        out += searchFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        out += OfflineFiles.render(theme: content.theme, config: catalogue.config, assetPaths: input.assetPaths)
        out += content.verificationFiles
        if let sitemap = Sitemap.xml(pages: writtenPages + out.map(\.path), baseURL: catalogue.config.baseURL) {
            out.append(OutputFile(path: "sitemap.xml", contents: sitemap))
        }
        return out
    }

    public var pageCount: Int { renderedPages.count + writtenPages.count }
}
