import Testing
@testable import LatihSearch

/// The stemmer's and the index's byte-keyed lookups answer as a Set and a Dictionary would.
@Suite struct WordTablesTests {
    @Test func packedWordsFindExactlyTheirWords() {
        let words = ["ajar", "organisasi", "selenggara", "cek", "a", "zzzzzzzzzzzz"]
        let list = PackedWords(words)
        for w in words { #expect(list.contains(w), "\(w)") }
        for w in ["", "aja", "ajari", "b", "organisasii", "zzzzzzzzzzzzz", "Ajar", "ajar-ajar", "séjahtera"] {
            #expect(!list.contains(w), "\(w)")
        }
        #expect(PackedWords.pack("zzzzzzzzzzzzz") == nil, "thirteen letters do not pack")
    }

    @Test func theStemmersListedRootsAllPack() {
        #expect(IndonesianStemmer.roots.contains("pelihara") && IndonesianStemmer.roots.contains("rawat"))
    }

    @Test func aWordTableKeepsTheLastNumberOfEachWordAcrossGrowth() {
        var table = WordTable(capacity: 4)
        var expected: [String: Int] = [:]
        for i in 0..<5_000 {
            // Words that repeat, in no order, some with a letter beyond ASCII.
            let word = "w" + String((i * 7_919) % 3_000, radix: 36) + (i % 7 == 0 ? "é" : "")
            table.set(word, i)
            expected[word] = i
        }
        #expect(table.count == expected.count)
        for (word, value) in expected { #expect(table.value(word) == value) }
        #expect(table.value("tidak-ada") == nil)
        #expect(table.value("") == nil)
        table.set("", 7)
        #expect(table.value("") == 7)
    }
}
