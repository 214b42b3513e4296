import LatihDiagnostics

/// The warning for records read against the wrong catalogue: when none, or under a tenth,
/// of the year's statements about activities name an activity of this catalogue, the
/// report would be quietly empty. The warning says how many matched, which base addresses
/// the statements used, and the catalogue's own, which is what a user needs to see the
/// mismatch (a `base-url` changed since the site was published, or another site's LRS).
enum UnmatchedStatements {
    /// The most base addresses the warning names.
    static let shown = 3

    static func diagnostic(_ counts: Report.Counts, matched: Int, unknown: [String: Int], idBase: String, place: String) -> Diagnostic? {
        let unknownTotal = unknown.values.reduce(0, +)
        let about = matched + unknownTotal
        guard counts.read > 0, matched == 0 || matched * 10 < about else { return nil }
        var bases: [String: Int] = [:]
        for (id, n) in unknown { bases[base(of: id), default: 0] += n }
        let named = bases.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(shown)
            .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        var message = "\(matched) of \(about) statements in the year match the catalogue's activities"
        if counts.outOfYear > 0 { message += " (and \(counts.outOfYear) outside it)" }
        let hint = named.isEmpty
            ? "the catalogue's activities start with \(idBase); check --year and --content"
            : "the statements' activities start with \(named); the catalogue's start with \(idBase) (its base-url); check --content, or the site's base-url when the records were sent"
        return .warning(.reportUnmatched, SourceLocation(path: place), message, hint: hint)
    }

    /// The part of an activity id before the catalogue's own path (`courses/…` or a
    /// `urn:latih:` kind), or its origin.
    static func base(of id: String) -> String {
        if id.hasPrefix("urn:latih:") { return "urn:latih:" }
        if let r = id.range(of: "/courses/") { return String(id[..<r.lowerBound]) + "/" }
        if let scheme = id.range(of: "://") {
            let rest = id[scheme.upperBound...]
            let host = rest.firstIndex(of: "/").map { rest[..<$0] } ?? rest
            return String(id[..<scheme.upperBound]) + host + "/"
        }
        return id
    }
}
