import LatihDiagnostics
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("titel", "title"), ("durasii", "durasi"), ("shufle", "shuffle"), ("tingkta", "tingkat"),
    ])
    func suggestsTheClosestKnownWord(_ typo: String, _ expected: String) {
        let known = ["title", "judul", "summary", "durasi", "duration", "shuffle", "tingkat", "level"]
        #expect(Suggestion.closest(to: typo, in: known) == expected)
    }

    @Test func suggestsNothingWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "warna", in: ["title", "summary", "duration"]) == nil)
        #expect(Suggestion.closest(to: "x", in: ["a-very-long-key"]) == nil)
    }

    @Test func countsTranspositionsAsOneEdit() {
        #expect(Suggestion.editDistance("tingkat", "tingkta") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
    }
}
