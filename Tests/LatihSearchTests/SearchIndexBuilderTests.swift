import Foundation
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

    static func build(shardBytes: Int = 48_000) -> (files: [String: String], catalogue: String) {
        var builder = SearchIndexBuilder(hash: { String(format: "%08x", UInt32(truncatingIfNeeded: $0.count)) })
        builder.shardBytes = shardBytes
        let (files, catalogue) = builder.build(documents: documents, courses: courses)
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) }), catalogue)
    }

    /// Shard bounds back from the catalogue's front-coded string (as `decodeBounds` in latih-search.js).
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

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Every key of every shard, merged.
    static func keys(_ files: [String: String]) throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for (path, text) in files where path.hasPrefix("search/terms/") && path.hasSuffix(".json") {
            let parsed = try json(text)
            let shard = try #require(parsed as? [String: Any])
            for (k, v) in try #require(shard["k"] as? [String: [String: Any]]) { out[k] = v }
        }
        return out
    }

    /// Reads packed numbers back (see `JSONText.packed`).
    static func unpack(_ s: String) -> [Int] {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        var out: [Int] = []
        var value = 0, shift = 0
        for c in s {
            let d = alphabet.firstIndex(of: c)!
            if d >= 32 {
                value |= (d - 32) << shift
                shift += 5
            } else {
                out.append(value | d << shift)
                value = 0
                shift = 0
            }
        }
        return out
    }

    static func postings(_ list: Any?) -> [Int: Int] {
        guard let flat = (list as? String).map(unpack) else { return [:] }
        var out: [Int: Int] = [:]
        var doc = 0
        for i in stride(from: 0, to: flat.count - 1, by: 2) {
            doc += flat[i]
            out[doc] = flat[i + 1]
        }
        return out
    }

    @Test func catalogueDescribesShardsCoursesAndFacets() throws {
        let (files, name) = Self.build()
        let text = try #require(files[name + ".json"])
        let meta = try #require(try Self.json(text) as? [String: Any])
        #expect(meta["n"] as? Int == 5)
        let shards = try Self.bounds(meta["shards"])
        #expect(shards == shards.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        let courses = try #require(meta["courses"] as? [[Any]])
        #expect(courses[0][4] as? Int == 0 && courses[0][5] as? Int == 2)
        #expect(courses[1][4] as? Int == 2 && courses[1][5] as? Int == 4)
        #expect(!text.contains("Analisis Data"), "course titles travel with results, not in every query")
        // Shards and documents share one hash; the browser rebuilds `search/terms/<n>.<h>`.
        let h = try #require(meta["h"] as? String)
        for n in shards.indices { #expect(files["search/terms/\(n).\(h).json"] != nil) }
        #expect(files["search/docs/0.\(h).json"] != nil)
        #expect(files.keys.filter { $0.hasPrefix("search/terms/") && $0.hasSuffix(".json") }.count == shards.count)
        let facets = try #require(meta["facets"] as? [String: [String]])
        #expect(facets["level"] == ["dasar", "menengah"])
        #expect(facets["tag"] == ["akun", "sandi"])
        #expect((meta["docTags"] as? [String: [Int]])?["1"] == [1])
    }

    @Test func wordsAndStemsAreKeysWithImpactsThatFavourTheTitle() throws {
        let keys = try Self.keys(Self.build().files)
        let sandi = Self.postings(keys["sandi"]?["w"])
        #expect(Set(sandi.keys) == [0, 1, 2])
        #expect(sandi[1]! > sandi[2]!, "title and heading beat a mention in the body")
        // "pelatihan" is stored under its own word and under the stem it shares with "melatih".
        #expect(keys["pelatihan"]?["st"] as? [String] == ["latih"])
        #expect(Set(Self.postings(keys["latih"]?["s"]).keys) == [1, 2])
        // English pages are stemmed with Porter2.
        #expect(keys["greeting"]?["st"] as? [String] == ["greet"])
        #expect(Set(Self.postings(keys["greet"]?["s"]).keys) == [3])
    }

    @Test func aStemMatchNeverOutweighsTheExactWordThroughRarity() throws {
        // "pelayanan" stems to itself on the English page (Porter2) and to "layan" on the
        // Indonesian ones, so only the English page is under the stem key "pelayanan".
        let docs = (0..<4).map { i in
            SearchDocument(kind: .lesson, title: "Pelajaran \(i)", path: "p\(i)/index.html", body: "Pelayanan publik yang cepat.")
        } + [SearchDocument(kind: .lesson, title: "Front desk", path: "en/index.html", language: "en",
                            body: "Mal Pelayanan Publik serves visitors.")]
        let builder = SearchIndexBuilder(hash: { _ in "0" })
        let keys = try Self.keys(Dictionary(uniqueKeysWithValues: builder.build(documents: docs, courses: []).files.map { ($0.path, $0.contents) }))
        let exact = Self.postings(keys["pelayanan"]?["w"])
        let stem = keys["pelayanan"]?["s"] as? Int == 0 ? exact : Self.postings(keys["pelayanan"]?["s"])
        #expect(exact[4] != nil && stem[4] != nil)
        #expect(stem[4]! <= exact[4]!, "the stem key holds one page, but the word is on five")
    }

    @Test func aKeyThatOtherWordsStemToHasCardsForTheirQueriesToo() throws {
        // Pages 0–9 say "latih" once; pages 10–21 say "melatih" in the title and body. A query
        // for "latih" ranks 0–9 first; one for "melatih" or "pelatihan" ranks by the stem
        // postings of "latih", where 10–21 lead. Both sets of best pages have cards.
        let docs = (0..<10).map { i in
            SearchDocument(kind: .lesson, title: "Pelajaran \(i)", path: "a\(i)/index.html", body: "Kita latih bersama hari ini.")
        } + (10..<22).map { i in
            SearchDocument(kind: .lesson, title: "Melatih \(i)", path: "b\(i)/index.html", body: "Cara melatih, melatih lagi, dan melatih terus.")
        } + (22..<80).map { i in
            SearchDocument(kind: .lesson, title: "Lain \(i)", path: "c\(i)/index.html", body: "Halaman tentang hal lain.")
        }
        let builder = SearchIndexBuilder(hash: { _ in "0" })
        let keys = try Self.keys(Dictionary(uniqueKeysWithValues: builder.build(documents: docs, courses: []).files.map { ($0.path, $0.contents) }))
        #expect(keys["melatih"]?["st"] as? [String] == ["latih"])
        let cards = try #require(keys["latih"]?["c"] as? [[Any]]).compactMap { $0[0] as? Int }
        #expect(Set(0..<10).isSubset(of: Set(cards)), "the best pages for the word itself")
        #expect(cards.filter { $0 >= 10 }.count == 10, "the best pages by the stem postings")
        // A word that no other word stems to keeps ten.
        #expect((keys["lain"]?["c"] as? [[Any]])?.count == 10)
    }

    @Test func rootsAttestedOnlyByDerivedFormsAreKeysTheBrowserCanKnow() throws {
        let docs = [
            SearchDocument(kind: .lesson, title: "Pelayanan", path: "a/index.html", body: "Pelayanan yang ramah."),
            SearchDocument(kind: .lesson, title: "Melayani warga", path: "b/index.html", body: "Petugas melayani warga."),
            SearchDocument(kind: .lesson, title: "Layanan", path: "c/index.html", body: "Layanan daring."),
        ]
        let builder = SearchIndexBuilder(hash: { _ in "0" })
        let keys = try Self.keys(Dictionary(uniqueKeysWithValues: builder.build(documents: docs, courses: []).files.map { ($0.path, $0.contents) }))
        #expect(keys["layan"]?["a"] as? Int == 1)
        #expect(keys["layan"]?["w"] == nil)
        for word in ["pelayanan", "melayani", "layanan"] { #expect(keys[word]?["st"] as? [String] == ["layan"], "\(word)") }
        #expect(Set(Self.postings(keys["layan"]?["s"]).keys) == [0, 1, 2])
    }

    @Test func cardsCarryAnExcerptAroundTheMatch() throws {
        let (files, _) = Self.build()
        let keys = try Self.keys(files)
        let cards = try #require(keys["pelatihan"]?["c"] as? [[Any]])
        #expect(cards.count == 1 && cards[0][0] as? Int == 1)
        #expect((cards[0][1] as? String)?.contains("Pelatihan rutin") == true)
        let viaStem = try #require(keys["latih"]?["c"] as? [[Any]])
        #expect(viaStem.contains { ($0[1] as? String)?.contains("melatih") == true })
        // A card's document: kind, title, page, minutes, and the breadcrumb "course › module".
        for (path, text) in files where path.hasPrefix("search/terms/") && path.hasSuffix(".json") {
            let shard = try #require(try Self.json(text) as? [String: Any])
            guard let doc = (shard["d"] as? [String: [Any]])?["1"] else { continue }
            #expect(doc[1] as? String == "Kata Sandi" && doc[3] as? Int == 30)
            #expect(doc[4] as? String == "Keamanan Siber › Modul 1")
        }
        let recordFile = try #require(files.first { $0.key.hasPrefix("search/docs/0.") && $0.key.hasSuffix(".json") })
        let record = try #require(try Self.json(recordFile.value) as? [[Any]])
        #expect(record[1][4] as? String == "Keamanan Siber › Modul 1")
        #expect(record[0][4] as? String == "", "a course's page: the browser writes its breadcrumb")
    }

    @Test func anExcerptShowsTheExactWordBeforeAnEarlierWordOfItsFamily() throws {
        // "pelatihan" stems to "latih" and comes first; the card of the key "latih" shows
        // "latih" itself. A page without the word shows the first word of its family.
        let filler = (1...30).map { "isi\($0)" }.joined(separator: " ")
        let docs = [
            SearchDocument(kind: .lesson, title: "A", path: "a/index.html", body: "Pelatihan dimulai. \(filler) Ayo latih bersama."),
            SearchDocument(kind: .lesson, title: "B", path: "b/index.html", body: "Petugas dilatih setiap minggu."),
        ]
        let builder = SearchIndexBuilder(hash: { String(format: "%08x", UInt32(truncatingIfNeeded: $0.count)) })
        let files = Dictionary(uniqueKeysWithValues: builder.build(documents: docs, courses: []).files.map { ($0.path, $0.contents) })
        let keys = try Self.keys(files)
        func excerpt(_ key: String, _ doc: Int) throws -> String {
            let cards = try #require(keys[key]?["c"] as? [[Any]])
            return try #require(cards.first { $0[0] as? Int == doc }?[1] as? String)
        }
        #expect(try excerpt("latih", 0).contains("Ayo latih bersama"))
        #expect(try !excerpt("latih", 0).contains("Pelatihan"))
        #expect(try excerpt("latih", 1).contains("Petugas dilatih"))
    }

    @Test func manyShardsCoverEveryKeyOnce() throws {
        let one = try Self.keys(Self.build().files)
        let (files, name) = Self.build(shardBytes: 200)
        #expect(files.keys.filter { $0.hasPrefix("search/terms/") && $0.hasSuffix(".json") }.count > 5)
        let many = try Self.keys(files)
        #expect(Set(one.keys) == Set(many.keys))
        // Bounds are short separators, and every key sorts within its own shard's bounds,
        // which is all the browser's lookup assumes.
        let metaText = try #require(files[name + ".json"])
        let meta = try #require(try Self.json(metaText) as? [String: Any])
        let bounds = try Self.bounds(meta["shards"])
        let h = try #require(meta["h"] as? String)
        #expect(bounds.first == "")
        for (n, bound) in bounds.enumerated() {
            let shardText = try #require(files["search/terms/\(n).\(h).json"])
            let shard = try #require(try Self.json(shardText) as? [String: Any])
            for key in try #require(shard["k"] as? [String: Any]).keys {
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

    @Test func separatorsAreTheShortestPrefixThatSortsAfter() {
        #expect(SearchIndexBuilder.separator(after: "kata", upTo: "kesehatan") == "ke")
        #expect(SearchIndexBuilder.separator(after: "kerja", upTo: "kesehatan") == "kes")
        #expect(SearchIndexBuilder.separator(after: "data", upTo: "data2") == "data2")
        #expect(SearchIndexBuilder.separator(after: "a", upTo: "b") == "b")
        // Never half of a surrogate pair.
        #expect(SearchIndexBuilder.separator(after: "x\u{1F600}a", upTo: "x\u{1F601}") == "x\u{1F601}")
    }

    @Test func everyFileHasAScriptTwinForFileURLs() throws {
        let (files, name) = Self.build(shardBytes: 200) // shards enough for several scripts
        #expect(files.keys.contains { $0.hasPrefix("search/terms/s1.") })
        let script = try #require(files[name + ".js"])
        #expect(script.hasPrefix("(self.latihSearchData=self.latihSearchData||{})[\"\(name)\"]="))
        // Every JSON file's data is registered, under its name, by the script that the
        // browser runs instead from file://: its twin, or for shards and documents the
        // script of its group of files.
        for (path, json) in files where path.hasSuffix(".json") {
            let name = String(path.dropLast(5))
            let parts = name.split(separator: "/").last!.split(separator: ".")
            if name.hasPrefix("search/docs/") || name.hasPrefix("search/terms/") {
                let folder = name.hasPrefix("search/docs/") ? "docs" : "terms"
                let n = try #require(Int(parts[0]))
                let group = try #require(files["search/\(folder)/s\(n / SearchIndexBuilder.filesPerScript).\(parts[1]).js"])
                #expect(group.contains("d[\"\(name)\"]=\(json);"), "\(name) is not in its group script")
            } else {
                #expect(files[name + ".js"] == "(self.latihSearchData=self.latihSearchData||{})[\"\(name)\"]=\(json);\n")
            }
        }
    }

    @Test func outputIsTheSameEveryTime() {
        let a = Self.build().files
        for _ in 0..<3 { #expect(Self.build().files == a) }
    }

    @Test func packedNumbersRoundTrip() {
        var out = JSONText()
        let numbers = [0, 1, 31, 32, 33, 1023, 1024, 123_456, 9_999_999]
        numbers.forEach { out.packed($0) }
        #expect(Self.unpack(out.text) == numbers)
        #expect(out.text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func textCannotCloseAScriptElement() throws {
        var doc = Self.documents[4]
        doc.title = "</script><script>alert(1)</script>"
        let (files, _) = SearchIndexBuilder(hash: { _ in "0" }).build(documents: [doc], courses: [])
        for file in files { #expect(!file.contents.contains("</script")) }
    }
}
