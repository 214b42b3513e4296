import Testing
@testable import LatihMarkdown

/// Tables too wide for cmark-gfm's quadratic table parser are found before it runs.
@Suite struct TableWidthTests {
    func table(_ columns: Int) -> String {
        let header = "|" + (1...columns).map { "k\($0)" }.joined(separator: "|") + "|"
        let rule = "|" + Array(repeating: ":--", count: columns).joined(separator: "|") + "|"
        return header + "\n" + rule + "\n"
    }

    @Test func aTableAtTheLimitPassesAndOneColumnMoreIsFound() {
        #expect(TableWidth.firstTooWide("# Judul\n\n" + table(100)) == nil)
        let found = TableWidth.firstTooWide("# Judul\n\n" + table(101), firstLine: 5)
        #expect(found?.line == 8 && found?.columns == 101)
    }

    @Test func delimiterRowsWithoutOuterPipesAndAlignmentCount() {
        #expect(TableWidth.delimiterColumns("--- | :-: | --:") == 3)
        #expect(TableWidth.delimiterColumns("| --- |") == 1)
        #expect(TableWidth.delimiterColumns("---") == nil, "a thematic break is not a table")
        #expect(TableWidth.delimiterColumns("| a | b |") == nil)
        #expect(TableWidth.delimiterColumns("| : |") == nil)
    }

    @Test func fencedCodeIsNotATable() {
        #expect(TableWidth.firstTooWide("```\n" + table(200) + "```\n") == nil)
        #expect(TableWidth.firstTooWide("~~~~\n```\n" + table(200) + "~~~~\n" + table(150))?.columns == 150)
    }

    /// Finding a 5,000-column table costs what reading its lines does: cmark-gfm alone
    /// takes over ten seconds on it, and the build never hands it over.
    @Test func aFiveThousandColumnTableIsFound() {
        let wide = String(repeating: table(5_000), count: 1)
        #expect(TableWidth.firstTooWide(wide)?.columns == 5_000)
    }
}
