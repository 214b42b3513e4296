/// A strict JSON reader for credentials, which are untrusted input. Foundation's parsers
/// keep the last of two equal keys and let lone surrogates through; a signature is only
/// meaningful over one reading of the text, so I-JSON's rules (RFC 7493) are enforced
/// here, with bounds that a credential never needs to exceed. The browser's verifier
/// reads by the same rules (`templates/assets/verify/json.js`), held equal by the vectors
/// under `Tests/vectors/credentials/`.
public struct StrictJSON {
    /// Why a text was refused, and where (a byte offset).
    public struct Failure: Error, Equatable, Sendable {
        public var reason: Reason
        public var offset: Int
    }

    public enum Reason: String, Sendable {
        case tooLarge = "too-large"
        case tooDeep = "too-deep"
        case syntax
        case duplicateKey = "duplicate-key"
        case loneSurrogate = "lone-surrogate"
        case numberRange = "number-range"
        case reservedKey = "reserved-key"
    }

    /// The most bytes a credential's JSON may have: an Open Badge with its proof is about
    /// 2 KB, so this leaves room for long names and descriptions and refuses the rest.
    public static let maxBytes = 65_536
    /// The deepest nesting a credential has is 5; this bounds the recursion.
    public static let maxDepth = 32
    /// Numbers from 2^53 up cannot all be told apart as doubles (2^53 + 1 reads as 2^53),
    /// so they are refused rather than signed as a value they do not have.
    static let limit = 9_007_199_254_740_992.0

    private let bytes: [UInt8]
    private var i = 0

    /// Parses `bytes` (UTF-8, which Swift's decoding checks) as one JSON value of at most
    /// `limit` bytes.
    public static func parse(_ bytes: [UInt8], limit: Int = maxBytes) throws(Failure) -> JSONValue {
        guard bytes.count <= limit else { throw Failure(reason: .tooLarge, offset: 0) }
        var reader = StrictJSON(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == bytes.count else { throw Failure(reason: .syntax, offset: reader.i) }
        return value
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ reason: Reason) -> Failure { Failure(reason: reason, offset: i) }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw fail(.syntax) }
            i += 1
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail(.tooDeep) }
        guard i < bytes.count else { throw fail(.syntax) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var members: [(String, JSONValue)] = []
        var keys: Set<String> = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail(.syntax) }
            let at = i
            let key = try string()
            // A key that JavaScript's objects treat specially is refused on both sides.
            guard key != "__proto__" else { throw Failure(reason: .reservedKey, offset: at) }
            guard keys.insert(key).inserted else { throw Failure(reason: .duplicateKey, offset: at) }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail(.syntax) }
            i += 1
            skipSpace()
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard i < bytes.count else { throw fail(.syntax) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw fail(.syntax)
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw fail(.syntax) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail(.syntax)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt16 {
        guard i + 4 <= bytes.count else { throw fail(.syntax) }
        var v: UInt16 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt16
            switch c {
            case 48...57: d = UInt16(c - 48)
            case 65...70: d = UInt16(c - 55)
            case 97...102: d = UInt16(c - 87)
            default: throw fail(.syntax)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func string() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail(.syntax) }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            guard c >= 0x20 else { throw fail(.syntax) }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw fail(.syntax) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let at = i - 2
                let unit = try hex4()
                var scalar: UInt32
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw Failure(reason: .loneSurrogate, offset: at)
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure(reason: .loneSurrogate, offset: at) }
                    scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Failure(reason: .loneSurrogate, offset: at)
                } else {
                    scalar = UInt32(unit)
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw fail(.syntax)
            }
        }
        // Raw bytes are checked as UTF-8 here: an invalid sequence is refused, not repaired.
        guard let s = String(validating: out, as: UTF8.self) else { throw fail(.syntax) }
        return s
    }

    private mutating func number() throws(Failure) -> Double {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail(.syntax) }
        if bytes[i] == 48 { i += 1 } else { while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail(.syntax) }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail(.syntax) }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite, abs(v) < Self.limit else { throw Failure(reason: .numberRange, offset: start) }
        // -0 has no canonical form of its own (RFC 8785 writes it as 0), so it is refused.
        guard !(v == 0 && v.sign == .minus) else { throw Failure(reason: .numberRange, offset: start) }
        return v
    }
}
