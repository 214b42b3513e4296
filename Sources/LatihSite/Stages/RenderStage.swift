import Foundation
import LatihContent
import LatihOutput
import LatihParallel
import LatihRender
import LatihSearch

/// The fourth stage of a build: the pages, rendered through the theme's Mustache
/// templates in parallel, and, alongside them, the search index (`IndexStage`), which
/// only the search page names. For an LMS package, only the courses' pages.
public enum RenderStage {
    /// The theme's assets under names that carry a hash of their bytes (`latih.css` →
    /// `latih.3f2a9c1b.css`), by their names in the theme, and as files.
    public static func assets(_ theme: Theme) -> (paths: [String: String], files: [(String, Data)]) {
        var paths: [String: String] = [:]
        var files: [(String, Data)] = []
        for (name, data) in theme.assets {
            let published = "assets/" + ContentHash.name(name, data)
            paths[name] = published
            files.append((published, data))
        }
        return (paths, files)
    }

    /// What the stage made: pages kept in memory, the paths of the pages handed to a
    /// sink instead, and the search index.
    public struct Output: Sendable {
        public var pages: [OutputFile]
        public var handedOn: [String]
        public var index: (files: [SearchFile], catalogue: String)
    }

    /// The pages `options` asks for, and the search index when it asks for one (then
    /// named in `input`). With a `sink`, the site's pages (not an LMS package's) go to it
    /// as they are rendered instead of being kept. Nil when `options.isCancelled` stopped it.
    public static func run(_ theme: Theme, _ input: inout RenderInput, _ options: BuildOptions,
                           sink: (@Sendable (OutputFile) -> Void)? = nil,
                           progress: (@Sendable (String) -> Void)? = nil) -> Output? {
        let catalogue = input.catalogue
        var rendered: [OutputFile] = []
        var handedOn: [String] = []
        var index: (files: [SearchFile], catalogue: String) = ([], "")
        if case .lms(let format) = options.pageMode {
            progress?("rendering courses for \(format.name)")
            input.mode = options.pageMode
            let paths = catalogue.courses.flatMap { [$0.outputPath] + $0.lessons.map(\.outputPath) }
            rendered = PageRenderer(theme: theme, input: input, counter: options.pagesDone).render(only: Set(paths))
        } else if options.searchIndex {
            progress?("rendering pages, indexing for search")
            let pageInput = input, documents = input.documents
            let pages = options.pagesDone, files = options.indexFilesDone
            if let sink {
                (handedOn, index) = ParallelWork.alongside({ PageRenderer(theme: theme, input: pageInput, counter: pages).renderAllButSearch(into: sink) },
                                                           { IndexStage.run(catalogue, documents, counter: files) })
            } else {
                (rendered, index) = ParallelWork.alongside({ PageRenderer(theme: theme, input: pageInput, counter: pages).renderAllButSearch() },
                                                           { IndexStage.run(catalogue, documents, counter: files) })
            }
            if options.isCancelled() { return nil }
            input.searchIndex = index.catalogue
            rendered += PageRenderer(theme: theme, input: input).render(only: [PageRenderer.searchPagePath])
        } else {
            progress?("rendering pages")
            let renderer = PageRenderer(theme: theme, input: input, counter: options.pagesDone)
            if let sink { handedOn = renderer.renderAll(into: sink) } else { rendered = renderer.renderAll() }
        }
        if options.isCancelled() { return nil }
        return Output(pages: rendered, handedOn: handedOn, index: index)
    }
}
