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

    /// `parts`: the statements of each file, LRS page or part of a file, in reading order.
    init(_ parts: [[ReadStatement]], year: YearWindow) {
        read = parts.reduce(0) { $0 + $1.count }
        var voidedIDs: Set<StatementID> = []
        for part in parts { for r in part { if let v = r.voids { voidedIDs.insert(v) } } }
        var seen: Set<StatementID> = []
        events.reserveCapacity(read)
        for part in parts { for r in part {
            if r.isVoiding { voided += 1; continue }
            if let id = r.id {
                if voidedIDs.contains(id) { voided += 1; continue }
                if !seen.insert(id).inserted { duplicates += 1; continue }
            }
            guard let time = r.time else { continue }
            guard year.contains(time) else { outOfYear += 1; continue }
            if let unknownID = r.unknownActivity { unknown[unknownID, default: 0] += 1; continue }
            if let event = r.event { events.append(event) }
        } }
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
