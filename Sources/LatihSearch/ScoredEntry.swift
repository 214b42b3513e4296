import Foundation

/// One document's counts of one key, before its impact is worked out.
struct Posting: Sendable {
    var doc: Int
    var counts: FieldCounts
}

/// A key with its impacts computed and its card documents chosen.
struct ScoredEntry: Sendable {
    var key: String
    var word: [(doc: Int, impact: Int)]
    var stem: [(doc: Int, impact: Int)]
    var stems: [String]
    /// A root that the corpus attests but does not use as a word (`"a":1`).
    var attested: Bool
    var cardDocs: [Int]

    init(key: String, word wordPostings: ArraySlice<Posting>, stem stemPostings: ArraySlice<Posting>, stems: [String],
         attested: Bool, n: Double, norms: [Double], averages: [Double]) {
        self.key = key
        self.attested = attested
        func score(_ postings: ArraySlice<Posting>, atLeast floor: Int = 0) -> [(doc: Int, impact: Int)] {
            let df = Double(max(postings.count, floor))
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            return postings.map { p in
                var pseudo = 0.0
                for f in 0..<4 where averages[f] > 0 {
                    let tf = Double(p.counts[f])
                    if tf == 0 { continue }
                    pseudo += SearchIndexBuilder.fieldWeights[f] * tf / norms[p.doc &* 4 &+ f]
                }
                let impact = idf * pseudo * (SearchIndexBuilder.k1 + 1) / (pseudo + SearchIndexBuilder.k1)
                return (p.doc, max(1, Int((impact * SearchIndexBuilder.impactScale).rounded())))
            }
        }
        word = score(wordPostings)
        // A stem is at least as common as its words. Where the key is also a word that
        // another language stems elsewhere ("pelayanan": itself in English pages, layan in
        // Indonesian ones), its stem postings are few and their rarity would make a stem
        // match outweigh the exact word; the word's count is the floor.
        stem = score(stemPostings, atLeast: wordPostings.count)
        self.stems = stems.sorted(by: utf16Less)
        // The best documents: merge the two lists (both in document order), keeping the
        // top few as they come (best first; ties to the earlier document) rather than
        // sorting every posting of a common word.
        let k = SearchIndexBuilder.cardsPerKey
        var best: [(doc: Int, impact: Int)] = []
        best.reserveCapacity(k + 1)
        func offer(_ doc: Int, _ impact: Int) {
            // Documents come in increasing order, so an equal impact never beats one kept.
            if best.count == k, impact <= best[k - 1].impact { return }
            var at = best.count
            while at > 0, best[at - 1].impact < impact { at -= 1 }
            best.insert((doc, impact), at: at)
            if best.count > k { best.removeLast() }
        }
        var i = 0, j = 0
        while i < word.count || j < stem.count {
            if j >= stem.count || (i < word.count && word[i].doc < stem[j].doc) {
                offer(word[i].doc, word[i].impact); i += 1
            } else if i >= word.count || stem[j].doc < word[i].doc {
                offer(stem[j].doc, stem[j].impact); j += 1
            } else {
                offer(word[i].doc, max(word[i].impact, stem[j].impact)); i += 1; j += 1
            }
        }
        cardDocs = best.map(\.doc).sorted()
    }

    /// `"key":{"w":"packed Δdoc,impact…","s":"…" or 0 when equal to w,"st":[stems],"a":1 when
    /// attested,"c":[[doc,"excerpt"],…]}`.
    func json(excerpts: [[Int: String]], id: Int) -> JSONText {
        var out = JSONText(capacity: 64 + (word.count + stem.count) * 8 + cardDocs.count * 160)
        out.string(key)
        out.raw(":{")
        var first = true
        func field(_ name: String) {
            if !first { out.raw(",") }
            first = false
            out.byte(0x22)
            out.raw(name)
            out.raw("\":")
        }
        /// Document-id deltas and impacts, alternating, packed into one string.
        func postings(_ list: [(doc: Int, impact: Int)]) {
            out.byte(0x22)
            var last = 0
            for p in list {
                out.packed(p.doc - last)
                out.packed(p.impact)
                last = p.doc
            }
            out.byte(0x22)
        }
        if !word.isEmpty { field("w"); postings(word) }
        if !stem.isEmpty {
            field("s")
            if stem.elementsEqual(word, by: { $0.doc == $1.doc && $0.impact == $1.impact }) { out.raw("0") } else { postings(stem) }
        }
        if !stems.isEmpty { field("st"); out.strings(stems) }
        if attested { field("a"); out.raw("1") }
        field("c")
        out.raw("[")
        for (i, d) in cardDocs.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.byte(UInt8(ascii: "["))
            out.int(d)
            out.byte(UInt8(ascii: ","))
            out.string(excerpts[d][id] ?? "")
            out.byte(UInt8(ascii: "]"))
        }
        out.raw("]}")
        return out
    }
}
