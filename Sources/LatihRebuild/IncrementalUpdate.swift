import Foundation
import LatihContent
import LatihDiagnostics
import LatihParallel
import LatihRender
import LatihSite

/// One update of a site kept in memory, after edits to documents it has: the build's
/// stages run again for the edited documents alone (read, Markdown), the cross-checks
/// over the whole site, and the render stage for the pages that show what changed.
/// Anything else (a new, deleted or renamed file, `site.conf`, the theme) is a full build.
enum IncrementalUpdate {
    /// What an update comes to.
    enum Outcome {
        /// The edit changes more than its documents: rebuild everything.
        case full
        case failed([Diagnostic])
        /// The next site, and the pages that changed.
        case updated(BuiltSite, [OutputFile])
    }

    /// Re-reads the edited documents, re-renders their Markdown, re-checks links and
    /// anchors across the site, and re-renders the pages that show what changed.
    static func run(_ site: BuiltSite, _ paths: Set<String>, _ options: BuildOptions) -> Outcome {
        let loader = ContentLoader(root: options.contentDir, includeDrafts: options.includeDrafts)
        var catalogue = site.catalogue
        var frontMatterDiags: [Diagnostic] = []
        var before: [String: Document] = [:]
        var after: [String: Document] = [:]
        let shown = Set(paths.map { options.shown(SourceLocation(path: $0)).path })
        for path in paths.sorted() {
            let (doc, diags) = loader.loadDocument(path)
            frontMatterDiags += diags.map(options.shown)
            guard let doc else { return .full }
            guard let next = catalogue.replacing(doc) else { return .full }
            before[path] = document(path, in: site.catalogue)
            after[path] = doc
            catalogue = next
        }
        // Content findings: those of other files stay; the edited files' are new.
        var diags = site.contentDiagnostics.filter { !shown.contains($0.location.path) } + frontMatterDiags
        var results = site.markdown
        var indexOfPath: [String: Int] = [:]
        for path in paths { indexOfPath[path] = site.markdownIndex[path] }
        // Each edited document keeps its page and quiz-id prefix; only its text is new.
        var edited: [MarkdownStage.Job] = []
        for (path, i) in indexOfPath {
            guard let doc = after[path] else { return .full }
            edited.append((doc, results[i].output, results[i].quizBase))
        }
        // site.conf is unchanged (an edit to it is a full build), so the context is too.
        let rendered = MarkdownStage.run(edited, site.context)
        for r in rendered {
            guard let i = indexOfPath[r.path] else { return .full }
            results[i] = r
        }
        let previous = CrossChecks.Collected(documents: site.input.documents, quizIDs: site.input.quizIDs, used: [],
                                             diagnostics: [], headingIDs: site.headingIDs)
        let collected = CrossChecks.run(results, catalogue, previous: previous, edited: paths)
        diags += collected.diagnostics.map(options.shown)
        if diags.hasErrors { return .failed(diags.sorted()) }

        // Which pages show what changed.
        var affected: Set<String> = []
        for r in rendered {
            let old = site.markdown[indexOfPath[r.path]!]
            let sameShell = before[r.path].map { $0.frontMatter.fingerprint == after[r.path]?.frontMatter.fingerprint } ?? false
                && old.rendered.leadingTitle == r.rendered.leadingTitle && old.quizIDs.map(\.0) == r.quizIDs.map(\.0)
            affected.insert(r.output)
            if !sameShell {
                // Titles, durations and quizzes show in the course, its lessons' outlines,
                // the catalogue, learning paths, progress and search pages.
                affected.formUnion(SiteRoutes.builtInPages.filter(\.namesLessons).map(\.path))
                for course in catalogue.courses where course.lessons.contains(where: { $0.document.path == r.path }) {
                    affected.insert(course.outputPath)
                    affected.formUnion(course.lessons.map(\.outputPath))
                    for path in catalogue.paths where path.courseSlugs.contains(course.slug) { affected.insert(path.outputPath) }
                }
            }
        }
        var next = site
        next.catalogue = catalogue
        next.markdown = results
        next.headingIDs = collected.headingIDs
        next.contentDiagnostics = site.contentDiagnostics.filter { !shown.contains($0.location.path) } + frontMatterDiags
        next.diagnostics = diags.sorted()
        next.input.catalogue = catalogue
        next.input.documents = collected.documents
        next.input.quizIDs = collected.quizIDs
        let pages = PageRenderer(theme: site.theme, input: next.input).render(only: affected)
        for page in pages {
            if let i = next.pageIndex[page.path] { next.renderedPages[i] = page }
        }
        return .updated(next, pages)
    }

    /// The document at a path in a catalogue.
    static func document(_ path: String, in catalogue: Catalogue) -> Document? {
        for course in catalogue.courses {
            if course.document.path == path { return course.document }
            for module in course.modules where module.document.path == path { return module.document }
            for lesson in course.lessons where lesson.document.path == path { return lesson.document }
        }
        return catalogue.paths.first { $0.document.path == path }?.document
            ?? catalogue.pages.first { $0.document.path == path }?.document
    }
}
