import Testing
@testable import LatihMarkdown

/// The shortcut for plain snippets must give what cmark-gfm gives, or step aside.
struct PlainParagraphTests {
    /// Letters, digits, the punctuation the shortcut accepts, spaces, characters beyond
    /// ASCII (symbols, a no-break space, an emoji, a combining accent), and some of what it
    /// must refuse, so that random snippets fall on both sides.
    static let alphabet: [String] = Array("abcxyzABCXYZ0159 ,.;?'\"()/%-+=").map(String.init)
        + ["é", "ü", "—", "“", "”", "•", "中", "\u{00A0}", "🙂", "e\u{0301}", "www.", "WWW.", "1.", "- ", "# "]
        + ["*", "_", "`", "[", "]", "<", ">", "&", "!", "\\", "#", "|", "~", ":", "@", "\t", "\n", "\r"]

    static func same(_ s: String) -> Bool {
        let fast = MarkdownRenderer.render(s), slow = MarkdownRenderer.parsed(s)
        return fast.html == slow.html && fast.plainText == slow.plainText && fast.leadingTitle == slow.leadingTitle
            && fast.headings.isEmpty == slow.headings.isEmpty && fast.links.isEmpty == slow.links.isEmpty
    }

    @Test func randomSnippetsRenderAsCmarkGFMRendersThem() {
        var rng = SystemRandomNumberGenerator()
        var plain = 0
        for _ in 0..<5000 {
            let n = Int.random(in: 1...24, using: &rng)
            let s = (0..<n).map { _ in Self.alphabet.randomElement(using: &rng)! }.joined()
            if PlainParagraph.render(s) != nil { plain += 1 }
            #expect(Self.same(s), "\(s.debugDescription)")
        }
        // Both sides were exercised.
        #expect(plain > 100)
        #expect(plain < 4900)
    }

    @Test func quizOptionsAndTheirNearMisses() {
        let cases = [
            "Benar", "Salah", "Laporan bulanan (Rp 5.000.000)", "Ya, \"selalu\" begitu.", "e-Learning", "50%",
            "Kunjungi www.jakarta.go.id", "Lihat WWW.contoh.id", "1. Pertama", "A) pilihan", "Rp 1.000", "Pilih:",
            "Tanda  dua spasi", "Akhir spasi ", " Awal spasi", "Émile", "“Kutip”", "Baris\nbaru", "Tab\tdi",
            "kata+kata=dua", "a/b", "budi@contoh.id", "x_y", "Harga < 5",
        ]
        for s in cases { #expect(Self.same(s), "\(s.debugDescription)") }
        #expect(PlainParagraph.render("Benar")?.html == "<p>Benar</p>\n")
        #expect(PlainParagraph.render("Kunjungi www.jakarta.go.id") == nil)
        #expect(PlainParagraph.render("1. Pertama") == nil)
    }
}
