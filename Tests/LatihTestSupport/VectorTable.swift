import Foundation

/// A tab-separated table under `Tests/vectors/`. The same tables drive the Swift tests and
/// `Tests/js/*.test.js`, so that the build and the browser agree.
///
/// Lines that begin with `#` are comments; the first other line is the header, and is
/// not a row. Empty fields are kept; `\t` in a field stands for a tab.
public struct VectorTable: Sendable {
    /// The header's column names.
    public let columns: [String]
    /// Every row, as its fields.
    public let rows: [[String]]
    /// Lines that begin with `@`: named values, such as a corpus's attested roots.
    public let named: [String: String]

    /// Reads `Tests/vectors/<name>`. A table that is missing or empty fails the test that
    /// reads it, through `rows` being empty; tests check their table's size.
    public init(_ name: String) {
        let path = Repository.root + "/Tests/vectors/" + name
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }
        var named: [String: String] = [:]
        lines.removeAll { line in
            guard line.hasPrefix("@"), let tab = line.firstIndex(of: "\t") else { return false }
            named[String(line[..<tab])] = String(line[line.index(after: tab)...])
            return true
        }
        func fields(_ line: Substring) -> [String] {
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\\t", with: "\t") }
        }
        columns = lines.first.map(fields) ?? []
        rows = lines.dropFirst().map(fields)
        self.named = named
    }

    /// The first two fields of every row (the second empty when a row has one).
    public var pairs: [(String, String)] { rows.map { ($0[0], $0.count > 1 ? $0[1] : "") } }
}
