import LatihDiagnostics

/// Statements into events: voided statements and their voiders left out, a statement id
/// counted once, statements outside the year and about activities the catalogue does not
/// know counted apart.
struct StatementEvents {
    var events: [Event] = []
    var read = 0
    var voided = 0
    var duplicates = 0
    var outOfYear = 0
    /// Statements about activities the catalogue does not know, by activity id.
    var unknown: [String: Int] = [:]

    init(_ statements: [ReadStatement], index: CatalogueIndex, year: YearWindow) {
        read = statements.count
        var voidedIDs: Set<String> = []
        for r in statements where r.statement.verb?.id == Statement.voided {
            if let id = r.statement.object?.id { voidedIDs.insert(id.lowercased()) }
        }
        var seen: Set<String> = []
        var targets: [String: Target?] = [:]
        events.reserveCapacity(statements.count)
        for r in statements {
            let s = r.statement
            if s.verb?.id == Statement.voided { voided += 1; continue }
            if let id = s.id?.lowercased() {
                if voidedIDs.contains(id) { voided += 1; continue }
                if !seen.insert(id).inserted { duplicates += 1; continue }
            }
            guard let time = (s.timestamp ?? s.stored).flatMap(ISOTime.seconds) else { continue }
            guard year.contains(time) else { outOfYear += 1; continue }
            guard let objectID = s.object?.id else { continue }
            let target: Target?
            if let known = targets[objectID] { target = known } else {
                target = index.target(objectID)
                targets[objectID] = target
            }
            guard let target else { unknown[objectID, default: 0] += 1; continue }
            let score = s.result?.score.flatMap { sc -> Double? in
                if let raw = sc.raw { return sc.max.map { $0 > 0 && $0 != 100 ? raw / $0 * 100 : raw } ?? raw }
                return sc.scaled.map { $0 * 100 }
            }
            events.append(Event(learner: s.learnerKey, name: s.actor?.name, time: time, kind: Event.Kind(verb: s.verb?.id ?? ""),
                                target: target, score: score, success: s.result?.success, response: s.result?.response))
        }
    }
}

/// The report's year: from 1 January 00:00 to the next, in Jakarta's time (WIB, UTC+7),
/// the time an agency's year runs on.
struct YearWindow: Sendable {
    let year: Int
    static let offset = 7 * 3600
    let start: Double
    let end: Double

    init(_ year: Int) {
        self.year = year
        start = Double(ISOTime.daysFromCivil(year, 1, 1) * 86400 - Self.offset)
        end = Double(ISOTime.daysFromCivil(year + 1, 1, 1) * 86400 - Self.offset)
    }

    func contains(_ t: Double) -> Bool { t >= start && t < end }

    /// The month (1–12) of `t`, in the year's time.
    func month(_ t: Double) -> Int { ISOTime.yearMonth(t, offset: Self.offset).1 }
}
