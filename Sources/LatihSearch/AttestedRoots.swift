import Foundation
import LatihParallel

extension IndonesianStemmer {
    /// Roots that a corpus never uses as words but shows through their derived forms.
    ///
    /// The stemmer accepts a reading when the corpus knows it, and a root such as "layan"
    /// or "atur" rarely stands alone: a catalogue says "layanan", "pelayanan", "melayani",
    /// "diatur", "mengatur", "peraturan". With words alone as evidence, "pelayanan" stems
    /// to "layanan" (a word) and "melayani" to "layan" (a guess), and a search for one
    /// misses the other; "mengatur" became "katur", since k- is the first reading of
    /// meng- before a vowel. A root is attested when at least two distinct words (particles
    /// and possessives set aside) read down to it, with at least 3 points of evidence: 2
    /// for a word whose every step is certain (a prefix that hides no sound, as di-, ber-
    /// before a consonant, pe-l…), 1 for a word with a choice on the way (meng- before a
    /// vowel: k- or not; a final -i that may be the root's own, as in "pakai"; a suffix on
    /// a word with no prefix: "tangan" is not tang-an). So "tangan" and "pemenangan" do
    /// not make "tang" a root, nor "dinilai" and "menilai" make "nila" one. Roots keep at
    /// least four letters.
    ///
    /// No published list does this (Sastrawi's root list is under a non-commercial
    /// licence, and Snowball has none), so it is this project's own rule, measured on the
    /// word families of `Tests/vectors/stem-families.tsv`.
    public static func attestedRoots(in vocabulary: [String]) -> Set<String> {
        corpusRoots(in: vocabulary).attested
    }

    /// The roots a corpus attests (see `attestedRoots`), and the size of each reading's
    /// family: how many of the corpus's words (particles and possessives set aside) can be
    /// read down to it, itself included when it is a word. Only families of two or more
    /// are listed. When several readings of a word are known, the larger family wins:
    /// "memasak" is me-masak (masak, masakan, dimasak), not me-pasak, though "pasak" is a
    /// word too.
    public static func corpusRoots(in vocabulary: [String]) -> (attested: Set<String>, families: [String: Int]) {
        var words = WordTable(capacity: vocabulary.count)
        for w in vocabulary { words.set(w, 1) }
        return corpusRoots(in: vocabulary, words: words)
    }

    /// The same, with the vocabulary's words in a table (`WordTable`, any number each).
    static func corpusRoots(in vocabulary: [String], words: WordTable) -> (attested: Set<String>, families: [String: Int]) {
        // Words that share a base count once for each root: their readings are merged,
        // each root with its best points, then added to the root's tally. Words are cut
        // into parts by the hash of their base (particles and possessives set aside),
        // each part read and merged on its own core, and its votes cut again by the hash
        // of the root, so that the tally is done in parts too. No part holds another's
        // words, and a tally is a sum, so the parts' order does not change it; nor are
        // all words' readings ever held at once.
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
        let bases: [String] = vocabulary.parallelMap { inflectionReadings($0)[0] }
        var byBase = [[Int32]](repeating: [], count: parts)
        for (i, base) in bases.enumerated() { byBase[part(base, parts)].append(Int32(i)) }
        let votes: [[[(root: String, points: UInt8, itself: Bool)]]] = byBase.parallelMap { members in
            var group = WordTable(capacity: members.count)
            var merged: [[(root: String, points: Int)]] = []
            var groupBase: [String] = []
            for i in members {
                let base = bases[Int(i)]
                let readings = analyses(of: vocabulary[Int(i)])
                if readings.isEmpty { continue }
                let g: Int
                if let known = group.value(base) { g = known } else {
                    g = merged.count
                    group.set(base, g)
                    merged.append([])
                    groupBase.append(base)
                }
                for r in readings {
                    if let k = merged[g].firstIndex(where: { $0.root == r.root }) { merged[g][k].points = max(merged[g][k].points, r.points) }
                    else { merged[g].append(r) }
                }
            }
            var out = [[(root: String, points: UInt8, itself: Bool)]](repeating: [], count: parts)
            for (g, readings) in merged.enumerated() {
                for r in readings { out[part(r.root, parts)].append((r.root, UInt8(r.points), r.root == groupBase[g])) }
            }
            return out
        }
        // Per root: how many bases read down to it, their points, and whether one is the
        // root itself; then whether it is attested, and its family's size.
        let decided: [(attested: [String], families: [(String, Int)])] = Array(0..<parts).parallelMap { p in
            var index = WordTable(capacity: votes.reduce(0) { $0 + $1[p].count })
            var roots: [String] = []
            var tally: [(bases: Int, points: Int, itself: Bool)] = []
            for fromPart in votes {
                for v in fromPart[p] {
                    let k: Int
                    if let known = index.value(v.root) { k = known } else {
                        k = roots.count
                        index.set(v.root, k)
                        roots.append(v.root)
                        tally.append((0, 0, false))
                    }
                    tally[k] = (tally[k].bases + 1, tally[k].points + Int(v.points), tally[k].itself || v.itself)
                }
            }
            var attested: [String] = []
            var families: [(String, Int)] = []
            for (root, t) in zip(roots, tally) {
                let isWord = words.value(root) != nil
                let isAttested = !isWord && t.bases >= 2 && t.points >= 3
                if isAttested { attested.append(root) }
                let size = t.bases + (isWord && !t.itself ? 1 : 0)
                if size >= 2, isWord || isAttested { families.append((root, size)) }
            }
            return (attested, families)
        }
        var attested = Set<String>()
        var families: [String: Int] = [:]
        for part in decided {
            attested.formUnion(part.attested)
            for (root, size) in part.families { families[root] = size }
        }
        return (attested, families)
    }

