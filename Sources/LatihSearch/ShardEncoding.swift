/// The binary layout of a term shard, before it is deflated. `decodeShard` in
/// `templates/assets/search/index-format.js` reads it; `docs/search.md` specifies it.
///
/// Every integer is an unsigned LEB128 varint. A shard is its key count, then each key in
/// sorted order:
///
/// - the number of UTF-8 bytes it shares with the key before, then the length and bytes
///   of the rest (front coding: neighbouring keys share most of their letters);
/// - a flags varint: `1` word postings, `2` stem postings of their own, `4` stem
///   postings equal to the word postings, `8` a root the corpus attests, `16` a stem list,
///   `32` a family size;
/// - with `32`, the size of the family the key heads: how many of the corpus's words read
///   down to it (two or more), which the browser's stemmer weighs as the build's does;
/// - with `16`, the number of the word's stems, and each as `0`, its length and its UTF-8
///   bytes, or, when it is a run of the key's bytes, as 1 + the run's offset and its length;
/// - each posting list as its length, then every document-number delta, then every
///   impact as one byte (deltas and impacts apart, so that DEFLATE sees runs of alike
///   bytes).
struct ShardEncoder {
    private(set) var bytes: [UInt8] = []
    private var previousKey: [UInt8] = []

    init(keys: Int, capacity: Int) {
        bytes.reserveCapacity(capacity)
        varint(keys)
    }

    mutating func varint(_ value: Int) {
        var v = UInt(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    private mutating func text(_ utf8: [UInt8]) {
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    private mutating func postings(_ list: [(doc: Int, impact: UInt8)]) {
        varint(list.count)
        var last = 0
        for p in list {
            varint(p.doc - last)
            last = p.doc
        }
        for p in list { bytes.append(p.impact) }
    }

    mutating func append(_ entry: ScoredEntry) {
        let key = Array(entry.key.utf8)
        var shared = 0
        while shared < min(key.count, previousKey.count), key[shared] == previousKey[shared] { shared += 1 }
        varint(shared)
        text(Array(key[shared...]))
        previousKey = key
        let sameStem = !entry.stem.isEmpty && entry.stem.elementsEqual(entry.word, by: { $0.doc == $1.doc && $0.impact == $1.impact })
        var flags = 0
        if !entry.word.isEmpty { flags |= 1 }
        if !entry.stem.isEmpty { flags |= sameStem ? 4 : 2 }
        if entry.attested { flags |= 8 }
        if !entry.stems.isEmpty { flags |= 16 }
        if entry.family >= 2 { flags |= 32 }
        varint(flags)
        if entry.family >= 2 { varint(entry.family) }
        if !entry.stems.isEmpty {
            varint(entry.stems.count)
            // A stem is mostly a run of its word's letters (pelatihan → latih): then its
            // place and length, two bytes where its letters took six.
            for s in entry.stems {
                let stem = Array(s.utf8)
                if let run = key.firstRange(of: stem) {
                    varint(run.lowerBound + 1)
                    varint(stem.count)
                } else {
                    varint(0)
                    text(stem)
                }
            }
        }
        if !entry.word.isEmpty { postings(entry.word) }
        if flags & 2 != 0 { postings(entry.stem) }
    }

    /// What a key will take, roughly, before DEFLATE: what shards are cut by.
    static func estimate(keyBytes: Int, postings: Int) -> Int { keyBytes / 2 + 3 + postings * 2 }
}
