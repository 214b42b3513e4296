import Foundation
import LatihDiagnostics
import Testing
@testable import LatihFrontMatter

/// Reads a fixture from `Fixtures/` beside this file.
func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// What a test expects of one diagnostic: its line, column, and a piece of its message.
struct Expected: CustomTestStringConvertible, Sendable {
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { "\(line):\(column) \(message)" }
}

@Suite struct FrontMatterDiagnosticsTests {
    static let cases: [(String, Schema, [Expected])] = [
        ("unclosed.md", .lesson, [Expected(line: 1, column: 1, message: "never closed")]),
        ("no-colon.md", .lesson, [Expected(line: 3, column: 1, message: "no colon")]),
        ("bad-key.md", .lesson, [
            Expected(line: 2, column: 1, message: "keys are lowercase"),
            Expected(line: 3, column: 4, message: "has no spaces"),
            Expected(line: 4, column: 1, message: "unexpected character `2`"),
        ]),
        ("duplicate-key.md", .lesson, [
            Expected(line: 3, column: 1, message: "duplicate key `judul`: it is an alias of `title`"),
            Expected(line: 4, column: 1, message: "duplicate key `title`"),
        ]),
        ("unknown-key.md", .lesson, [
            Expected(line: 2, column: 1, message: "unknown key `titel`; did you mean `title`?"),
            Expected(line: 3, column: 1, message: "unknown key `durasii`; did you mean `durasi`?"),
            Expected(line: 4, column: 1, message: "unknown key `warna`"),
        ]),
        ("bad-lesson-values.md", .lesson, [
            Expected(line: 3, column: 11, message: "`sebentar` is not a duration"),
            Expected(line: 4, column: 10, message: "`2026-02-30` is not a date"),
            Expected(line: 5, column: 8, message: "`mungkin` is not a yes/no value"),
            Expected(line: 6, column: 7, message: "empty item in `tags`"),
        ]),
        ("course-missing-summary.md", .course, [
            Expected(line: 1, column: 1, message: "missing required key `summary`"),
            Expected(line: 3, column: 8, message: "`mahir` is not a valid `level`"),
        ]),
    ]

    @Test(arguments: cases)
    func reportsEveryMistakeWithItsPosition(_ name: String, _ schema: Schema, _ expected: [Expected]) throws {
        let doc = FrontMatterParser.parseDocument(try fixture(name), path: name, schema: schema)
        let got = doc.diagnostics.sorted()
        #expect(got.count == expected.count, "\(got.map(DiagnosticRenderer.headline))")
        for (d, e) in zip(got, expected) {
            #expect(d.severity == .error)
            #expect(d.location.path == name)
            #expect(d.location.line == e.line, "\(DiagnosticRenderer.headline(d))")
            #expect(d.location.column == e.column, "\(DiagnosticRenderer.headline(d))")
            #expect(d.message.contains(e.message), "\(d.message)")
        }
    }

    @Test func rendersCompilerStyleHeadline() throws {
        let doc = FrontMatterParser.parseDocument(try fixture("unknown-key.md"), path: "content/a.md", schema: .lesson)
        #expect(DiagnosticRenderer.headline(doc.diagnostics[0]) == "content/a.md:2:1: error: unknown key `titel`; did you mean `title`?")
    }
}

@Suite struct FrontMatterGrammarTests {
    @Test func acceptsBOMCRLFContinuationsCommentsAndEscapedCommas() throws {
        let doc = FrontMatterParser.parseDocument(try fixture("bom-crlf.md"), path: "x.md", schema: .lesson)
        #expect(doc.diagnostics.isEmpty, "\(doc.diagnostics)")
        let fm = doc.frontMatter
        #expect(fm.text("title") == "Dengan BOM: dan CRLF")
        #expect(fm.text("summary") == "Baris pertama berlanjut di sini")
        #expect(fm.minutes("duration") == 90)
        #expect(fm.list("tags") == ["satu, dua", "tiga"])
        #expect(fm.bool("draft") == false)
        #expect(doc.bodyLine == 11)
        #expect(doc.body == "Isi pelajaran.\r\n")
    }

    @Test(arguments: ["no", "off", "1.10", "yes", "2026-01-01", "null", "~"])
    func neverGuessesTypesOfTextKeys(_ value: String) {
        let doc = FrontMatterParser.parseDocument("---\ntitle: \(value)\n---\n", path: "x.md", schema: .lesson)
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.frontMatter.text("title") == value)
    }

    @Test func aliasesMapToCanonicalKeys() {
        let doc = FrontMatterParser.parseDocument(
            "---\njudul: Kursus\nringkasan: R\ntingkat: lanjut\nlabel: a, b\nkompetensi: c\npenulis: d\ndiperbarui: 2024-02-29\nkategori: K\n---\n",
            path: "course.md", schema: .course)
        #expect(doc.diagnostics.isEmpty, "\(doc.diagnostics)")
        #expect(doc.frontMatter.text("title") == "Kursus")
        #expect(doc.frontMatter.text("level") == "lanjut")
        #expect(doc.frontMatter.list("tags") == ["a", "b"])
        #expect(doc.frontMatter.date("updated")?.description == "2024-02-29")
        #expect(doc.frontMatter["title"]?.writtenKey == "judul")
    }

    @Test func fileWithoutFrontMatterIsAllBody() {
        let doc = FrontMatterParser.parseDocument("# Judul\n\nIsi\n", path: "x.md", schema: .lesson)
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.bodyLine == 1)
        #expect(doc.body.hasPrefix("# Judul"))
    }

    @Test func valuesMayContainColons() {
        let doc = FrontMatterParser.parseDocument("---\ntitle: SPBE: Arsitektur 2.0: Ringkasan\n---\n", path: "x.md", schema: .lesson)
        #expect(doc.frontMatter.text("title") == "SPBE: Arsitektur 2.0: Ringkasan")
    }

    @Test func confFilesUseTheSameGrammarWithoutDelimiters() {
        let (fm, diags) = FrontMatterParser.parseConf("title: Latih\nlanguage: en\nbase-url: https://x.go.id/\nraw-html: ya\n", path: "site.conf", schema: .site)
        #expect(diags.isEmpty)
        #expect(fm.text("language") == "en")
        #expect(fm.bool("raw-html") == true)
        let (_, bad) = FrontMatterParser.parseConf("title: L\nlanguage: jv\nbase-url: latih.go.id\n", path: "site.conf", schema: .site)
        #expect(bad.map(\.location.line) == [2, 3])
    }
}

@Suite struct ValueReaderTests {
    @Test(arguments: [
        ("45 menit", 45), ("1 jam 30 menit", 90), ("90m", 90), ("1h30m", 90), ("2 jam", 120), ("1h", 60),
        ("45 min", 45), ("1 hour 30 minutes", 90), ("1 JAM", 60),
    ])
    func readsDurations(_ text: String, _ minutes: Int) {
        #expect(DurationReader.minutes(text) == minutes)
    }

    @Test(arguments: ["", "45", "menit", "0 menit", "30 menit 1 jam", "1 jam 1 jam", "satu jam", "1.5 jam", "45 detik"])
    func rejectsNonDurations(_ text: String) {
        #expect(DurationReader.minutes(text) == nil)
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2026-13-01", false), ("2026-1-01", false), ("26-01-01", false), ("2026-04-31", false)])
    func readsCalendarDaysStrictly(_ text: String, _ valid: Bool) {
        #expect((ValueReader.date(text) != nil) == valid)
    }
}
