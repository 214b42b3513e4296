import Foundation
import LatihClickHouse

/// `latih report --clickhouse`: the year's statements read where a national LRS keeps
/// them. The engine does what grows with the statements (the year's window, voiding and
/// duplicates, the catalogue's activities and the roster's people, grouping and ordering
/// by person); Latih reads the answer a person at a time and folds each with the same
/// `ReportBuilder` as a file of statements, so the counting rules stay in one place and
/// memory holds one person. Every query is read-only and uses SQL that ClickHouse 18.16
/// and today's engine both accept; the catalogue and the people go along as external
/// tables. Each answer ends with a row of its own (`done` = 1): an answer without it was
/// cut short, and no report is made from it.
struct ClickHouseRecords {
    let client: ClickHouseClient
    let index: CatalogueIndex
    let year: YearWindow

    var table: String { "\(client.database).\(ClickHouseSchema.table)" }
    var start: Int64 { Event.micros(year.start) }
    var end: Int64 { Event.micros(year.end) }

    /// The year's statements, each once, without voided statements or voiding ones.
    var unique: String {
        // The columns are renamed a level up: ClickHouse's aliases are seen by the whole
        // query, and `any(ts_us) AS ts_us` would be read by the WHERE below it.
        """
        SELECT event_id, t AS ts_us, k AS actor_key, nm AS actor_name, vb AS verb_id, o AS object_id,
               sc AS score, su AS success, re AS response
        FROM (
            SELECT event_id, any(ts_us) AS t, any(actor_key) AS k, any(actor_name) AS nm, any(verb_id) AS vb, any(object_id) AS o,
                   any(score) AS sc, any(success) AS su, any(response) AS re
            FROM \(table)
            WHERE voids = '' AND ts_us >= \(start) AND ts_us < \(end)
              AND toString(event_id) NOT IN (SELECT voids FROM \(table) WHERE voids != '')
            GROUP BY event_id
        )
        """
    }

    /// What the report says of the statements it read: as `PersonBuckets` counts them.
    var countsQuery: String {
        """
        SELECT * FROM (
            SELECT toUInt8(0) AS done, toUInt64(sum(copies)) AS read,
                   toUInt64(sumIf(copies, is_voiding) + sumIf(copies, NOT is_voiding AND is_voided)) AS voided,
                   toUInt64(sumIf(copies - 1, NOT is_voiding AND NOT is_voided)) AS duplicates,
                   toUInt64(countIf(NOT is_voiding AND NOT is_voided AND (first_ts < \(start) OR first_ts >= \(end)))) AS out_of_year
            FROM (
                SELECT event_id, count() AS copies, any(voids) != '' AS is_voiding, any(ts_us) AS first_ts,
                       toString(event_id) IN (SELECT voids FROM \(table) WHERE voids != '') AS is_voided
                FROM \(table)
                GROUP BY event_id
            )
            UNION ALL
            SELECT toUInt8(1), toUInt64(0), toUInt64(0), toUInt64(0), toUInt64(0)
        ) ORDER BY done
        """
    }

    var activitiesQuery: String {
        """
        SELECT * FROM (
            SELECT toUInt8(0) AS done, object_id, count() AS statements FROM (\(unique)) GROUP BY object_id
            UNION ALL
            SELECT toUInt8(1), '', toUInt64(0)
        ) ORDER BY done, object_id
        """
    }

    var actorsQuery: String {
        """
        SELECT * FROM (
            SELECT toUInt8(0) AS done, actor_key FROM (\(unique)) WHERE object_id IN (SELECT object_id FROM activities) GROUP BY actor_key
            UNION ALL
            SELECT toUInt8(1), ''
        ) ORDER BY done, actor_key
        """
    }

    var eventsQuery: String {
        """
        SELECT * FROM (
            SELECT toUInt8(0) AS done, slot, ts_us, toString(event_id) AS id, code, verb_id, score, success, response, actor_key, actor_name
            FROM (
                SELECT * FROM (\(unique)) AS u ALL INNER JOIN activities AS a USING object_id
            ) AS k ALL INNER JOIN actors AS p USING actor_key
            UNION ALL
            SELECT toUInt8(1), toUInt32(4294967295), toInt64(0), '', toInt32(0), '', CAST(NULL AS Nullable(Float64)), toInt8(0), '', '', ''
        ) ORDER BY done, slot, ts_us, id
        """
    }