    /// Which of `parts` parts `key` falls in, by the FNV-1a hash of its bytes.
    static func part(_ key: String, _ parts: Int) -> Int {
        var key = key
        return key.withUTF8 { Int((WordCounter.hash($0) >> 40) % UInt64(parts)) }
    }

    /// A stemmer that knows a corpus as the build does: its words, the roots they attest,
    /// and the families of both; with the attested roots and the family sizes, which the
    /// index carries so that the browser's stemmer knows the same.
    public static func knowing(_ vocabulary: [String]) -> (stemmer: IndonesianStemmer, attested: Set<String>, families: [String: Int]) {
        // Every word heads a family of one; then each family's root (every attested root
        // heads a family of two or more) gets its size.
        var known = WordTable(capacity: vocabulary.count + vocabulary.count / 8)
        for w in vocabulary { known.set(w, 1) }
        let (attested, families) = corpusRoots(in: vocabulary, words: known)
        for (root, size) in families { known.set(root, size) }
        let numbers = known
        let stemmer = IndonesianStemmer(family: { numbers.value($0) ?? 0 })
        return (stemmer, attested, families)
    }

    /// Every root of four letters or more that a word can be read down to, with 2 points
    /// when no step was a choice.
    static func analyses(of w: String) -> [(root: String, points: Int)] {
        var out: [(root: String, points: Int)] = []
        for inflected in inflectionReadings(w) {
            let readings = suffixReadings(inflected)
            // Where -i could be read off, both readings are a choice (pakai, nilai).
            let iChoice = readings.contains { $0.jsLength + 1 == inflected.jsLength && inflected.ends(with: "i") }
            for reading in readings {
                let weak = iChoice || (reading != inflected && prefixKind(inflected).isEmpty)
                if reading != inflected, reading.jsLength >= 4 { out.append((reading, 1)) }
                func walk(_ x: String, _ round: Int, _ choice: Bool) {
                    if round >= 3 || roots.contains(x) { return }
                    // A three-letter reading still makes the step a choice (meng-adu: kadu or
                    // adu), though it leads only to roots too short to attest.
                    let next = prefixReadings(x).filter { $0.jsLength >= (round == 0 ? 3 : 4) }
                    for r in next where r.jsLength >= 4 {
                        let c = choice || next.count > 1
                        out.append((r, c ? 1 : 2))
                        walk(r, round + 1, c)
                    }
                }
                walk(reading, 0, weak)
            }
        }
        return out
    }
}
