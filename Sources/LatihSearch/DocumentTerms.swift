import Foundation

/// Order by UTF-16 code units, as JavaScript compares strings, so that the browser's
/// binary search over shard boundaries agrees with the build's sort.
///
/// UTF-8 bytes sort as code points do, and code points sort as UTF-16 units do except
/// where a character beyond U+FFFF (four UTF-8 bytes, lead byte 0xF0–0xF4; a surrogate
/// pair in UTF-16) meets one from U+E000 to U+FFFF (lead byte 0xEE or 0xEF). So the bytes
/// are compared, and the UTF-16 units only when the first difference is between such
/// lead bytes. Walking the UTF-16 view took a third of a second to sort the 160,000
/// words of 10,000 lessons.
func utf16Less(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let n = min(x.count, y.count)
            var i = 0
            while i < n, x[i] == y[i] { i += 1 }
            if i == n { return x.count < y.count }
            let p = x[i], q = y[i]
            if p >= 0xEE, q >= 0xEE, (p >= 0xF0) != (q >= 0xF0) {
                return String(decoding: x, as: UTF8.self).utf16.lexicographicallyPrecedes(String(decoding: y, as: UTF8.self).utf16)
            }
            return p < q
        }
    }
}

/// The positions of `words` in `utf16Less` order. Each word's first eight UTF-8 bytes
/// are read once, as a big-endian integer, and words are sorted by that with the full
/// comparison only for ties and for bytes where UTF-8 and UTF-16 orders part, so most
/// comparisons of a large vocabulary's sort are one integer compare.
func utf16Order(_ words: [String]) -> [Int] {
    var keyed: [(prefix: UInt64, index: Int32)] = []
    keyed.reserveCapacity(words.count)
    for (i, word) in words.enumerated() {
        var w = word
        let prefix: UInt64 = w.withUTF8 { bytes in
            var p: UInt64 = 0
            for k in 0..<8 { p = p << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
            return p
        }
        keyed.append((prefix, Int32(i)))
    }
    keyed.sort { a, b in
        if a.prefix != b.prefix {
            // The first byte that differs; words never hold NUL, so a shorter word's
            // padding sorts first, as it should.
            let shift = UInt64(56 - (a.prefix ^ b.prefix).leadingZeroBitCount / 8 * 8)
            let p = UInt8(truncatingIfNeeded: a.prefix >> shift), q = UInt8(truncatingIfNeeded: b.prefix >> shift)
            if p < 0xEE || q < 0xEE { return a.prefix < b.prefix }
        }
        return utf16Less(words[Int(a.index)], words[Int(b.index)])
    }
    return keyed.map { Int($0.index) }
}

/// How often a term occurs in each field of one document.
struct FieldCounts: Sendable {
    var title: UInt16 = 0, headings: UInt16 = 0, meta: UInt16 = 0, body: UInt16 = 0

    subscript(field: Int) -> UInt16 {
        switch field {
        case 0: return title
        case 1: return headings
        case 2: return meta
        default: return body
        }
    }

    mutating func add(field: Int) {
        switch field {
        case 0: if title < .max { title += 1 }
        case 1: if headings < .max { headings += 1 }
        case 2: if meta < .max { meta += 1 }
        default: if body < .max { body += 1 }
        }
    }

    mutating func add(_ o: FieldCounts) {
        title = UInt16(min(Int(title) + Int(o.title), Int(UInt16.max)))
        headings = UInt16(min(Int(headings) + Int(o.headings), Int(UInt16.max)))
        meta = UInt16(min(Int(meta) + Int(o.meta), Int(UInt16.max)))
        body = UInt16(min(Int(body) + Int(o.body), Int(UInt16.max)))
    }
}

/// A word's counts in one document.
struct TermInfo: Sendable {
    var counts = FieldCounts()
}

/// The words of one document, counted per field.
struct DocumentTerms: Sendable {
    /// The distinct words, with their counts (`infos`) at the same index, kept as bytes:
    /// the index makes a String once per word of the whole catalogue, not per document.
    var counter: WordCounter
    var infos: [TermInfo] { counter.infos }
    var lengths: [Int] = [0, 0, 0, 0]

    init(_ doc: SearchDocument) {
        var counter = WordCounter(expectedWords: doc.body.utf8.count / 12)
        var lengths = [0, 0, 0, 0]
        let fields = [doc.title, doc.headings.joined(separator: "\n"), doc.meta.joined(separator: "\n")]
        for (f, text) in fields.enumerated() {
            var n = 0
            Tokenizer.scanWords(text) { word, _ in
                counter.count(word, field: f)
                n += 1
            }
            lengths[f] = n
        }
        var bodyWords = 0
        Tokenizer.scanWords(doc.body) { word, _ in
            counter.count(word, field: 3)
            bodyWords += 1
        }
        lengths[3] = bodyWords
        self.lengths = lengths
        counter.finish()
        self.counter = counter
    }
}

struct WordCount: Sendable {
    var word: Int32
    var counts: FieldCounts
}
