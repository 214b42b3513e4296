import Foundation
import LatihDiagnostics

/// One person the agency expects to learn.
struct Person: Sendable, Equatable {
    var nip: String
    var name: String
    var email: String
    var unit: String
    var position: String
}

/// `pegawai.csv`: a header with the columns `nip,nama,email,unit,jabatan` (in any order,
/// others ignored), then a person per row. A row that cannot be read is an error at its line.
enum Roster {
    static let columns = ["nip", "nama", "email", "unit", "jabatan"]

    static func parse(_ text: String, path: String) -> ([Person], [Diagnostic]) {
        let (rows, problems) = CSVReader.rows(text)
        var diags = problems.map { Diagnostic.error(.csvBadQuote, SourceLocation(path: path, line: $0.line, column: 1), $0.message) }
        guard let header = rows.first else {
            return ([], diags + [.error(.rosterEmpty, SourceLocation(path: path, line: 1, column: 1), "roster is empty",
                                          hint: "its first line names the columns: \(columns.joined(separator: ","))")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "\u{FEFF}", with: "") }
        var at: [String: Int] = [:]
        for c in columns {
            guard let i = names.firstIndex(of: c) else {
                diags.append(.error(.rosterMissingColumn, SourceLocation(path: path, line: header.line, column: 1), "roster has no column `\(c)`",
                                    hint: "its first line names the columns: \(columns.joined(separator: ","))"))
                continue
            }
            at[c] = i
        }
        if at.count < columns.count { return ([], diags) }
        var people: [Person] = []
        var seenNIP: [String: Int] = [:], seenEmail: [String: Int] = [:]
        for row in rows.dropFirst() {
            let f = row.fields
            let loc = SourceLocation(path: path, line: row.line, column: 1)
            guard f.count == names.count else {
                diags.append(.error(.csvFieldCount, loc, "roster row has \(f.count) fields, the header \(names.count)",
                                    hint: "quote a field that holds a comma: \"Dinas Komunikasi, Informatika dan Statistik\""))
                continue
            }
            func v(_ c: String) -> String { f[at[c]!].trimmingCharacters(in: .whitespaces) }
            let p = Person(nip: v("nip"), name: v("nama"), email: v("email").lowercased(), unit: v("unit"), position: v("jabatan"))
            if p.nip.isEmpty && p.email.isEmpty {
                diags.append(.error(.rosterNoIdentity, loc, "roster row has neither a NIP nor an email", hint: "learners are matched by one of them"))
                continue
            }
            if !p.email.isEmpty && !(p.email.contains("@") && !p.email.hasPrefix("@") && !p.email.hasSuffix("@")) {
                diags.append(.error(.rosterBadEmail, loc, "`\(p.email)` is not an email address"))
                continue
            }
            if !p.nip.isEmpty, let first = seenNIP[p.nip] {
                diags.append(.error(.rosterDuplicatePerson, loc, "NIP \(p.nip) is already on line \(first)",
                                    notes: [DiagnosticNote(SourceLocation(path: path, line: first, column: 1), "NIP \(p.nip) first")]))
                continue
            }
            if !p.email.isEmpty, let first = seenEmail[p.email] {
                diags.append(.error(.rosterDuplicatePerson, loc, "email \(p.email) is already on line \(first)",
                                    notes: [DiagnosticNote(SourceLocation(path: path, line: first, column: 1), "email \(p.email) first")]))
                continue
            }
            if !p.nip.isEmpty { seenNIP[p.nip] = row.line }
            if !p.email.isEmpty { seenEmail[p.email] = row.line }
            people.append(p)
        }
        return (people, diags)
    }
}

/// RFC 4180 CSV, with the line each row starts on. Written by hand because the CSV
/// libraries in reach (SwiftCSV, CSV.swift) give no row positions, and a roster error
/// must name its line, which a quoted field with a line break moves.
public enum CSVReader {
    public struct Row: Sendable { public var line: Int; public var fields: [String] }

    public static func rows(_ text: String) -> ([Row], [(line: Int, message: String)]) {
        var rows: [Row] = [], problems: [(Int, String)] = []
        var field = "", fields: [String] = []
        var inQuotes = false, quotedAt = 0, line = 1, rowLine = 1, afterQuote = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []; field = ""
        }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    let next = chars.index(after: i)
                    if next < chars.endIndex, chars[next] == "\"" { field.unicodeScalars.append("\""); i = next }
                    else { inQuotes = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                inQuotes = true; quotedAt = line
            } else if c == "," {
                fields.append(field); field = ""; afterQuote = false
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.index(after: i) < chars.endIndex, chars[chars.index(after: i)] == "\n" { i = chars.index(after: i) }
                endRow(); afterQuote = false
                line += 1; rowLine = line
            } else {
                if afterQuote { problems.append((line, "a quoted field is followed by text before the comma")); afterQuote = false }
                field.unicodeScalars.append(c)
            }
            i = chars.index(after: i)
        }
        if inQuotes { problems.append((quotedAt, "a quoted field is never closed")) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return (rows, problems)
    }
}

/// A CSV cell that a spreadsheet never reads as a formula (as the site's progress CSV).
public func csvCell(_ value: String) -> String {
    var s = value
    if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { s = "'" + s }
    return s.contains(where: { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

/// A value that `csvCell` wrote, read back: the apostrophe that kept it from being a
/// formula is taken off.
public func csvValue(_ field: String) -> String {
    guard field.hasPrefix("'"), let second = field.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) else { return field }
    return String(field.dropFirst())
}
