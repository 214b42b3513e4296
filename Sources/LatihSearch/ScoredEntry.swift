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
         attested: Bool, stemOfOthers: Bool, n: Double, norms: [Double], averages: [Double]) {
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
        // The documents that get cards: the best for a query of this very word (its own
        // postings, or its stem postings at the browser's weight for a stem) and, if other
        // words stem to this key, the best for those queries too (stem postings alone).
        // "pelatihan" ranks by the stem postings of "latih", whose own best by the word
        // "latih" are other pages: with one list, a 200-lesson catalogue fetched 7 document
        // files for a one-word query. Both lists are kept as they come (best first; ties
        // to the earlier document) rather than by sorting every posting of a common word.
        let k = SearchIndexBuilder.cardsPerKey
        var asWord = TopDocuments(k), asStem = TopDocuments(k)
        let stemWeight = SearchIndexBuilder.stemWeight
        var i = 0, j = 0
        while i < word.count || j < stem.count {
            if j >= stem.count || (i < word.count && word[i].doc < stem[j].doc) {
                asWord.offer(word[i].doc, Double(word[i].impact)); i += 1
            } else if i >= word.count || stem[j].doc < word[i].doc {
                asWord.offer(stem[j].doc, stemWeight * Double(stem[j].impact))
                asStem.offer(stem[j].doc, Double(stem[j].impact)); j += 1
            } else {
                asWord.offer(word[i].doc, max(Double(word[i].impact), stemWeight * Double(stem[j].impact)))
                asStem.offer(stem[j].doc, Double(stem[j].impact)); i += 1; j += 1
            }
        }
        cardDocs = Array(Set(asWord.docs + (stemOfOthers ? asStem.docs : []))).sorted()
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

/// The `k` best documents of a list that comes in document order, kept as they come.
struct TopDocuments {
    let k: Int
    private(set) var best: [(doc: Int, score: Double)] = []

    init(_ k: Int) {
        self.k = k
        best.reserveCapacity(k + 1)
    }

    var docs: [Int] { best.map(\.doc) }

    mutating func offer(_ doc: Int, _ score: Double) {
        // Documents come in increasing order, so an equal score never beats one kept.
        if best.count == k, score <= best[k - 1].score { return }
        var at = best.count
        while at > 0, best[at - 1].score < score { at -= 1 }
        best.insert((doc, score), at: at)
        if best.count > k { best.removeLast() }
    }
}
