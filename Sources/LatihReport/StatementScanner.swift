/// Reads one statement's JSON into `Statement`, taking only the fields a report uses and
/// stepping over the rest (definitions, extensions, attachments) without building them.
/// Written by hand because Foundation's JSONDecoder builds a value for every part of the
/// document and then decodes it through keyed containers, which over a year's statements
/// would be most of a report's time; this reads each byte once. It is a strict JSON
/// reader: anything that is not JSON is refused, and a field of the wrong type is named.
struct StatementScanner {
    struct Failure: Error, Equatable {
        /// "line is not JSON", or the path of a field of the wrong type.
        var message: String
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The statement in `bytes`, which hold one JSON object and nothing else.
    static func statement(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Statement {
        var s = StatementScanner(bytes)
        var out = Statement()
        s.ws()
        try s.object { s, key throws(Failure) in
            switch key {
            case "id": out.id = try s.string("id")
            case "timestamp": out.timestamp = try s.string("timestamp")
            case "stored": out.stored = try s.string("stored")
            case "actor": out.actor = try s.agent()
            case "verb":
                var v = Statement.Verb()
                try s.optionalObject("verb") { s, k throws(Failure) in if k == "id" { v.id = try s.string("verb.id") } else { try s.skip() } }
                out.verb = v
            case "object":
                var o = Statement.Object()
                try s.optionalObject("object") { s, k throws(Failure) in
                    switch k {
                    case "id": o.id = try s.string("object.id")
                    case "objectType": o.objectType = try s.string("object.objectType")
                    default: try s.skip()
                    }
                }
                out.object = o
            case "result": out.result = try s.result()
            case "context":
                var c = Statement.Context()
                try s.optionalObject("context") { s, k throws(Failure) in
                    if k == "registration" { c.registration = try s.string("context.registration") } else { try s.skip() }
                }
                out.context = c
            default: try s.skip()
            }
        }
        s.ws()
        guard s.i == s.b.count else { throw Failure(message: "line is not JSON") }
        return out
    }

    // MARK: The statement's parts

    private mutating func agent() throws(Failure) -> Statement.Agent {
        var a = Statement.Agent()
        try optionalObject("actor") { s, k throws(Failure) in
            switch k {
            case "objectType": a.objectType = try s.string("actor.objectType")
            case "name": a.name = try s.string("actor.name")
            case "mbox": a.mbox = try s.string("actor.mbox")
            case "mbox_sha1sum": a.mbox_sha1sum = try s.string("actor.mbox_sha1sum")
            case "openid": a.openid = try s.string("actor.openid")
            case "account":
                var acc = Statement.Account()
                try s.optionalObject("actor.account") { s, k throws(Failure) in
                    switch k {
                    case "homePage": acc.homePage = try s.string("actor.account.homePage")
                    case "name": acc.name = try s.string("actor.account.name")
                    default: try s.skip()
                    }
                }
                a.account = acc
            default: try s.skip()
            }
        }
        return a
    }

    private mutating func result() throws(Failure) -> Statement.Result {
        var r = Statement.Result()
        try optionalObject("result") { s, k throws(Failure) in
            switch k {
            case "success": r.success = try s.bool("result.success")
            case "completion": r.completion = try s.bool("result.completion")
            case "response": r.response = try s.string("result.response")
            case "duration": r.duration = try s.string("result.duration")
            case "score":
                var sc = Statement.Score()
                try s.optionalObject("result.score") { s, k throws(Failure) in
                    switch k {
                    case "scaled": sc.scaled = try s.number("result.score.scaled")
                    case "raw": sc.raw = try s.number("result.score.raw")
                    case "min": sc.min = try s.number("result.score.min")
                    case "max": sc.max = try s.number("result.score.max")
                    default: try s.skip()
                    }
                }
                r.score = sc
            default: try s.skip()
            }
        }
        return r
    }

    // MARK: JSON

    private static let notJSON = Failure(message: "line is not JSON")

    private func wrongType(_ path: String) -> Failure {
        Failure(message: "not a valid xAPI 1.0.3 statement: `\(path)` has the wrong type")
    }

    private mutating func ws() {
        while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
    }

    private mutating func isNull() throws(Failure) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw Self.notJSON }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw Self.notJSON }
        i += n
    }

    /// Calls `body` with each key of the object at `i`, positioned at its value, which
    /// `body` must read or skip.
    private mutating func object(_ body: (inout StatementScanner, String) throws(Failure) -> Void) throws(Failure) {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { throw Self.notJSON }
        i += 1
        ws()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            ws()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Self.notJSON }
            let key = try rawString()
            ws()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Self.notJSON }
            i += 1
            ws()
            try body(&self, key)
            ws()
            guard i < b.count else { throw Self.notJSON }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return }
            throw Self.notJSON
        }
    }

    /// An object at `path`, or null; anything else is the wrong type.
    private mutating func optionalObject(_ path: String, _ body: (inout StatementScanner, String) throws(Failure) -> Void) throws(Failure) {
        if try isNull() { return }
        guard i < b.count, b[i] == UInt8(ascii: "{") else { try skip(); throw wrongType(path) }
        try object(body)
    }

    private mutating func string(_ path: String) throws(Failure) -> String? {
        if try isNull() { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { try skip(); throw wrongType(path) }
        return try rawString()
    }

    private mutating func bool(_ path: String) throws(Failure) -> Bool? {
        if try isNull() { return nil }
        guard i < b.count else { throw Self.notJSON }
        if b[i] == UInt8(ascii: "t") { try literal("true"); return true }
        if b[i] == UInt8(ascii: "f") { try literal("false"); return false }
        try skip()
        throw wrongType(path)
    }

    private mutating func number(_ path: String) throws(Failure) -> Double? {
        if try isNull() { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "-") || (48...57).contains(b[i]) else { try skip(); throw wrongType(path) }
        let start = i
        try skipNumber()
        guard let v = Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)) else { throw Self.notJSON }
        return v
    }

    /// The string at `i` (which is a quote), its escapes read.
    private mutating func rawString() throws(Failure) -> String {
        i += 1
        let start = i
        var plain = true
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                if plain {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                break
            }
            if c == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            if c < 0x20 { throw Self.notJSON }
            i += 1
        }
        guard i < b.count else { throw Self.notJSON }
        // Escapes: decode from the start again.
        var out: [UInt8] = []
        var k = start
        while k < i {
            let c = b[k]
            guard c == UInt8(ascii: "\\") else { out.append(c); k += 1; continue }
            guard k + 1 < i else { throw Self.notJSON }
            let e = b[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(k) else { throw Self.notJSON }
                k += 4
                if (0xD800..<0xDC00).contains(code), k + 6 <= i, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u"),
                   let low = hex4(k + 2), (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw Self.notJSON
            }
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(_ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 65...70: d = c - 55
            case 97...102: d = c - 87
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func skipNumber() throws(Failure) {
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        while i < b.count, (48...57).contains(b[i]) || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")
                || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i > start else { throw Self.notJSON }
    }

    /// Steps over any value.
    private mutating func skip() throws(Failure) {
        ws()
        guard i < b.count else { throw Self.notJSON }
        switch b[i] {
        case UInt8(ascii: "{"): try object { s, _ throws(Failure) in try s.skip() }
        case UInt8(ascii: "["):
            i += 1
            ws()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                try skip()
                ws()
                guard i < b.count else { throw Self.notJSON }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return }
                throw Self.notJSON
            }
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }
}
