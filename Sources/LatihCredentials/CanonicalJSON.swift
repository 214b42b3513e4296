/// RFC 8785, the JSON Canonicalization Scheme, which eddsa-jcs-2022 signs. No Swift
/// package here implements it, and Foundation's encoders escape `/`, order keys by code
/// point and print numbers in Swift's own way, so it is written by hand:
/// - object members sorted by their keys' UTF-16 code units;
/// - strings escaped only where JSON requires (`"`, `\`, and controls, as `\b \f \n \r \t`
///   or lowercase `\u00xx`), everything else as raw UTF-8, with no normalisation;
/// - numbers as ECMAScript's `Number.prototype.toString` prints them.
public enum CanonicalJSON {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(2048)
        write(value, &out)
        return out
    }

    public static func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    static func write(_ value: JSONValue, _ out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(ECMAScriptNumber.string(n).utf8)
        case .string(let s): writeString(s, &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                write(item, &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
            for (k, (key, item)) in sorted.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, &out)
                out.append(UInt8(ascii: ":"))
                write(item, &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, _ out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// ECMAScript's `Number.prototype.toString` for finite doubles (ECMA-262, Number::toString).
/// Swift's `description` already finds the shortest digits that read back as the same
/// double, as ECMAScript requires; only where the point and exponent go differs, and that
/// is laid out here by ECMAScript's rules.
public enum ECMAScriptNumber {
    public static func string(_ v: Double) -> String {
        precondition(v.isFinite, "JSON has no non-finite numbers")
        if v == 0 { return "0" }
        if v < 0 { return "-" + string(-v) }
        let (digits, n) = shortestDigits(v)
        let k = digits.count
        if k <= n && n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            return String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let e = n - 1
        let exponent = (e >= 0 ? "+" : "-") + String(abs(e))
        return k == 1 ? digits + "e" + exponent : String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "e" + exponent
    }

    /// The shortest digits `d` (no leading or trailing zeros) and the exponent `n` with
    /// v = 0.d × 10^n, read from Swift's shortest round-trip description.
    static func shortestDigits(_ v: Double) -> (String, Int) {
        let text = v.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let point = mantissa.firstIndex(of: ".")
        let intPart = point.map { mantissa[..<$0] } ?? mantissa
        let fracPart = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = Array(intPart + fracPart)
        var n = intPart.count + exponent
        while digits.first == "0" { digits.removeFirst(); n -= 1 }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), n)
    }
}
