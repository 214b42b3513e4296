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
    static func run(_ site: BuiltSite, pageIndex: [String: Int], _ paths: Set<String>, _ options: BuildOptions) -> Outcome {
        let loader = ContentLoader(root: options.contentDir, includeDrafts: options.includeDrafts)
        let content = site.content
        var catalogue = content.catalogue
        var readFindings: [Diagnostic] = []
        var before: [String: Document] = [:]
        var after: [String: Document] = [:]
        for path in paths.sorted() {
            let (doc, diags) = loader.loadDocument(path)
            readFindings += diags
            guard let doc else { return .full }
            guard let next = catalogue.replacing(doc) else { return .full }
            before[path] = document(path, in: content.catalogue)
            after[path] = doc
            catalogue = next
        }
        var results = content.markdown
        var indexOfPath: [String: Int] = [:]
        for path in paths { indexOfPath[path] = content.markdownIndex[path] }
        // Each edited document keeps its page and quiz-id prefix; only its text is new.
        var edited: [MarkdownStage.Job] = []
        for (path, i) in indexOfPath {
            guard let doc = after[path] else { return .full }
            edited.append((doc, results[i].output, results[i].quizBase))
        }
        // site.conf is unchanged (an edit to it is a full build), so the context is too.
        let rendered = MarkdownStage.run(edited, content.context)
        for r in rendered {
            guard let i = indexOfPath[r.path] else { return .full }
            results[i] = r
        }
        let collected = CrossChecks.run(results, catalogue, previous: content.collected, edited: paths)

        var next = site
        next.content.catalogue = catalogue
        next.content.markdown = results
        next.content.collected = collected
        // Content findings: those of other files stay; the edited files' are new.
        next.content.readFindings = content.readFindings.filter { !paths.contains($0.location.path) } + readFindings
        next.content.markdownFindings = collected.diagnostics
        next.diagnostics = next.content.diagnostics(shownFrom: options)
        if next.diagnostics.hasErrors { return .failed(next.diagnostics) }

        // Which pages show what changed.
        var affected: Set<String> = []
        for r in rendered {
            let old = content.markdown[indexOfPath[r.path]!]
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
        next.input.catalogue = catalogue
        next.input.documents = collected.documents
        next.input.quizIDs = collected.quizIDs
        let pages = PageRenderer(theme: content.theme, input: next.input).render(only: affected)
        for page in pages {
            if let i = pageIndex[page.path] { next.renderedPages[i] = page }
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
