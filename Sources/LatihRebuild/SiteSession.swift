import Foundation
import LatihContent
import LatihDiagnostics
import LatihParallel
import LatihRender
import LatihSite

/// A site kept in memory for `latih serve`: built once, then updated after each edit,
/// redoing only what the edit touches. A failed update leaves the last good site served.
///
/// `build` and `update` are called from one task at a time; `file` from any request, and
/// `refreshSearch` from a background task while edits keep arriving.
public final class SiteSession: @unchecked Sendable {
    /// What an update did.
    public struct Update: Sendable {
        /// False when the content has errors; the previous site is still served.
        public var succeeded: Bool
        /// Output paths whose contents changed (pages, index files).
        public var changed: [String]
        /// Every current finding.
        public var diagnostics: [Diagnostic]
        /// True when everything was rebuilt rather than just the edited pages.
        public var wasFull: Bool
    }

    public let options: BuildOptions
    /// The current site; read and replaced under `lock`.
    private var site: BuiltSite? {
        get { lock.lock(); defer { lock.unlock() }; return _site }
        set { lock.lock(); _site = newValue; generation += 1; lock.unlock() }
    }
    private var _site: BuiltSite?
    /// Where each page is in the site's `renderedPages`, by output path: an edit replaces
    /// pages in place. Set with each full build, which alone moves pages; under `lock`.
    private var pageIndex: [String: Int] = [:]
    /// Counts replacements of the site, so a search refresh that raced an edit is dropped.
    private var generation = 0
    private var refreshing = false
    private var previousSearchFiles: [String] = []
    private var files: [String: Data] = [:]
    /// Guards `files` and `contentAssets`, which requests read while updates write.
    private let lock = NSLock()
    /// Content files served from disk, by output path.
    private var contentAssets: [String: String] = [:]
    /// The search index is redone after edits, in the background.
    public var searchIsStale: Bool {
        lock.lock(); defer { lock.unlock() }
        return stale
    }
    private var stale = false
    public private(set) var diagnostics: [Diagnostic] = []
    /// Edits the served site does not have yet, because the content had errors when they
    /// came: the next update applies them with its own. A failed full build leaves the
    /// served site behind in ways no list of edits says, so the next update is full too.
    private var unapplied: Set<String> = []
    private var needsFullBuild = false

    public init(options: BuildOptions) {
        var options = options
        options.write = false
        self.options = options
    }

    /// Builds everything.
    public func build() -> Update {
        let outcome = ParallelWork.onLargeStack { [options] in SiteBuilder.assemble(options) }
        switch outcome {
        case .built(let built):
            let before = files
            install(built)
            lock.lock(); stale = false; lock.unlock()
            diagnostics = built.diagnostics
            (unapplied, needsFullBuild) = ([], false)
            let changed = files.filter { before[$0.key] != $0.value }.map(\.key).sorted()
            return Update(succeeded: true, changed: changed, diagnostics: diagnostics, wasFull: true)
        case .failed(let diags):
            diagnostics = diags
            needsFullBuild = true
            return Update(succeeded: false, changed: [], diagnostics: diags, wasFull: true)
        case .interrupted:
            needsFullBuild = true
            return Update(succeeded: false, changed: [], diagnostics: diagnostics, wasFull: true)
        }
    }

    /// Brings the site up to date after changes: `content` holds paths relative to the
    /// content folder; `theme` says whether anything in the templates folder changed.
    /// Edits to existing documents are applied alone; new, deleted or renamed files,
    /// `site.conf` and theme changes rebuild everything. Editors' temporary files
    /// (`x.md~`, `.x.md.swp`, vim's `4913`) are ignored.
    public func update(content: Set<String>, theme: Bool) -> Update {
        guard let site, !theme, !needsFullBuild else { return build() }
        let content = content.union(unapplied)
        let knownDocs = site.content.markdownIndex
        let knownAssets = site.content.assetOutputs
        var edited: Set<String> = []
        var touchedAssets: [String] = []
        for path in content where !Self.isEditorTemporary(path) {
            let exists = FileManager.default.fileExists(atPath: options.contentDir + "/" + path)
            // The logo's published name carries its content's hash.
            if path == "site.conf" || path == site.content.catalogue.config.logo?.sourcePath { return build() }
            if knownDocs[path] != nil {
                guard exists else { return build() }
                edited.insert(path)
            } else if let output = knownAssets[path] {
                guard exists else { return build() }
                touchedAssets.append(output)
            } else if !exists {
                // A deleted folder that held documents or files of the site.
                let folder = path + "/"
                if knownDocs.keys.contains(where: { $0.hasPrefix(folder) }) || knownAssets.keys.contains(where: { $0.hasPrefix(folder) }) {
                    return build()
                }
            } else {
                // A new file, or a new folder with files in it; an empty folder changes nothing.
                let full = options.contentDir + "/" + path
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
                if !isDir.boolValue || !entries.isEmpty { return build() }
            }
        }
        if edited.isEmpty {
            return Update(succeeded: diagnostics.hasErrors == false, changed: touchedAssets.sorted(), diagnostics: diagnostics, wasFull: false)
        }
        let paths = edited
        let result = ParallelWork.onLargeStack { [options, pageIndex] in IncrementalUpdate.run(site, pageIndex: pageIndex, paths, options) }
        switch result {
        case .full:
            return build()
        case .failed(let diags):
            diagnostics = diags
            unapplied = edited
            return Update(succeeded: false, changed: [], diagnostics: diags, wasFull: false)
        case .updated(let next, let pages):
            unapplied = []
            self.site = next
            var changed: [String] = touchedAssets
            lock.lock()
            for page in pages {
                let data = Data(page.contents.utf8)
                if files[page.path] != data {
                    files[page.path] = data
                    changed.append(page.path)
                }
            }
            lock.unlock()
            lock.lock(); stale = true; lock.unlock()
            diagnostics = next.diagnostics
            return Update(succeeded: true, changed: changed.sorted(), diagnostics: next.diagnostics, wasFull: false)
        }
    }

