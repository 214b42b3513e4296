import Foundation
import LatihDiagnostics
import LatihTestSupport
import Testing

@Suite struct DiagnosticCodes {
    /// The codes `docs/diagnostics.md` lists, in its order: the first cell of its tables.
    static let documented: [String] = {
        let text = (try? String(contentsOfFile: Repository.root + "/docs/diagnostics.md", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
    }()

    @Test func everyCodeIsDocumentedInItsOrderAndNoOtherIs() {
        #expect(DiagnosticCode.all.count >= 100)
        #expect(Self.documented == DiagnosticCode.all.map(\.rawValue))
    }

    @Test func codesAreUniqueAndReadAsAreaDotWhat() {
        let raw = DiagnosticCode.all.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        let shape = /^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/
        #expect(raw.filter { $0.wholeMatch(of: shape) == nil } == [])
    }
}

@Suite struct DiagnosticOutput {
    static let duplicate = Diagnostic.error(
        .frontMatterDuplicateKey, SourceLocation(path: "content/a.md", line: 4, column: 1), "duplicate key `title`",
        hint: "`title` is already set on line 2; keep one of them",
        notes: [DiagnosticNote(SourceLocation(path: "content/a.md", line: 2, column: 1), "`title` is set here")])
    static let unknown = Diagnostic.error(
        .frontMatterUnknownKey, SourceLocation(path: "content/a.md", line: 3, column: 1), "unknown key `titel`; did you mean `title`?",
        suggestion: "title")

    @Test func textEndsTheHeadlineWithTheCodeAndShowsEachNote() {
        let renderer = DiagnosticRenderer(sourceLine: { _, line in line == 4 ? "title: Lagi" : nil })
        #expect(renderer.render(Self.duplicate) == """
            content/a.md:4:1: error: duplicate key `title` [front-matter.duplicate-key]
                title: Lagi
                ^
                hint: `title` is already set on line 2; keep one of them
                note: content/a.md:2:1: `title` is set here

            """)
        // The headline alone, as progress lines and tests use it, has no code.
        #expect(DiagnosticRenderer.headline(Self.duplicate) == "content/a.md:4:1: error: duplicate key `title`")
    }

    @Test func jsonCarriesCodeSuggestionAndNotesAndLeavesOutWhatIsEmpty() throws {
        let text = DiagnosticJSON.encode([Self.duplicate, Self.unknown])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        // Sorted by place: line 3 before line 4.
        #expect(items.map { $0["code"] as? String } == ["front-matter.unknown-key", "front-matter.duplicate-key"])
        #expect(items[0]["suggestion"] as? String == "title")
        #expect(items[0]["notes"] == nil && items[0]["hint"] == nil)
        let notes = try #require(items[1]["notes"] as? [[String: Any]])
        #expect(notes.count == 1 && notes[0]["line"] as? Int == 2 && notes[0]["message"] as? String == "`title` is set here")
        #expect(DiagnosticJSON.encode([]) == "[\n\n]")
    }
}
