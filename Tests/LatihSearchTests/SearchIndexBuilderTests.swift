import Foundation
import LatihTestSupport
import Testing
@testable import LatihSearch

/// The index as files: what a browser will read.
@Suite struct SearchIndexBuilderTests {
    static let courses = [
        SearchCourse(title: "Keamanan Siber", category: "Keamanan", level: "dasar",
                     competencies: ["Keamanan informasi"], tags: ["akun"]),
        SearchCourse(title: "Analisis Data", category: "Data", level: "menengah"),
    ]
    static let documents = [
        SearchDocument(kind: .course, title: "Keamanan Siber", path: "courses/siber/index.html", course: 0,
                       meta: ["Melindungi akun dinas"], summary: "Melindungi akun dinas", body: "Kursus tentang kata sandi."),
        SearchDocument(kind: .lesson, title: "Kata Sandi", path: "courses/siber/sandi/index.html", course: 0, module: "Modul 1",
                       minutes: 30, headings: ["Sandi yang kuat"], body: "Kata sandi yang panjang lebih kuat. Pelatihan rutin membantu.",
                       tags: ["sandi"]),
        SearchDocument(kind: .lesson, title: "Tabel Pivot", path: "courses/data/pivot/index.html", course: 1, minutes: 45,
                       body: "Tabel pivot meringkas data. Sandi tidak dibahas di sini, tetapi petugas melatih rekannya."),
        SearchDocument(kind: .lesson, title: "Greeting Visitors", path: "courses/data/greeting/index.html", course: 1,
                       language: "en", body: "Greet every visitor politely."),
        SearchDocument(kind: .page, title: "Tentang", path: "tentang/index.html", body: "Halaman tentang situs ini."),
    ]

