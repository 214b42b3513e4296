import LatihTestSupport
import Testing
@testable import LatihSearch

@Suite struct TokenizerTests {
    static let rows = VectorTable("tokens.tsv").pairs

    @Test func tableIsThere() { #expect(Self.rows.count >= 12) }

    @Test(arguments: rows)
    func splitsAsTheTableSays(_ text: String, _ expected: String) {
        #expect(Tokenizer.tokens(text).map(\.word).joined(separator: " ") == expected)
    }

    @Test func offsetsPointAtTheWordInUTF8() {
        let text = "Kérja keras"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Kérja", "keras"])
    }

    @Test func hyphenatedWordsAreAlsoIndexedByTheirParts() {
        #expect(Tokenizer.words("e-learning dan buku-buku") == ["e-learning", "e", "learning", "dan", "buku-buku", "buku", "buku"])
    }
}

@Suite struct EnglishStemmerTests {
    static let rows = VectorTable("stems-en.tsv").pairs

    @Test func tableIsLargeEnough() { #expect(Self.rows.count >= 100) }

    @Test(arguments: rows)
    func stemsAsTheTableSays(_ word: String, _ stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test func shortAndNonEnglishWordsAreLeftAlone() {
        #expect(EnglishStemmer.stem("is") == "is")
        #expect(EnglishStemmer.stem("kérja") == "kérja")
    }
}

@Suite struct DocumentTermsTests {
    /// The counts the index keeps, worked out the plain way: `Tokenizer.words` per field
    /// and a dictionary.
    static func reference(_ doc: SearchDocument) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        let fields = [doc.title, doc.headings.joined(separator: "\n"), doc.meta.joined(separator: "\n"), doc.body]
        for (f, text) in fields.enumerated() {
            for w in Tokenizer.words(text) { out[w, default: [0, 0, 0, 0]][f] += 1 }
        }
        return out
    }

    @Test func countsEveryWordOfEveryFieldAsTheTokenizerSplitsIt() {
        // 300 distinct words make the counter's table grow several times; hyphenated,
        // upper-case and accented words take the tokenizer's slower path.
        var body = (0..<300).map { "kata\($0)" }.joined(separator: " ")
        body += " Buku-buku buku BUKU e-learning Kérja kerja-keras kata7 kata7"
        let doc = SearchDocument(kind: .lesson, title: "Buku Kerja", path: "a/index.html", language: "id",
                                 headings: ["Kata Pengantar", "Buku-buku"], meta: ["ringkasan buku", "tag"],
                                 summary: "ringkasan buku", body: body)
        let terms = DocumentTerms(doc)
        let counted = Dictionary(uniqueKeysWithValues: zip(terms.counter.words, terms.infos).map { w, info in
            (w, (0..<4).map { Int(info.counts[$0]) })
        })
        #expect(counted == Self.reference(doc))
        #expect(counted["buku"] == [1, 2, 1, 4])
        #expect(terms.lengths == [2, 5, 3, Tokenizer.words(body).count])
    }
}
