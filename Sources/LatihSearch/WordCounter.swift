#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    /// Per distinct word, in order of first occurrence.
    private(set) var infos: [TermInfo] = []
    /// Index into the per-word arrays, or -1 for an empty slot. A power of two long.
    private var slots: [Int32]

    init(expectedWords: Int = 64) {
        var size = 64
        while size < expectedWords * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        arena.reserveCapacity(expectedWords * 8)
    }

    /// The index of `word` among the distinct words, added with empty counts if new.
    mutating func index(of word: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { break }
            if hashes[e] == h, Int(lengths[e]) == word.count, equal(e, word) { return e }
            s = (s + 1) & mask
        }
        let e = infos.count
        slots[s] = Int32(e)
        starts.append(Int32(arena.count))
        lengths.append(Int32(word.count))
        hashes.append(h)
        arena.append(contentsOf: word)
        infos.append(TermInfo())
        if infos.count * 2 > slots.count { grow() }
        return e
    }

    /// Counts `word` once in `field` (0 title, 1 headings, 2 meta, 3 body); a body word
    /// also records `token`, its token index, if it is the word's first.
    mutating func count(_ word: UnsafeBufferPointer<UInt8>, field: Int, token: Int = -1) {
        let e = index(of: word)
        infos[e].counts.add(field: field)
        if field == 3, infos[e].firstBody < 0 { infos[e].firstBody = token }
    }

    /// The distinct words, in order of first occurrence (the order of `infos`).
    var words: [String] {
        arena.withUnsafeBufferPointer { bytes in
            (0..<infos.count).map { e in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(starts[e])..<Int(starts[e] + lengths[e])]), as: UTF8.self)
            }
        }
    }

    private func equal(_ e: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress else { return lengths[e] == 0 }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(starts[e]), base, word.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        let mask = size - 1
        var next = [Int32](repeating: -1, count: size)
        for e in 0..<infos.count {
            var s = Int(truncatingIfNeeded: hashes[e] ^ (hashes[e] >> 32)) & mask
            while next[s] >= 0 { s = (s + 1) & mask }
            next[s] = Int32(e)
        }
        slots = next
    }
}