    static func build(_ docs: [SearchDocument] = documents, courses: [SearchCourse] = courses,
                      shardBytes: Int = 12_000) -> IndexReader {
        var builder = SearchIndexBuilder(hash: { String(format: "%08x", UInt32(truncatingIfNeeded: $0.count)) })
        builder.shardBytes = shardBytes
        let (files, catalogue) = builder.build(documents: docs, courses: courses)
        return IndexReader(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), catalogueName: catalogue)
    }

    /// Shard bounds back from the catalogue's front-coded string (as `decodeBounds` in index-format.js).
    static func bounds(_ coded: Any?) throws -> [String] {
        let text = try #require(coded as? String)
        var out: [String] = [], previous: [UInt16] = []
        for entry in text.split(separator: " ", omittingEmptySubsequences: false) {
            let shared = try #require(Int(String(entry.prefix(1)), radix: 36))
            previous = Array(previous.prefix(shared)) + Array(entry.dropFirst().utf16)
            out.append(String(decoding: previous, as: UTF16.self))
        }
        return out
    }


    @Test func catalogueDescribesShardsCoursesAndFacets() throws {
        let index = Self.build()
        let meta = try index.catalogue()
        #expect(meta["v"] as? Int == SearchIndexBuilder.formatVersion)
        #expect(meta["n"] as? Int == 5)
        #expect(meta["en"] as? Bool == true)
        let shards = try Self.bounds(meta["shards"])
        #expect(shards == shards.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        let courses = try #require(meta["courses"] as? [[Any]])
        // Each course: the gap after the previous course's documents, and its count.
        #expect(courses[0][4] as? Int == 0 && courses[0][5] as? Int == 2)
        #expect(courses[1][4] as? Int == 0 && courses[1][5] as? Int == 2)
        #expect(try !index.file(index.catalogueName + ".js").contains("Analisis Data"),
                "course titles travel with results, not in every query")
        // Shards and documents share one hash; the browser rebuilds `search/terms/<n>.<h>`.
        let h = try #require(meta["h"] as? String)
        for n in shards.indices { #expect(index.files["search/terms/\(n).\(h).js"] != nil) }
        for d in 0..<5 { #expect(index.files["search/docs/\(d).\(h).js"] != nil) }
        #expect(index.files.keys.filter { $0.hasPrefix("search/terms/") }.count == shards.count)
        #expect(index.files.count == shards.count + 5 + 1, "shards, one record per document, the catalogue: nothing twice")
        let facets = try #require(meta["facets"] as? [String: [String]])
        #expect(facets["level"] == ["dasar", "menengah"])
        #expect(facets["tag"] == ["akun", "sandi"])
        #expect((meta["docTags"] as? [String: [Int]])?["1"] == [1])
    }

    @Test func wordsAndStemsAreKeysWithImpactsThatFavourTheTitle() throws {
        let keys = try Self.build().keys()
        let sandi = try #require(keys["sandi"]).word
        #expect(Set(sandi.keys) == [0, 1, 2])
        #expect(sandi[1]! > sandi[2]!, "title and heading beat a mention in the body")
        // "pelatihan" is stored under its own word and under the stem it shares with "melatih".
        #expect(keys["pelatihan"]?.stems == ["latih"])
        #expect(Set(try #require(keys["latih"]).stem.keys) == [1, 2])
        // "latih" heads a family of two words (pelatihan, melatih), which the browser is told.
        #expect(keys["latih"]?.family == 2 && keys["latih"]!.flags & 32 != 0)
        #expect(keys["tabel"]?.family == 0)
        // English pages are stemmed with Porter2.
        #expect(keys["greeting"]?.stems == ["greet"])
        #expect(Set(try #require(keys["greet"]).stem.keys) == [3])
        // A word that is its own stem stores its postings once.
        #expect(keys["tabel"]?.flags == 1 | 4)
        #expect(keys["tabel"]?.stem == keys["tabel"]?.word)
    }

    @Test func impactsAreOneByteOnALogarithmicScale() {
        #expect(ScoredEntry.quantize(0) == 1)
        #expect(ScoredEntry.quantize(-3) == 1)
        #expect(ScoredEntry.quantize(1e9) == 255)
        var last: UInt8 = 0
        for x in stride(from: 0.05, to: 2000, by: 0.37) {
            let q = ScoredEntry.quantize(x)
            #expect(q >= last)
            last = q
            // Read back as `expm1(q / 24)`: 1 + impact within half a step (2.1 %).
            if q < 255 { #expect(abs(expm1(Double(q) / 24) - x) / (1 + x) < 0.0211, "\(x)") }
        }
    }

    @Test func aStemMatchNeverOutweighsTheExactWordThroughRarity() throws {
        // "pelayanan" stems to itself on the English page (Porter2) and to "layan" on the
        // Indonesian ones, so only the English page is under the stem key "pelayanan".
        let docs = (0..<4).map { i in
            SearchDocument(kind: .lesson, title: "Pelajaran \(i)", path: "p\(i)/index.html", body: "Pelayanan publik yang cepat.")
        } + [SearchDocument(kind: .lesson, title: "Front desk", path: "en/index.html", language: "en",
                            body: "Mal Pelayanan Publik serves visitors.")]
        let keys = try Self.build(docs, courses: []).keys()
        let entry = try #require(keys["pelayanan"])
        #expect(entry.word[4] != nil && entry.stem[4] != nil)
        #expect(entry.stem.count == 1)
        #expect(entry.stem[4]! <= entry.word[4]!, "the stem key holds one page, but the word is on five")
    }

    @Test func rootsAttestedOnlyByDerivedFormsAreKeysTheBrowserCanKnow() throws {
        let docs = [
            SearchDocument(kind: .lesson, title: "Pelayanan", path: "a/index.html", body: "Pelayanan yang ramah."),
            SearchDocument(kind: .lesson, title: "Melayani warga", path: "b/index.html", body: "Petugas melayani warga."),
            SearchDocument(kind: .lesson, title: "Layanan", path: "c/index.html", body: "Layanan daring."),
        ]
        let keys = try Self.build(docs, courses: []).keys()
        let layan = try #require(keys["layan"])
        #expect(layan.attested)
        #expect(layan.word.isEmpty)
        for word in ["pelayanan", "melayani", "layanan"] { #expect(keys[word]?.stems == ["layan"], "\(word)") }
        #expect(Set(layan.stem.keys) == [0, 1, 2])
    }

    @Test func eachDocumentIsOneRecordWithTheTextThatExcerptsAreCutFrom() throws {
        let index = Self.build()
        let lesson = try index.document(1)
        #expect(lesson[0] as? Int == SearchDocument.Kind.lesson.rawValue)
        #expect(lesson[1] as? String == "Kata Sandi")
        #expect(lesson[2] as? String == "courses/siber/sandi/index.html")
        #expect(lesson[3] as? Int == 30)
        #expect(lesson[4] as? String == "Keamanan Siber › Modul 1")
        #expect(lesson[6] as? String == Self.documents[1].body)
        let course = try index.document(0)
        #expect(course[4] as? String == "", "a course's page: the browser writes its breadcrumb")
        #expect(course[5] as? String == "Melindungi akun dinas")
        // Nothing of the text is in the shards: a key costs its letters and postings.
        for path in index.files.keys where path.hasPrefix("search/terms/") {
            let bytes = try IndexReader.inflate(index.files[path]!)
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Kata sandi yang panjang"))
        }
    }

    /// Real text is mostly rare words. Each of 12,000 words here is on one page only; the
    /// index must cost a few bytes for each (its letters, front-coded, and one posting),
    /// as the issue of per-word excerpts once made it cost a card with an excerpt.
    @Test func aWordOnOnePageCostsAFewBytes() throws {
        var generator = SeededGenerator(seed: 7)
        let syllables = ["ka", "ta", "ri", "mu", "lo", "pe", "san", "di", "gu", "nar", "be", "tu", "ang", "si", "ko", "ber"]
        var seen = Set<String>()
        var docs: [SearchDocument] = []
        for d in 0..<240 {
            var words: [String] = []
            while words.count < 50 {
                let n = 2 + Int(generator.next() % 3)
                let w = (0..<n).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined() + "\(generator.next() % 10)"
                if seen.insert(w).inserted { words.append(w) }
            }
            docs.append(SearchDocument(kind: .lesson, title: "Dokumen", path: "d\(d)/index.html", body: words.joined(separator: " ")))
        }
        let index = Self.build(docs, courses: [])
        let keys = try index.keys()
        #expect(seen.isSubset(of: Set(keys.keys)))
        var shardBytes = 0
        for (path, text) in index.files where path.hasPrefix("search/terms/") {
            shardBytes += try IndexReader.packed(text).count
        }
        let perWord = Double(shardBytes) / Double(seen.count)
        #expect(perWord < 8, "\(perWord) bytes of deflated shard per word on one page")
    }

    @Test func manyShardsCoverEveryKeyOnce() throws {
        let one = try Self.build().keys()
        let index = Self.build(shardBytes: 60)
        #expect(index.files.keys.filter { $0.hasPrefix("search/terms/") }.count > 5)
        let many = try index.keys()
        #expect(one == many)
        // Bounds are short separators, and every key sorts within its own shard's bounds,
        // which is all the browser's lookup assumes.
        let bounds = try Self.bounds(try index.catalogue()["shards"])
        #expect(bounds.first == "")
        for (n, bound) in bounds.enumerated() {
            let keys = try index.shard(n).map(\.0)
            #expect(keys == keys.sorted(by: utf16Less), "a shard's keys are sorted")
            for key in keys {
                #expect(!utf16Less(key, bound), "\(key) sorts before its shard's bound \(bound)")
                if n + 1 < bounds.count { #expect(utf16Less(key, bounds[n + 1]), "\(key) reaches the next shard") }
            }
        }
        #expect(bounds.dropFirst().contains { bound in !one.keys.contains(bound) }, "some bounds are shorter than keys")
    }

    /// The same list and string are in the Node test of `decodeBounds`.
    @Test func shardBoundsAreFrontCoded() throws {
        let list = ["", "ai", "ajar2", "ajaran2", "ajarkan", "buku-buku", "bukubuku", "zz", "é", "éa", "日本", "日本語", "😀a", "😀b", "😁"]
        #expect(list == list.sorted(by: utf16Less))
        let coded = SearchIndexBuilder.frontCoded(list)
        #expect(coded == "0 0ai 1jar2 4an2 4kan 0buku-buku 4buku 0zz 0é 1a 0日本 2語 0😀a 2b 0😁")
        #expect(try Self.bounds(coded) == list)
        // A shared prefix is at most 35 units long, one base-36 digit.
        let long = [String(repeating: "a", count: 40), String(repeating: "a", count: 40) + "b"]
        #expect(SearchIndexBuilder.frontCoded(long) == "0" + long[0] + " z" + String(repeating: "a", count: 5) + "b")
        #expect(try Self.bounds(SearchIndexBuilder.frontCoded(long)) == long)
    }

    @Test func keysSortAsJavaScriptComparesStrings() {
        // Characters beyond U+FFFF are surrogate pairs in UTF-16 and sort before U+E000–U+FFFF.
        let words = ["", "a", "ab", "b", "é", "éa", "z", "日本", "\u{E000}", "\u{FFFD}", "\u{1F600}", "\u{10000}a",
                     "x\u{E000}", "x\u{1F600}", "ka\u{FF21}", "ka\u{20000}", "kata", "kata2", "kata-kata"]
        for a in words {
            for b in words {
                #expect(utf16Less(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) < \(b)")
            }
        }
    }

    @Test func separatorsAreTheShortestPrefixThatSortsAfter() {
        #expect(SearchIndexBuilder.separator(after: "kata", upTo: "kesehatan") == "ke")
        #expect(SearchIndexBuilder.separator(after: "kerja", upTo: "kesehatan") == "kes")
        #expect(SearchIndexBuilder.separator(after: "data", upTo: "data2") == "data2")
        #expect(SearchIndexBuilder.separator(after: "a", upTo: "b") == "b")
        // Never half of a surrogate pair.
        #expect(SearchIndexBuilder.separator(after: "x\u{1F600}a", upTo: "x\u{1F601}") == "x\u{1F601}")
    }


    @Test func everyFileIsAScriptThatRegistersItselfUnderItsPath() throws {
        let index = Self.build(shardBytes: 60)
        for (path, text) in index.files {
            #expect(path.hasSuffix(".js"))
            let (name, value) = try IndexReader.payload(text)
            #expect(name == String(path.dropLast(3)))
            if path == index.catalogueName + ".js" {
                #expect(value.hasPrefix("{"))
            } else {
                #expect(try !IndexReader.inflate(text).isEmpty)
            }
        }
    }

    @Test func packedStringsRoundTripAndTakeEightSevenths() {
        var generator = SeededGenerator(seed: 3)
        for n in [0, 1, 2, 6, 7, 8, 9, 15, 16, 100, 4096] {
            let bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let text = ScriptPacking.pack(bytes)
            let string = String(decoding: text, as: UTF8.self)
            #expect(IndexReader.unpack(string.utf16) == bytes, "\(n) bytes")
            #expect(!string.contains("\"") && !string.contains("\\") && !string.contains("\n") && !string.contains("\r"))
            #expect(string.unicodeScalars.allSatisfy { $0.value != 0 && $0.value < 0x305 })
            // One UTF-8 byte per seven bits (one more when the last group is written alone).
            #expect(text.count - (n * 8 + 6) / 7 <= 1, "\(text.count) bytes for \(n)")
        }
        // The vector that the Node test of `unpackText` reads back.
        let vector: [UInt8] = [0x00, 0x0A, 0xFF, 0x22, 0x5C, 0x41, 0x80, 0x0D, 0x00]
        #expect(Array(String(decoding: ScriptPacking.pack(vector), as: UTF8.self).unicodeScalars.map(\.value))
                == Self.packedVector)
    }

    /// `ScriptPacking.pack` of `[0x00, 0x0A, 0xFF, 0x22, 0x5C, 0x41, 0x80, 0x0D, 0x00]`, as
    /// code points; search.test.js holds the same.
    static let packedVector: [UInt32] = [130, 95, 114, 18, 113, 3, 134, 64, 768]

    @Test func outputIsTheSameEveryTime() {
        let a = Self.build().files
        for _ in 0..<3 { #expect(Self.build().files == a) }
    }

    @Test func textCannotCloseAScriptElement() throws {
        var doc = Self.documents[4]
        doc.title = "</script><script>alert(1)</script>"
        doc.tags = ["</script>"]
        let (files, _) = SearchIndexBuilder(hash: { _ in "0" }).build(documents: [doc], courses: [])
        for file in files { #expect(!file.contents.lowercased().contains("</script")) }
    }
}
