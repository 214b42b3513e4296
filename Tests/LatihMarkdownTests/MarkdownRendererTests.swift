import Foundation
import Testing
@testable import LatihMarkdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetGitHubStyleIDs() {
        let r = MarkdownRenderer.render("## Apa itu SPBE?\n\n## Apa itu SPBE?\n\n### Data & Privasi (UU 27/2022)\n")
        #expect(r.headings.map(\.id) == ["apa-itu-spbe", "apa-itu-spbe-1", "data--privasi-uu-272022"])
        #expect(r.html.contains("<h2 id=\"apa-itu-spbe\">\nApa itu SPBE?\n</h2>"))
        #expect(r.html.contains("<h3 id=\"data--privasi-uu-272022\">\nData &amp; Privasi (UU 27/2022)\n</h3>"))
    }

    @Test func leadingLevelOneHeadingBecomesTheTitle() {
        let r = MarkdownRenderer.render("# Mengenali *Phishing*\n\nIsi.\n")
        #expect(r.leadingTitle == "Mengenali Phishing")
        #expect(!r.html.contains("<h1"))
        #expect(r.html.contains("<p>Isi.</p>"))
    }

    @Test func linksReportFilePositionsAndCanBeRewritten() {
        let src = "Teks\n\nLihat [pelajaran](02-kedua.md#ringkasan) dan ![](gambar.png).\n"
        let r = MarkdownRenderer.render(src, options: MarkdownOptions(firstLine: 5)) { ref in
            ref.destination.hasSuffix(".md#ringkasan") ? "../kedua/index.html#ringkasan" : nil
        }
        #expect(r.links.count == 2)
        #expect(r.links[0].destination == "02-kedua.md#ringkasan")
        #expect(r.links[0].line == 7)
        #expect(r.links[0].column == 7)
        #expect(r.links[1].isImage && r.links[1].altText.isEmpty)
        #expect(r.html.contains("href=\"../kedua/index.html#ringkasan\""))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4="])
    func dangerousURLsAreNeutralised(_ url: String) {
        let r = MarkdownRenderer.render("[klik](<\(url)>)", options: MarkdownOptions(rawHTML: true))
        #expect(!r.html.lowercased().contains("script:"))
        #expect(!r.html.contains("data:"))
    }

    @Test func rawHTMLIsOmittedUnlessEnabled() {
        let src = "<div class=\"x\">hai</div>\n\n<script>alert(1)</script>\n"
        let safe = MarkdownRenderer.render(src)
        #expect(!safe.html.contains("<div"))
        #expect(!safe.html.contains("<script"))
        let raw = MarkdownRenderer.render(src, options: MarkdownOptions(rawHTML: true))
        #expect(raw.html.contains("<div class=\"x\">"))
        #expect(!raw.html.contains("<script>"), "tagfilter still disarms script tags")
    }

    /// A wide table scrolls sideways inside a box that takes keyboard focus; tables in a
    /// list item and a quote are wrapped too, and their cells render as before.
    @Test func tablesScrollInAFocusableBox() {
        let table = "| Rumus | Contoh |\n|---|---|\n| SUM | `=SUM(E2:E100)` |\n"
        let r = MarkdownRenderer.render(table + "\n- butir\n\n  " + table.replacingOccurrences(of: "\n", with: "\n  ") + "\n> " + table.replacingOccurrences(of: "\n|", with: "\n> |"))
        #expect(r.html.components(separatedBy: "<div class=\"table-scroll\" tabindex=\"0\">\n<table>").count == 4, "\(r.html)")
        #expect(r.html.components(separatedBy: "</table>\n</div>").count == 4)
        #expect(r.html.contains("<td><code>=SUM(E2:E100)</code></td>"))
    }

    @Test func gfmExtensionsAreOn() {
        let r = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~lama~~ https://jakarta.go.id\n\n- [x] selesai\n\nCatatan[^1].\n\n[^1]: Kaki.\n")
        #expect(r.html.contains("<table>"))
        #expect(r.html.contains("<del>lama</del>"))
        #expect(r.html.contains("<a href=\"https://jakarta.go.id\">"))
        #expect(r.html.contains("checked=\"\""))
        #expect(r.html.contains("footnote"))
    }

    /// cmark-gfm keeps the characters that start an extension's inline syntax (`~`, `|`,
    /// `:`, `w`) in one global table, and each parse adds and then removes them: parsers
    /// on several threads, as the build runs them, used to lose strikethrough and autolinks
    /// at random (seen in CI).
    @Test func extensionsSurviveParallelRendering() async {
        let source = "~~lama~~ di https://jakarta.go.id\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    (0..<400).map { _ in MarkdownRenderer.render(source).html }
                }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        let broken = results.filter { !$0.contains("<del>lama</del>") || !$0.contains("<a href=\"https://jakarta.go.id\">") }
        #expect(broken.count == 0, "\(broken.count) of \(results.count) renders lost an extension: \(broken.first ?? "")")
    }

    @Test func fencedBlocksCanBeReplaced() {
        let r = MarkdownRenderer.render("Awal\n\n```quiz\n? Soal\n```\n", options: MarkdownOptions(firstLine: 3)) { _ in nil } renderBlock: { block in
            block.language == "quiz" ? "<form data-line=\"\(block.contentLine)\"></form>" : nil
        }
        #expect(r.html.contains("<form data-line=\"6\"></form>"))
        #expect(!r.html.contains("<pre"))
    }

    @Test func plainTextCollectsVisibleWords() {
        let r = MarkdownRenderer.render("# Judul\n\nSatu *dua*\ntiga.\n\n- empat\n")
        #expect(r.plainText == "Satu dua tiga.\nempat\n")
    }
}

/// Inputs that `make fuzz` once crashed on, kept so they never do again.
@Suite struct FuzzRegressionTests {
    /// A front-matter block read as Markdown: a thematic break, then a multi-line setext
    /// heading. Freeing the heading before rendering left its moved text pointing at
    /// freed memory (AddressSanitizer: heap-use-after-free in cmark_strbuf_put).
    @Test func setextHeadingAfterThematicBreakRendersItsText() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions/FuzzLinks/setext-heading-after-thematic-break.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for _ in 0..<50 {
            let r = MarkdownRenderer.render(text)
            #expect(r.headings.count == 1)
            #expect(r.html.contains("<h2 id=\"title-kursus---uji-summary-ringkasan"))
            #expect(r.html.contains("updated: 2026-01-02\n</h2>"))
        }
    }
}
