/// The xAPI activity ids of a catalogue: what a statement names when a learner opens a
/// course or a lesson, takes a quiz or answers one of its questions. One scheme, written
/// here for the cmi5 manifest and the report, and in `site/xapi.js` (`ids`) for the
/// browser; `Tests/vectors/activity-ids.tsv` holds the two equal.
///
/// Under a site's `base-url` (or, in the browser, its root address) an id is the page's
/// address: `<base>courses/<course>/`, `<base>courses/<course>/<lesson>/`,
/// `<base>kuis/<quiz>`, `<base>kuis/<quiz>#soal-<n>`. A package without a base-url names
/// its course and lessons `urn:latih:course:<course>` and `urn:latih:lesson:<course>:<lesson>`,
/// and its quizzes under `urn:latih:`.
public struct ActivityIDs: Sendable, Equatable {
    /// The base with its final slash, or nil when the site has none.
    public let base: String?

    public init(baseURL: String?) {
        // An empty base gives the ids' tails, which the report matches ids by.
        base = baseURL.map { $0.isEmpty || $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// What every id starts with: the base, or `urn:latih:`.
    public var prefix: String { base ?? "urn:latih:" }

    public func course(_ course: String) -> String {
        base.map { $0 + "courses/\(course)/" } ?? "urn:latih:course:\(course)"
    }

    public func lesson(course: String, lesson: String) -> String {
        base.map { $0 + "courses/\(course)/\(lesson)/" } ?? "urn:latih:lesson:\(course):\(lesson)"
    }

    public func quiz(_ quiz: String) -> String { prefix + "kuis/" + quiz }

    /// Question `number`, from 1.
    public func question(quiz id: String, number: Int) -> String { quiz(id) + "#soal-\(number)" }
}
