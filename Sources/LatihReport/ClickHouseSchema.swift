/// The SQL an agency runs once on its ClickHouse so that `latih report --clickhouse` can
/// read Ralph's statements: a table of the columns the report reads, a materialized view
/// that fills it from Ralph's `xapi_events_all` as statements arrive (the JSON is parsed
/// once, as Open edX Aspects does), and the backfill of statements stored before the view.
/// `latih report --clickhouse-schema` prints it, docs/report.md shows it, and the tests run
/// it on the current engine (chDB). The table needs nothing beyond ClickHouse 18.16; the
/// view and backfill need JSON functions and `DateTime64`, ClickHouse 21.11 or later, which
/// Ralph needs anyway.
public enum ClickHouseSchema {
    /// The parsed table's name, in the database that holds Ralph's table.
    public static let table = "latih_statements"

    /// A database name, as Latih puts it into SQL: letters, digits and `_` only.
    public static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
    }

    /// The table (plain MergeTree, one server).
    public static func createTable(_ db: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(db).\(table)
        (
            event_id UUID,
            ts_us Int64,
            actor_key String,
            actor_name String,
            verb_id String,
            object_id String,
            voids String,
            score Nullable(Float64),
            success Int8,
            response String
        )
        ENGINE = MergeTree()
        PARTITION BY toYYYYMM(toDateTime(intDiv(ts_us, 1000000)))
        ORDER BY (actor_key, ts_us, event_id)
        """
    }

    /// The same table on a cluster: replicated on every shard.
    public static func createReplicatedTable(_ db: String) -> String {
        createTable(db)
            .replacingOccurrences(of: "\(db).\(table)\n", with: "\(db).\(table) ON CLUSTER '{cluster}'\n")
            .replacingOccurrences(of: "ENGINE = MergeTree()", with: "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/\(db)/\(table)', '{replica}')")
    }

    /// The columns, from a statement as Ralph stores it (`event` is its JSON). The rules are
    /// the file reader's (`Statement.learnerKey`, `StatementPart.add`): the learner's key,
    /// the score as a percentage, success as -1/0/1, the id a voiding statement voids.
    static let columns = """
        SELECT
            event_id,
            toUnixTimestamp64Micro(emission_time) AS ts_us,
            multiIf(
                JSONHas(event, 'actor', 'mbox'), concat('mailto:', lowerUTF8(substring(JSONExtractString(event, 'actor', 'mbox'), 8))),
                JSONHas(event, 'actor', 'account'), concat('account:', JSONExtractString(event, 'actor', 'account', 'homePage'), '|', JSONExtractString(event, 'actor', 'account', 'name')),
                JSONHas(event, 'actor', 'mbox_sha1sum'), concat('sha1:', lower(JSONExtractString(event, 'actor', 'mbox_sha1sum'))),
                concat('openid:', JSONExtractString(event, 'actor', 'openid'))
            ) AS actor_key,
            JSONExtractString(event, 'actor', 'name') AS actor_name,
            JSONExtractString(event, 'verb', 'id') AS verb_id,
            JSONExtractString(event, 'object', 'id') AS object_id,
            if(verb_id = 'http://adlnet.gov/expapi/verbs/voided', lower(object_id), '') AS voids,
            multiIf(
                JSONHas(event, 'result', 'score', 'raw'),
                    if(JSONExtractFloat(event, 'result', 'score', 'max') > 0 AND JSONExtractFloat(event, 'result', 'score', 'max') != 100,
                       JSONExtractFloat(event, 'result', 'score', 'raw') / JSONExtractFloat(event, 'result', 'score', 'max') * 100,
                       JSONExtractFloat(event, 'result', 'score', 'raw')),
                JSONHas(event, 'result', 'score', 'scaled'), JSONExtractFloat(event, 'result', 'score', 'scaled') * 100,
                NULL
            ) AS score,
            toInt8(if(JSONHas(event, 'result', 'success'), JSONExtractBool(event, 'result', 'success'), -1)) AS success,
            JSONExtractString(event, 'result', 'response') AS response
        """

    /// The view that fills the table from Ralph's table as statements are inserted.
    public static func createView(_ db: String, cluster: Bool = false) -> String {
        "CREATE MATERIALIZED VIEW IF NOT EXISTS \(db).\(table)_mv\(cluster ? " ON CLUSTER '{cluster}'" : "") TO \(db).\(table) AS\n"
            + columns + "\nFROM \(db).xapi_events_all"
    }

    /// The statements stored before the view existed (`before`: when it was made, as
    /// `YYYY-MM-DD hh:mm:ss` UTC), copied once.
    public static func backfill(_ db: String, before: String = "2026-01-01 00:00:00") -> String {
        "INSERT INTO \(db).\(table)\n" + columns + "\nFROM \(db).xapi_events_all\nWHERE emission_time < toDateTime64('\(before)', 6, 'UTC')"
    }

    /// Everything, for one server, as `--clickhouse-schema` prints it.
    public static func script(_ db: String) -> String {
        [
            "-- The table latih report reads (ClickHouse 18.16 or later).",
            createTable(db) + ";",
            "",
            "-- Fills it from Ralph's table as statements arrive (ClickHouse 21.11 or later).",
            createView(db) + ";",
            "",
            "-- Once, after the view is made: the statements stored before it. Replace the time",
            "-- with when the view was made (UTC); a statement copied twice is counted once.",
            backfill(db) + ";",
            "",
        ].joined(separator: "\n")
    }
}
