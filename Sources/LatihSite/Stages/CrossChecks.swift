import LatihContent
import LatihDiagnostics
import LatihMarkdown

/// The third stage of a build: the checks across documents, once every document is
/// rendered. Quiz ids must be unique across the site, every lesson needs a title, and
/// every anchor link must name a heading of its page.
public enum CrossChecks {
    /// What gathering the rendered documents produced.
    public struct Collected: Sendable {
        /// Rendered Markdown by document path.
        public var documents: [String: RenderedMarkdown]
        /// Quiz ids by document path, in page order.
        public var quizIDs: [String: [String]]
        /// Content files that links lead to.
        public var used: Set<String>
        public var diagnostics: [Diagnostic]
        /// Heading ids by page, for anchor checks.
        public var headingIDs: [String: Set<String>]

        public init(documents: [String: RenderedMarkdown], quizIDs: [String: [String]], used: Set<String>,
                    diagnostics: [Diagnostic], headingIDs: [String: Set<String>]) {
            self.documents = documents
            self.quizIDs = quizIDs
            self.used = used
            self.diagnostics = diagnostics
            self.headingIDs = headingIDs
        }
    }

    /// Gathers rendered documents: checks quiz ids for duplicates, lessons for titles,
    /// and every anchor link against the headings its page ended up with.
    ///
    /// With `previous` (the last build's), only the documents in `edited` are gathered
    /// again, and only their pages' headings re-hashed, which keeps `latih serve`'s
    /// updates from redoing the whole site; the checks across documents (duplicate quiz
    /// ids, anchors) always run over all of them. Results are read by index, never copied:
    /// a catalogue has thousands.
    public static func run(_ rendered: [MarkdownStage.Result], _ catalogue: Catalogue,
                           previous: Collected? = nil, edited: Set<String> = []) -> Collected {
        let full = previous == nil
        var documents = previous?.documents ?? [:]
        var quizzes = previous?.quizIDs ?? [:]
        var ids = previous?.headingIDs ?? [:]
        var used = previous?.used ?? []
        if full { documents.reserveCapacity(rendered.count) }
        var outputs: Set<String> = []
        for i in rendered.indices where full || edited.contains(rendered[i].path) { outputs.insert(rendered[i].output) }
        for page in outputs { ids[page] = [] }
        for course in catalogue.courses where outputs.contains(course.outputPath) {
            ids[course.outputPath, default: []].formUnion(course.modules.map(\.anchor))
        }
        var diags: [Diagnostic] = []
        var quizSeen: [String: SourceLocation] = [:]
        for i in rendered.indices {
            if full || edited.contains(rendered[i].path) {
                documents[rendered[i].path] = rendered[i].rendered
                quizzes[rendered[i].path] = rendered[i].quizIDs.isEmpty ? nil : rendered[i].quizIDs.map(\.0)
                used.formUnion(rendered[i].sources)
            }
            if outputs.contains(rendered[i].output) {
                ids[rendered[i].output, default: []].formUnion(rendered[i].rendered.headings.map(\.id))
            }
            diags += rendered[i].diagnostics
            for (id, location) in rendered[i].quizIDs {
                if let first = quizSeen[id] {
                    diags.append(.error(.quizDuplicateID, location, "duplicate quiz id `\(id)`",
                                        hint: "\(first.path):\(first.line) already uses it; stored attempts are keyed by id, so each quiz needs its own",
                                        notes: [DiagnosticNote(first, "the first quiz `\(id)`")]))
                } else {
                    quizSeen[id] = location
                }
            }
        }
        for course in catalogue.courses {
            for lesson in course.lessons
            where (full || edited.contains(lesson.document.path)) && lesson.document.isComplete
                && !lesson.hasOwnTitle && documents[lesson.document.path]?.leadingTitle == nil {
                diags.append(.error(.contentLessonWithoutTitle, SourceLocation(path: lesson.document.path, line: 1, column: 1), "lesson has no title",
                                    hint: "add `title: …` to the front matter, or start the lesson with a `# Heading`"))
            }
        }
        for i in rendered.indices where !rendered[i].anchors.isEmpty {
            for a in rendered[i].anchors where !(ids[a.page]?.contains(a.id) ?? false) {
                let known = (ids[a.page] ?? []).sorted()
                let closest = Suggestion.closest(to: a.id, in: known)
                let hint = closest.map { "did you mean `#\($0)`?" }
                    ?? "anchors are made from headings: lowercase, spaces as hyphens, punctuation dropped"
                diags.append(.error(.linkMissingAnchor, a.location, "anchor `#\(a.id)` not found", hint: hint, suggestion: closest.map { "#" + $0 }))
            }
        }
        return Collected(documents: documents, quizIDs: quizzes, used: used, diagnostics: diags, headingIDs: ids)
    }
}
