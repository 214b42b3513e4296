import Foundation
import LatihTestSupport
import Testing
@testable import LatihSearch

/// The shared table, also read by Tests/js/stem.test.js: both sides must agree.
let stemRows = VectorTable("stems-id.tsv").pairs

@Suite struct IndonesianStemmerTests {
    /// The corpus the table assumes: one that contains each expected stem as a word.
    static let corpus = Set(stemRows.map(\.1))

    @Test func tableIsLargeEnough() { #expect(stemRows.count >= 160) }

    @Test(arguments: stemRows)
    func stemsAsTheTableSays(_ word: String, _ stem: String) {
        let stemmer = IndonesianStemmer(isKnown: { Self.corpus.contains($0) })
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [("menulis", "tulis"), ("mengetahui", "tahu"), ("menangkap", "tangkap"), ("mengupas", "kupas"),
                      ("bertanya", "tanya"), ("pemrograman", "program"), ("pelatihan", "latih"), ("pembinaan", "bina"),
                      ("keterampilan", "terampil"), ("pelayanan", "layan"), ("digitalisasi", "digital"), ("buku-buku", "buku")])
    func snowballsMistakesComeOutRightWithNoCorpus(_ word: String, _ stem: String) {
        #expect(IndonesianStemmer().stem(word) == stem)
    }
}

/// Word families in a corpus (Tests/vectors/stem-families.tsv), also read by
/// Tests/js/stem.test.js: the stems that the build gives words when it knows the corpus.
@Suite struct StemFamilyTests {
    struct Table {
        var attested: Set<String> = []
        /// The `@families` line: the family sizes the index carries, as `root:size`.
        var sizes: [String: Int] = [:]
        var families: [(stem: String, words: [String])] = []
        var vocabulary: [String] { families.flatMap(\.words) }
    }

    static let table: Table = {
        let file = VectorTable("stem-families.tsv")
        var table = Table()
        table.attested = Set((file.named["@attested"] ?? "").split(separator: " ").map(String.init))
        for pair in (file.named["@families"] ?? "").split(separator: " ") {
            let p = pair.split(separator: ":")
            if p.count == 2 { table.sizes[String(p[0])] = Int(p[1]) }
        }
        table.families = file.pairs.map { ($0.0, $0.1.split(separator: " ").map(String.init)) }
        return table
    }()

    @Test func tableHasTheFamilies() {
        #expect(Self.table.families.count >= 70)
        #expect(Set(Self.table.families.map(\.stem)).count == Self.table.families.count, "two families share a stem")
    }

    @Test func theCorpusAttestsTheRootsItShowsOnlyDerived() {
        #expect(IndonesianStemmer.attestedRoots(in: Self.table.vocabulary) == Self.table.attested)
    }

    @Test func theFamilySizesAreTheOnesTheBrowserIsGiven() {
        let families = IndonesianStemmer.corpusRoots(in: Self.table.vocabulary).families
        #expect(families == Self.table.sizes, "\(families.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " "))")
    }

    @Test func eachFamilyComesToItsStem() {
        let stemmer = IndonesianStemmer.knowing(Self.table.vocabulary).stemmer
        var wrong: [String] = []
        for family in Self.table.families {
            for w in family.words where stemmer.stem(w) != family.stem { wrong.append("\(w): \(stemmer.stem(w)), not \(family.stem)") }
        }
        #expect(wrong == [])
    }

    @Test(arguments: [("tangan", "pemenangan"), ("nilai", "dinilai menilai"), ("pakai", "dipakai memakai")])
    func aRootThatMayEndInTheSuffixIsNotAttestedByGuesses(_ word: String, _ others: String) {
        // "tang", "nila" and "paka" are read off only by a choice at some step.
        let vocabulary = [word] + others.split(separator: " ").map(String.init)
        #expect(IndonesianStemmer.attestedRoots(in: vocabulary).isEmpty)
    }
}

/// Word lists with their dictionary roots, and what Latih gives with no corpus, which the
/// browser's stemmer must give too (Tests/js/stem.test.js reads the same files): the gold
/// list (Tests/vectors/stems-id-gold.tsv), which the rules are fitted to, and a list they
/// are not fitted to (stems-id-unfitted.tsv).
@Suite struct IndonesianWordLists {
    static func rows(_ name: String) -> [(word: String, root: String, latih: String)] {
        VectorTable(name).rows.map { ($0[0], $0[1], $0[2]) }
    }

    /// Each list, its least length, and the least share of words stemmed to their root: a
    /// change may raise the share, never lower it.
    @Test(arguments: [("stems-id-gold.tsv", 300, 0.99), ("stems-id-unfitted.tsv", 240, 0.86)])
    func everyWordStemsAsRecordedAndMostToTheirRoot(_ name: String, _ least: Int, _ floor: Double) {
        let rows = Self.rows(name)
        #expect(rows.count >= least)
        let stemmer = IndonesianStemmer()
        let differs = rows.filter { stemmer.stem($0.word) != $0.latih }.map { "\($0.word): \(stemmer.stem($0.word)), recorded \($0.latih)" }
        #expect(differs == [])
        let right = rows.filter { $0.root == $0.latih }.count
        #expect(Double(right) / Double(rows.count) >= floor, "\(right) of \(rows.count)")
    }

    /// Told only which words are roots (yes or no, no family sizes), as a caller that
    /// knows a dictionary would: nearly every word comes to its root.
    @Test(arguments: ["stems-id-gold.tsv", "stems-id-unfitted.tsv"])
    func knowingTheRootsNearlyEveryWordComesToItsRoot(_ name: String) {
        let rows = Self.rows(name)
        let roots = Set(rows.map(\.root)), known = roots.union(rows.map(\.word))
        for knows in [roots, known] {
            let stemmer = IndonesianStemmer(isKnown: { knows.contains($0) })
            let right = rows.filter { stemmer.stem($0.word) == $0.root }.count
            #expect(Double(right) / Double(rows.count) >= 0.99, "\(right) of \(rows.count)")
        }
    }
}
