/// Lookups by word that the index makes for every word of a catalogue's vocabulary (a
/// million words in a rare one), and the stemmer for every reading of each: whether a word
/// is one of the stemmer's listed roots, what the corpus knows of it, and its key's id.
/// `Set<String>` and `[String: Int]` hash each word with SipHash through `Hasher`, which
/// was the larger part of stemming; these work on the word's UTF-8 bytes in place.

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

/// A number for each of a corpus's words (the size of the family it heads, or its id
/// among the index's keys), in an open-addressing table keyed by the words' UTF-8 bytes
/// with FNV-1a, as `WordCounter` counts them.
struct WordTable: Sendable {
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32]

    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int32
        var length: Int32
        var value: Int32
    }

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        entries.reserveCapacity(capacity)
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { entries.count }

    /// The word's number, or nil when the table does not have it.
    func value(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { bytes in
            find(bytes, WordCounter.hash(bytes)).found.map { Int(entries[$0].value) }
        }
    }

    /// Sets the word's number, adding the word if it is new.
    mutating func set(_ word: String, _ value: Int) {
        var word = word
        word.withUTF8 { bytes in
            let h = WordCounter.hash(bytes)
            let (found, slot) = find(bytes, h)
            if let found { entries[found].value = Int32(value); return }
            slots[slot] = Int32(entries.count)
            entries.append(Entry(hash: h, start: Int32(arena.count), length: Int32(bytes.count), value: Int32(value)))
            arena.append(contentsOf: bytes)
            if entries.count * 2 > slots.count { grow() }
        }
    }

    /// The entry holding `bytes`, or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let i = Int(slots[s])
                if i < 0 { return (nil, s) }
                let e = entries[i]
                if e.hash == h, Int(e.length) == bytes.count {
                    var same = true
                    for k in 0..<bytes.count where arena[Int(e.start) + k] != bytes[k] { same = false; break }
                    if same { return (i, s) }
                }
                s = (s + 1) & mask
            }
        }
    }

    private mutating func grow() {
        slots = WordCounter.slots(size: slots.count * 2, hashes: entries.lazy.map(\.hash))
    }
}
