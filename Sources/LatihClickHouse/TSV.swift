/// ClickHouse's TabSeparated format: a row a line, fields between tabs, with `\t`, `\n`
/// and `\\` escaped and `\N` for NULL. Written here because it is that small and
/// no library here reads it as a stream of bytes.
public enum TSV {
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 92 || $0 == 0 }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// One row of an answer, read in place: its fields are decoded only when asked for.
public struct TSVRow: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    let fields: [Range<Int>]

    public var count: Int { fields.count }

    public func isNull(_ i: Int) -> Bool {
        let r = fields[i]
        return r.count == 2 && bytes[r.lowerBound] == 92 && bytes[r.lowerBound + 1] == 78
    }

    public func string(_ i: Int) -> String {
        let r = fields[i]
        let b = UnsafeBufferPointer(rebasing: bytes[r])
        guard b.contains(92) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            if b[k] == 92, k + 1 < b.count {
                k += 1
                switch b[k] {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "0"): out.append(0)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                default: out.append(b[k])
                }
            } else {
                out.append(b[k])
            }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func int(_ i: Int) -> Int64? {
        let r = fields[i]
        guard !r.isEmpty else { return nil }
        var v: Int64 = 0, negative = false, k = r.lowerBound
        if bytes[k] == 45 { negative = true; k += 1 }
        guard k < r.upperBound else { return nil }
        while k < r.upperBound {
            let d = Int64(bytes[k]) - 48
            guard (0...9).contains(d) else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            v = a
            k += 1
        }
        return negative ? -v : v
    }

    public func double(_ i: Int) -> Double? {
        if isNull(i) { return nil }
        return Double(string(i))
    }
}

/// Splits a streamed body into rows. An error that ClickHouse writes after it started
/// answering is text without the answer's columns: `finish` sees it, or the caller's own
/// check of the last row does.
struct TSVLines {
    struct Broken: Error { var text: String }

    private var pending: [UInt8] = []
    private var sawError = false

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (borrowing TSVRow) throws -> Void) throws {
        var start = 0
        var k = 0
        while k < chunk.count {
            if chunk[k] == 10 {
                if pending.isEmpty {
                    try row(UnsafeBufferPointer(rebasing: chunk[start..<k]), body)
                } else {
                    pending += chunk[start..<k]
                    let line = pending
                    pending = []
                    try line.withUnsafeBufferPointer { try row($0, body) }
                }
                start = k + 1
            }
            k += 1
        }
        if start < chunk.count { pending += chunk[start...] }
    }

    mutating func finish() throws {
        if !pending.isEmpty {
            // A complete answer ends with a newline: text after the last one is an error.
            throw Broken(text: String(decoding: pending, as: UTF8.self))
        }
    }

    private func row(_ line: UnsafeBufferPointer<UInt8>, _ body: (borrowing TSVRow) throws -> Void) throws {
        if line.starts(with: Array("Code: ".utf8)) { throw Broken(text: String(decoding: line, as: UTF8.self)) }
        var fields: [Range<Int>] = []
        var start = 0
        for k in 0..<line.count where line[k] == 9 {
            fields.append(start..<k)
            start = k + 1
        }
        fields.append(start..<line.count)
        try body(TSVRow(bytes: line, fields: fields))
    }
}