    struct Cut: Error {}

    /// Runs `sql`, giving `body` every row but the last, which must be the answer's own end.
    func rows(_ sql: String, tables: [ClickHouseClient.ExternalTable] = [], _ body: (borrowing TSVRow) throws -> Void) async throws {
        var ended = false
        try await client.select(sql, tables: tables) { row in
            if ended { throw Cut() }
            if row.int(0) == 1 { ended = true; return }
            try body(row)
        }
        guard ended else { throw ClickHouseClient.Failure.server("ClickHouse's answer was cut short; no report was made from it") }
    }

    /// The report of the year's statements in ClickHouse, with `roster`'s people.
    func report(roster: [Person]?, builder: ReportBuilder, progress: ((String) -> Void)?) async throws -> (Report, [PersonYear], matched: Int, unknown: [String: Int]) {
        var counts = Report.Counts()
        try await rows(countsQuery) { row in
            counts.read = Int(row.int(1) ?? 0)
            counts.voided = Int(row.int(2) ?? 0)
            counts.duplicates = Int(row.int(3) ?? 0)
            counts.outOfYear = Int(row.int(4) ?? 0)
        }
        progress?("\(counts.read) statements in \(table)")
        var known: [[String]] = [], unknown: [String: Int] = [:]
        try await rows(activitiesQuery) { row in
            let id = row.string(1)
            guard !id.isEmpty else { return }
            if let target = index.target(id) {
                known.append([id, String(index.code(target))])
                counts.counted += Int(row.int(2) ?? 0)
            } else {
                unknown[id] = Int(row.int(2) ?? 0)
            }
        }
        let activities = ClickHouseClient.ExternalTable(name: "activities", structure: "object_id String, code Int32", rows: known)
        var slots = PersonSlots(roster: roster)
        var actors: [[String]] = []
        try await rows(actorsQuery, tables: [activities]) { row in
            let key = row.string(1)
            actors.append([key, String(slots.slot(key))])
        }
        progress?("\(actors.count) learners, \(counts.counted) statements to count")
        var tally = ReportTally(builder: builder)
        var strings = StringTable()
        var person: [Event] = []
        var current = -1
        func fold() {
            guard current >= 0 else { return }
            // The engine orders by time and id; the fold's own order settles ties as a file's does.
            person.sort(by: Event.precedes)
            tally.add(slot: current, id: strings[person[0].learner], person: slots.rosterPerson(current),
                      year: builder.fold(person[...], strings: strings))
            person.removeAll(keepingCapacity: true)
        }
        try await rows(eventsQuery, tables: [activities, ClickHouseClient.ExternalTable(name: "actors", structure: "actor_key String, slot UInt32", rows: actors)]) { row in
            let slot = Int(row.int(1) ?? -1)
            guard slot >= 0, slot < slots.count else { throw ClickHouseClient.Failure.server("ClickHouse answered a person Latih did not send") }
            if slot != current {
                fold()
                current = slot
            }
            let idText = row.string(3)
            let id = StatementID(idText)
            var e = Event(time: row.int(2) ?? 0, id: id ?? .none, learner: strings.number(row.string(9)), kind: Event.Kind(verb: row.string(5)))
            e.hasID = id != nil
            e.activity = Int32(row.int(4) ?? 0)
            e.score = row.double(6) ?? .nan
            e.successCode = Int8(row.int(7) ?? -1)
            e.response = strings.number(row.string(8))
            e.name = strings.number(row.string(10))
            guard Int(e.activity) < index.targets.count else { throw ClickHouseClient.Failure.server("ClickHouse answered an activity Latih did not send") }
            person.append(e)
        }
        fold()
        tally.addPeopleWithoutRecords(slots)
        let (report, persons) = tally.report(counts: counts, unknown: unknown, skipped: 0, strings: strings)
        return (report, persons, counts.counted, unknown)
    }
}
