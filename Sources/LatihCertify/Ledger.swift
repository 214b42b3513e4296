import LatihCredentials
import LatihDiagnostics
import LatihReport

/// The issuance ledger, `ledger.csv` in the certificates folder: a row per credential ever
/// issued, with its status index and who it names. It is the agency's private record: it
/// names people, so it lives with the certificates and never in the content or a site.
/// Issuing again reads it first, so that a credential keeps its index and its issue time
/// (and so its bytes), and `revoke` finds a credential's index in it.
public struct Ledger: Sendable {
    public static let fileName = "ledger.csv"
    static let columns = ["id", "status_index", "nip", "name", "achievement", "jp", "valid_from", "issued", "revoked", "reason"]

    public struct Entry: Sendable, Equatable {
        public var id: String
        public var statusIndex: Int
        public var nip: String
        public var name: String
        public var achievement: String
        public var jp: Double
        public var validFrom: String
        public var issued: String
        public var revoked: String = ""
        public var reason: String = ""
    }

    public private(set) var entries: [Entry] = []
    private var byID: [String: Int] = [:]

    public init() {}

    public subscript(id: String) -> Entry? { byID[id].map { entries[$0] } }

    public var usedIndexes: Set<Int> { Set(entries.map(\.statusIndex)) }

    public mutating func add(_ e: Entry) {
        if let i = byID[e.id] { entries[i] = e; return }
        byID[e.id] = entries.count
        entries.append(e)
    }

    public mutating func revoke(_ id: String, at: String, reason: String) {
        guard let i = byID[id] else { return }
        entries[i].revoked = at
        entries[i].reason = reason
    }

    public var csv: String {
        let rows = [Self.columns] + entries.map { e in
            [e.id, String(e.statusIndex), e.nip, e.name, e.achievement, ECMAScriptNumber.string(e.jp), e.validFrom, e.issued, e.revoked, e.reason]
        }
        return "\u{FEFF}" + rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The ledger in `text` (from `path`), or the problems that stop it being read.
    public static func parse(_ text: String, path: String) -> (Ledger, [Diagnostic]) {
        var ledger = Ledger()
        let (rows, problems) = CSVReader.rows(text)
        var diags = problems.map { Diagnostic.error(.certifyLedgerUnreadable, SourceLocation(path: path, line: $0.line, column: 1), $0.message) }
        guard let header = rows.first, header.fields.map(csvValue) == columns else {
            return (ledger, diags + [.error(.certifyLedgerUnreadable, SourceLocation(path: path, line: 1, column: 1), "not a ledger that latih certify wrote")])
        }
        for row in rows.dropFirst() {
            let f = row.fields.map(csvValue)
            guard f.count == columns.count, let index = Int(f[1]), let jp = Double(f[5]) else {
                diags.append(.error(.certifyLedgerUnreadable, SourceLocation(path: path, line: row.line, column: 1), "ledger row cannot be read"))
                continue
            }
            ledger.add(Entry(id: f[0], statusIndex: index, nip: f[2], name: f[3], achievement: f[4], jp: jp, validFrom: f[6], issued: f[7],
                             revoked: f[8], reason: f[9]))
        }
        return (ledger, diags)
    }
}
