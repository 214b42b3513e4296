import Foundation
import LatihContent
import LatihOutput
import LatihMarkdown
import LatihParallel
import LatihSearch

/// The search index of a build: the catalogue's documents (from the Markdown stage's
/// rendered text) cut into fields, then shards and records (see `SearchIndexBuilder`).
/// It runs alongside the page renderer, since only the search page names it.
public enum IndexStage {
    public static func run(_ catalogue: Catalogue, _ documents: [String: RenderedMarkdown],
                           counter: ProgressCounter? = nil) -> (files: [SearchFile], catalogue: String) {
        let (searchDocuments, searchCourses) = SearchDocuments.make(catalogue, documents)
        var builder = SearchIndexBuilder(hash: { ContentHash.short(Data($0)) })
        builder.counter = counter
        return builder.build(documents: searchDocuments, courses: searchCourses)
    }
}