    /// Rebuilds the search index and the search page after edits, without holding up
    /// further edits: the index is built from a snapshot and installed only if no edit
    /// came in meanwhile (otherwise it is built again). Returns the changed paths.
    @discardableResult
    public func refreshSearch() -> [String] {
        lock.lock()
        if refreshing || !stale || !options.searchIndex { lock.unlock(); return [] }
        refreshing = true
        lock.unlock()
        defer { lock.lock(); refreshing = false; lock.unlock() }
        while true {
            lock.lock()
            guard var site = _site, stale else { lock.unlock(); return [] }
            let seen = generation
            let pageIndex = self.pageIndex
            lock.unlock()
            let documents = site.input.documents
            let index = ParallelWork.onLargeStack { [site] in
                ParallelWork.serially { IndexStage.run(site.content.catalogue, documents) }
            }
            site.searchFiles = index.files
            site.input.searchIndex = index.catalogue
            let pages = PageRenderer(theme: site.content.theme, input: site.input).render(only: [PageRenderer.searchPagePath])
            for page in pages {
                if let i = pageIndex[page.path] { site.renderedPages[i] = page }
            }
            // Encoded before taking the lock: a hundred megabytes at 10,000 lessons, which
            // edits and requests would otherwise wait for.
            let encoded = (index.files.map { ($0.path, $0.contents) } + pages.map { ($0.path, $0.contents) })
                .map { ($0.0, Data($0.1.utf8)) }
            let newPaths = Set(index.files.map(\.path))
            lock.lock()
            guard generation == seen else { lock.unlock(); continue }
            // The index before last is dropped; the last one stays a while for pages
            // rendered from it by an edit that raced this refresh.
            let kept = newPaths.union((_site?.searchFiles ?? []).map(\.path))
            for old in previousSearchFiles where !kept.contains(old) { files[old] = nil }
            previousSearchFiles = (_site?.searchFiles ?? []).map(\.path)
            for (path, data) in encoded { files[path] = data }
            _site = site
            generation += 1
            stale = false
            lock.unlock()
            return pages.map(\.path)
        }
    }

    /// Whether there is a site to serve yet (false while the first build has failed).
    public var hasSite: Bool { site != nil }

    /// Names editors give the files they write before renaming them into place.
    static func isEditorTemporary(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix("~") || name.hasPrefix(".#") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || (name.hasPrefix(".") && name.hasSuffix(".kate-swp"))
    }

    /// A file of the site by its path relative to the site root. Safe to call from any
    /// thread while an update runs.
    public func file(_ path: String) -> Data? {
        lock.lock()
        let data = files[path]
        let source = contentAssets[path]
        lock.unlock()
        if let data { return data }
        if let source {
            return FileManager.default.contents(atPath: options.contentDir + "/" + source)
        }
        return nil
    }

    /// The path of every file of the current site: pages, the search index, assets, and
    /// the content files it publishes. (The search index before the current one is still
    /// served a while, for pages loaded just before it was replaced, but is not listed.)
    public var paths: [String] {
        lock.lock(); defer { lock.unlock() }
        let current = Set((_site?.searchFiles ?? []).map(\.path))
        let retired = Set(previousSearchFiles).subtracting(current)
        return Array(Set(files.keys).subtracting(retired).union(contentAssets.keys)).sorted()
    }

    private func install(_ built: BuiltSite) {
        var out: [String: Data] = [:]
        for page in built.pages { out[page.path] = Data(page.contents.utf8) }
        for (path, data) in built.assetFiles { out[path] = data }
        let assets = Dictionary(built.content.catalogue.assets.map { ($0.outputPath, $0.sourcePath) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(built.renderedPages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        lock.lock()
        pageIndex = index
        files = out
        contentAssets = assets
        lock.unlock()
        site = built
    }
}
