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

@Suite struct KeyOrderTests {
    /// The prefix-keyed sort gives exactly `utf16Less`'s order: on ties within eight
    /// bytes, on words that are prefixes of others, and where UTF-8 and UTF-16 orders
    /// part (a character above U+FFFF against one in U+E000–U+FFFF).
    @Test func prefixKeyedSortIsUTF16Order() {
        var words = ["pelatihan", "pelatiha", "pelatihanku", "pelatihan-daring", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgg",
                     "\u{FF5E}x", "\u{1F600}x", "abcdefg\u{FF5E}", "abcdefg\u{1F600}", "é", "e", "z", "\u{E000}", "\u{10000}"]
        var rng = SeededGenerator(seed: 7)
        let letters = Array("aeiknrst\u{E9}\u{FF5E}\u{1F600}")
        for _ in 0..<2000 {
            words.append(String((0..<Int.random(in: 1...12, using: &rng)).map { _ in letters.randomElement(using: &rng)! }))
        }
        let unique = Array(Set(words))
        #expect(utf16Order(unique).map { unique[$0] } == unique.sorted(by: utf16Less))
    }
}
