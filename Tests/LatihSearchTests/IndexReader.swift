import Foundation
import LatihCompression
@testable import LatihSearch

/// Reads a built index back as a browser does (`index-format.js`), from the layout that
/// `docs/search.md` specifies: the tests' second implementation of the format, so that
/// a change to the encoder that the spec does not describe fails here.
struct IndexReader {
    struct Entry: Equatable {
        var word: [Int: Int] = [:]
        var stem: [Int: Int] = [:]
        var stems: [String] = []
        var attested = false
        var family = 0
        var flags = 0
    }

    let files: [String: String]
    let catalogueName: String

    /// The payload a script registers under its name: JSON text, or a packed string of deflated bytes.
    static func payload(_ script: String) throws -> (name: String, value: String) {
        let prefix = "(self.latihSearchData=self.latihSearchData||{})[\""
        guard script.hasPrefix(prefix), script.hasSuffix(";\n") else { throw ReadError("not a data script") }
        let rest = script.dropFirst(prefix.count).dropLast(2)
        guard let close = rest.range(of: "\"]=") else { throw ReadError("no name") }
        return (String(rest[..<close.lowerBound]), String(rest[close.upperBound...]))
    }

    /// The deflated bytes that a script's string holds (docs/search.md).
    static func packed(_ script: String) throws -> [UInt8] {
        let value = try payload(script).value
        guard value.hasPrefix("\""), value.hasSuffix("\""), let bytes = unpack(value.dropFirst().dropLast().utf16)
        else { throw ReadError("not a packed string") }
        return bytes
    }

    static func inflate(_ script: String) throws -> [UInt8] {
        guard let bytes = Deflate.decompress(try packed(script)) else { throw ReadError("not raw DEFLATE") }
        return bytes
    }

    /// `ScriptPacking.pack` undone, from the string's UTF-16 code units, as `unpackText`
    /// in index-format.js does; nil when they are not its output.
    static func unpack<S: Sequence>(_ units: S) -> [UInt8]? where S.Element == UInt16 {
        let forbidden: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x5C]
        var groups: [UInt8] = []
        for u in units {
            if u < 0x80 {
                if forbidden.contains(UInt8(u)) { return nil }
                groups.append(UInt8(u))
            } else if u < 0x300 {
                let v = Int(u) - 0x80
                groups.append(forbidden[v >> 7])
                groups.append(UInt8(v & 0x7F))
            } else if u < 0x305 {
                groups.append(forbidden[Int(u) - 0x300])
            } else {
                return nil
            }
        }
        var out: [UInt8] = []
        var acc = 0, bits = 0
        for g in groups {
            acc = (acc << 7 | Int(g)) & 0x7FFF
            bits += 7
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> bits) & 0xFF))
            }
        }
        return out
    }

    func catalogue() throws -> [String: Any] {
        let script = try file(catalogueName + ".js")
        let (name, json) = try Self.payload(script)
        guard name == catalogueName, let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { throw ReadError("catalogue") }
        return object
    }

    func file(_ path: String) throws -> String {
        guard let text = files[path] else { throw ReadError("no file \(path)") }
        return text
    }

    /// Shard `n`'s entries by key, in the shard's order.
    func shard(_ n: Int) throws -> [(String, Entry)] {
        guard let h = try catalogue()["h"] as? String else { throw ReadError("no h") }
        let path = "search/terms/\(n).\(h).js"
        guard try Self.payload(try file(path)).name == String(path.dropLast(3)) else { throw ReadError("name of \(path)") }
        return try Self.decodeShard(try Self.inflate(try file(path)))
    }

    /// Every key of every shard.
    func keys() throws -> [String: Entry] {
        var out: [String: Entry] = [:]
        for path in files.keys where path.hasPrefix("search/terms/") {
            for (k, e) in try Self.decodeShard(try Self.inflate(files[path]!)) { out[k] = e }
        }
        return out
    }

    /// Document `d`'s record: `[kind, title, path, minutes, crumb, summary, text]`.
    func document(_ d: Int) throws -> [Any] {
        guard let h = try catalogue()["h"] as? String else { throw ReadError("no h") }
        let bytes = try Self.inflate(try file("search/docs/\(d).\(h).js"))
        guard let record = try JSONSerialization.jsonObject(with: Data(bytes)) as? [Any] else { throw ReadError("record") }
        return record
    }

    static func decodeShard(_ bytes: [UInt8]) throws -> [(String, Entry)] {
        var at = 0
        func varint() throws -> Int {
            var value = 0, shift = 0
            while true {
                guard at < bytes.count else { throw ReadError("truncated") }
                let b = bytes[at]
                at += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }
        func text() throws -> [UInt8] {
            let n = try varint()
            guard at + n <= bytes.count else { throw ReadError("truncated text") }
            defer { at += n }
            return Array(bytes[at..<at + n])
        }
        func postings() throws -> [Int: Int] {
            let n = try varint()
            var docs: [Int] = [], doc = 0
            for _ in 0..<n {
                doc += try varint()
                docs.append(doc)
            }
            guard at + n <= bytes.count else { throw ReadError("truncated impacts") }
            var out: [Int: Int] = [:]
            for (i, d) in docs.enumerated() { out[d] = Int(bytes[at + i]) }
            at += n
            return out
        }
        var out: [(String, Entry)] = []
        var previous: [UInt8] = []
        for _ in 0..<(try varint()) {
            let shared = try varint()
            previous = Array(previous.prefix(shared)) + (try text())
            var e = Entry()
            e.flags = try varint()
            e.attested = e.flags & 8 != 0
            if e.flags & 32 != 0 { e.family = try varint() }
            if e.flags & 16 != 0 {
                for _ in 0..<(try varint()) {
                    let from = try varint()
                    if from == 0 {
                        e.stems.append(String(decoding: try text(), as: UTF8.self))
                    } else {
                        let length = try varint()
                        guard from - 1 + length <= previous.count else { throw ReadError("stem beyond its key") }
                        e.stems.append(String(decoding: previous[(from - 1)..<(from - 1 + length)], as: UTF8.self))
                    }
                }
            }
            if e.flags & 1 != 0 { e.word = try postings() }
            if e.flags & 2 != 0 { e.stem = try postings() }
            if e.flags & 4 != 0 { e.stem = e.word }
            out.append((String(decoding: previous, as: UTF8.self), e))
        }
        guard at == bytes.count else { throw ReadError("\(bytes.count - at) bytes after the last key") }
        return out
    }
}

struct ReadError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
