/// Counts one document's words by their UTF-8 bytes, in an open-addressing table of its
/// own, and makes a String only once per distinct word.
///
/// Written by hand because Swift's `Dictionary` hashes every key with SipHash through
/// `Hasher`, and a `[String: …]` also needs a String per token: together that was most
/// of the index's time (2.3 s of 6 at 10,000 lessons). Here a token costs an FNV-1a pass
/// over bytes that are already in cache, and a compare on a hit.
struct WordCounter {
    /// The distinct words' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each distinct word's bytes are in `arena`, and its hash.
    private var entries: [Entry] = []
    /// Per distinct word, in order of first occurrence.
    private(set) var infos: [TermInfo] = []
    /// Index into `entries` and `infos`, or -1 for an empty slot. A power of two long.
    private var slots: [Int32]

    private struct Entry {
        var hash: UInt64
        var start: Int32
        var length: Int32
    }

    init(expectedWords: Int = 64) {
        var size = 64
        while size < expectedWords * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        arena.reserveCapacity(expectedWords * 8)
    }

    /// The FNV-1a hash of `word`, which `index(of:hash:)` files it under.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// The index of `word` among the distinct words, added with empty counts if new.
    mutating func index(of word: UnsafeBufferPointer<UInt8>) -> Int {
        index(of: word, hash: Self.hash(word))
    }

    /// The same, for a word whose hash (`hash(_:)`) is known: another counter's word.
    mutating func index(of word: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    while true {
                        let e = Int(slots[s])
                        if e < 0 { return nil }
                        let entry = entries[e]
                        if entry.hash == h, Int(entry.length) == word.count,
                           Self.equal(UnsafeBufferPointer(rebasing: arena[Int(entry.start)...]), word) { return e }
                        s = (s + 1) & mask
                    }
                }
            }
        }
        if let found { return found }
        let e = infos.count
        slots[s] = Int32(e)
        entries.append(Entry(hash: h, start: Int32(arena.count), length: Int32(word.count)))
        arena.append(contentsOf: word)
        infos.append(TermInfo())
        if infos.count * 2 > slots.count { grow() }
        return e
    }

    /// Drops the lookup table once counting is done, and the arrays' spare capacity: the
    /// index keeps every document's counter until it is built (the table alone was 8 KB of
    /// each, 80 MB at 10,000 lessons). `index(of:)` must not be called after this.
    mutating func finish() {
        slots = []
        arena = Array(arena[...])
        entries = entries.map { $0 }
        infos = infos.map { $0 }
    }

    /// How many distinct words there are.
    var count: Int { infos.count }

    /// Calls `body` with each distinct word's bytes and hash, in order of first occurrence.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        arena.withUnsafeBufferPointer { bytes in
            for e in entries {
                body(UnsafeBufferPointer(rebasing: bytes[Int(e.start)..<Int(e.start + e.length)]), e.hash)
            }
        }
    }

    /// Counts `word` once in `field` (0 title, 1 headings, 2 meta, 3 body).
    mutating func count(_ word: UnsafeBufferPointer<UInt8>, field: Int) {
        let e = index(of: word)
        infos.withUnsafeMutableBufferPointer { infos in infos[e].counts.add(field: field) }
    }

    /// The distinct words, in order of first occurrence (the order of `infos`).
    var words: [String] {
        var out: [String] = []
        out.reserveCapacity(entries.count)
        forEachWord { bytes, _ in out.append(String(decoding: bytes, as: UTF8.self)) }
        return out
    }

    /// Whether `a` begins with the bytes of `word` (the caller has compared lengths).
    /// A loop rather than `memcmp`: words are a few bytes, shorter than the call.
    @inline(__always)
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<word.count where a[i] != word[i] { return false }
        return true
    }

    private mutating func grow() {
        slots = Self.slots(size: slots.count * 2, hashes: entries.lazy.map(\.hash))
    }

    /// An open-addressing table of `size` slots (a power of two) holding entries 0, 1, …
    /// at the slots their hashes lead to: how this counter and `WordTable` grow.
    static func slots(size: Int, hashes: some Sequence<UInt64>) -> [Int32] {
        let mask = size - 1
        var next = [Int32](repeating: -1, count: size)
        for (i, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
            while next[s] >= 0 { s = (s + 1) & mask }
            next[s] = Int32(i)
        }
        return next
    }
}

/// Integers that several threads write at once, each at places no other writes (the
/// vocabulary's parts fill in the words of their own hashes); read once all are done.
final class SharedInts: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Int32>

    init(count: Int) {
        base = .allocate(capacity: max(1, count))
    }

    subscript(i: Int) -> Int32 {
        get { base[i] }
        set { base[i] = newValue }
    }

    func free() { base.deallocate() }
}
