import Testing
@testable import LatihSearch

@Suite struct TokenizerTests {
    static let rows = vectorRows("tokens.tsv")

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
    static let rows = vectorRows("stems-en.tsv")

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
