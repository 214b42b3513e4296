import Foundation

/// One document's counts of one key, before its impact is worked out.
struct Posting: Sendable {
    /// 32 bits, so that a posting is 12 bytes: the build holds every posting at once.
    var doc: Int32
    var counts: FieldCounts
}

/// A key with its impacts computed: what one entry of a term shard holds.
struct ScoredEntry: Sendable {
    var key: String
    var word: [(doc: Int, impact: UInt8)]
    var stem: [(doc: Int, impact: UInt8)]
    var stems: [String]
    /// A root that the corpus attests but does not use as a word.
    var attested: Bool
    /// The size of the family the key heads in the corpus, when two or more; else 0.
    var family: Int

    init(key: String, word wordPostings: ArraySlice<Posting>, stem stemPostings: ArraySlice<Posting>, stems: [String],
         attested: Bool, family: Int, n: Double, norms: [Double], averages: [Double]) {
        self.key = key
        self.attested = attested
        self.family = family
        func score(_ postings: ArraySlice<Posting>, atLeast floor: Int = 0) -> [(doc: Int, impact: UInt8)] {
            let df = Double(max(postings.count, floor))
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            return postings.map { p in
                var pseudo = 0.0
                for f in 0..<4 where averages[f] > 0 {
                    let tf = Double(p.counts[f])
                    if tf == 0 { continue }
                    pseudo += SearchIndexBuilder.fieldWeights[f] * tf / norms[Int(p.doc) &* 4 &+ f]
                }
                let impact = idf * pseudo * (SearchIndexBuilder.k1 + 1) / (pseudo + SearchIndexBuilder.k1)
                return (Int(p.doc), Self.quantize(impact))
            }
        }
        word = score(wordPostings)
        // A stem is at least as common as its words. Where the key is also a word that
        // another language stems elsewhere ("pelayanan": itself in English pages, layan in
        // Indonesian ones), its stem postings are few and their rarity would make a stem
        // match outweigh the exact word; the word's count is the floor.
        stem = score(stemPostings, atLeast: wordPostings.count)
        self.stems = stems.sorted(by: utf16Less)
    }

    /// Steps of the impact scale per unit of ln(1 + impact): each step is about 4 % apart,
    /// finer than BM25's own precision, and a byte holds impacts up to e^10.
    static let impactSteps = 24.0

    /// A BM25F impact as one byte, on a logarithmic scale (1–255; `impactValue` in
    /// `index-format.js` reads it back as `expm1(q / 24)`). Few distinct values make the
    /// postings of common words compress well.
    static func quantize(_ impact: Double) -> UInt8 {
        UInt8(min(255, max(1, (log1p(max(0, impact)) * impactSteps).rounded())))
    }
}
