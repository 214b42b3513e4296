/// The stemmer's two lookups by word, which it makes for every reading of every word of a
/// catalogue's vocabulary (a million words in a rare one): whether a word is one of its
/// listed roots, and what the corpus knows of it. `Set<String>` and `[String: Int]` hash
/// each word with SipHash through `Hasher`, which was the larger part of stemming; these
/// work on the word's UTF-8 bytes in place.

/// A short list of lowercase ASCII words, each packed into 64 bits (five bits a letter,
/// up to twelve letters) and found by binary search, with no hashing.
struct PackedWords: Sendable {
    private let packed: [UInt64]

    init(_ words: [String]) {
        packed = words.map { w in
            guard let p = Self.pack(w) else { preconditionFailure("`\(w)` is not a word of at most 12 letters a-z") }
            return p
        }.sorted()
    }

    /// Letters a–z are 1–26, so no two words of twelve letters or fewer pack alike.
    static func pack(_ w: String) -> UInt64? {
        var value: UInt64 = 0
        var n = 0
        for b in w.utf8 {
            guard b >= 97, b <= 122, n < 12 else { return nil }
            value = value << 5 | UInt64(b - 96)
            n += 1
        }
        return value
    }

    func contains(_ w: String) -> Bool {
        guard let p = Self.pack(w) else { return false }
        var low = 0, high = packed.count
        while low < high {
            let mid = (low + high) / 2
            if packed[mid] < p { low = mid + 1 } else { high = mid }
        }
        return low < packed.count && packed[low] == p
    }
}

/// A number for each of a corpus's words (the size of the family it heads), in an
/// open-addressing table keyed by the words' UTF-8 bytes with FNV-1a, as `WordCounter`
/// counts them. Built once; read from every core.
final class WordNumbers: Sendable {
    private let arena: [UInt8]
    private let entries: [(hash: UInt64, start: Int32, length: Int32, value: Int32)]
    private let slots: [Int32]

    init(_ pairs: [(String, Int)]) {
        var size = 64
        while size < pairs.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        var arena: [UInt8] = []
        var entries: [(hash: UInt64, start: Int32, length: Int32, value: Int32)] = []
        entries.reserveCapacity(pairs.count)
        let mask = size - 1
        for (word, value) in pairs {
            var word = word
            word.withUTF8 { bytes in
                let h = WordCounter.hash(bytes)
                var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
                while slots[s] >= 0 {
                    let e = entries[Int(slots[s])]
                    if e.hash == h, Int(e.length) == bytes.count, arena[Int(e.start)..<Int(e.start + e.length)].elementsEqual(bytes) {
                        entries[Int(slots[s])].value = Int32(value)
                        return
                    }
                    s = (s + 1) & mask
                }
                slots[s] = Int32(entries.count)
                entries.append((h, Int32(arena.count), Int32(bytes.count), Int32(value)))
                arena.append(contentsOf: bytes)
            }
        }
        self.arena = arena
        self.entries = entries
        self.slots = slots
    }

    /// The word's number, or 0 when the corpus does not have it.
    func value(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            let h = WordCounter.hash(bytes)
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
            return arena.withUnsafeBufferPointer { arena in
                while true {
                    let i = Int(slots[s])
                    if i < 0 { return 0 }
                    let e = entries[i]
                    if e.hash == h, Int(e.length) == bytes.count {
                        var same = true
                        for k in 0..<bytes.count where arena[Int(e.start) + k] != bytes[k] { same = false; break }
                        if same { return Int(e.value) }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }
}
