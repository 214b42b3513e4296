import Foundation
import LatihDiagnostics

/// Why a value could not be read as its key's kind.
struct ValueProblem: Error {
    var code: DiagnosticCode
    var message: String
    var hint: String?
    var suggestion: String?
}

/// Reads a value's text as one `FieldKind`. Nothing is guessed: each kind accepts
/// exactly the spellings documented for it.
enum ValueReader {
    static func read(_ raw: String, as kind: FieldKind, key: String) -> Result<Value, ValueProblem> {
        if raw.isEmpty, kind != .list, kind != .slugList, kind != .originList {
            return .failure(ValueProblem(code: .frontMatterEmptyValue, message: "`\(key)` has no value", hint: "write the value after the colon, or remove the line"))
        }
        switch kind {
        case .text:
            return .success(.text(raw))
        case .list:
            return list(raw, key: key).map(Value.list)
        case .slugList:
            return list(raw, key: key).flatMap { items in
                if let bad = items.first(where: { !isSlug($0) }) {
                    return .failure(ValueProblem(code: .frontMatterNotASlug, message: "`\(bad)` in `\(key)` is not a slug",
                                                 hint: "name courses by their folder name: lowercase letters, digits and hyphens"))
                }
                return .success(.list(items))
            }
        case .duration:
            guard let m = DurationReader.minutes(raw) else {
                return .failure(ValueProblem(code: .frontMatterNotADuration, message: "`\(raw)` is not a duration",
                                             hint: "write a duration as `45 menit`, `1 jam 30 menit`, `90m` or `1h30m`"))
            }
            return .success(.minutes(m))
        case .date:
            guard let d = date(raw) else {
                return .failure(ValueProblem(code: .frontMatterNotADate, message: "`\(raw)` is not a date",
                                             hint: "write a date as YYYY-MM-DD, for example 2026-03-17"))
            }
            return .success(.date(d))
        case .boolean:
            guard let b = YesNo.read(raw) else {
                return .failure(ValueProblem(code: .frontMatterNotYesNo, message: "`\(raw)` is not a yes/no value",
                                             hint: "write one of: \(YesNo.words)"))
            }
            return .success(.boolean(b))
        case .choice(let options):
            guard options.contains(raw) else {
                var message = "`\(raw)` is not a valid `\(key)`"
                let s = Suggestion.closest(to: raw.lowercased(), in: options)
                if let s { message += "; did you mean `\(s)`?" }
                return .failure(ValueProblem(code: .frontMatterNotAChoice, message: message,
                                             hint: "write one of: \(options.joined(separator: ", "))", suggestion: s))
            }
            return .success(.text(raw))
        case .originList:
            return list(raw, key: key).flatMap { items in
                if let bad = items.first(where: { !isOrigin($0) }) {
                    return .failure(ValueProblem(code: .frontMatterNotAnOrigin, message: "`\(bad)` in `\(key)` is not a web origin",
                                                 hint: "write origins such as https://lrs.jakarta.go.id or http://127.0.0.1:8080, without paths"))
                }
                return .success(.list(items))
            }
        case .url:
            let lower = raw.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), raw.count > 8, !raw.contains(" ") else {
                return .failure(ValueProblem(code: .frontMatterNotAURL, message: "`\(raw)` is not an http(s) URL",
                                             hint: "write the full address, for example https://latih.jakarta.go.id/"))
            }
            return .success(.text(raw))
        }
    }

    /// Splits on commas; `\,` is a literal comma and `\\` a literal backslash.
    static func list(_ raw: String, key: String) -> Result<[String], ValueProblem> {
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in raw {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        items.append(current)
        let trimmed = items.map { String(Substring($0).trimmingSpaces) }
        if raw.trimmingCharacters(in: " ").isEmpty { return .success([]) }
        if trimmed.contains(where: \.isEmpty) {
            return .failure(ValueProblem(code: .frontMatterEmptyListItem, message: "empty item in `\(key)`",
                                         hint: "remove the extra comma; write `\\,` for a comma inside an item"))
        }
        return .success(trimmed)
    }

    /// `http(s)://host[:port]`, where the port may be `*`. Nothing else may reach the
    /// Content-Security-Policy, into which these are written.
    static func isOrigin(_ s: String) -> Bool {
        let lower = s.lowercased()
        guard lower == s, let schemeEnd = lower.range(of: "://") else { return false }
        guard ["http", "https"].contains(String(lower[..<schemeEnd.lowerBound])) else { return false }
        let rest = lower[schemeEnd.upperBound...]
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty,
              host.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }) else { return false }
        if parts.count == 2 {
            let port = parts[1]
            return port == "*" || (!port.isEmpty && port.count <= 5 && port.allSatisfy { $0.isASCII && $0.isNumber })
        }
        return true
    }

    static func isSlug(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, ("a"..."z").contains(f) || ("0"..."9").contains(f) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func date(_ raw: String) -> Day? {
        let u = Array(raw.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self.drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

/// The only spellings of yes and no that Latih accepts anywhere (front matter, quiz settings).
public enum YesNo {
    public static let words = "ya, tidak, yes, no, true, false"

    public static func read(_ raw: String) -> Bool? {
        switch raw {
        case "ya", "yes", "true": return true
        case "tidak", "no", "false": return false
        default: return nil
        }
    }
}
