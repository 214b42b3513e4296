import Testing
@testable import LatihMarkdown

/// Heading ids: the ASCII shortcut must give what GitHub's rule gives, and repeats are numbered.
struct HeadingIDTests {
    @Test func asciiHeadingsGetWhatTheUnicodeRuleGives() {
        // Every printable ASCII byte, and random headings made of them.
        let printable = (0x20...0x7E).map { Character(UnicodeScalar(UInt8($0))) }
        var rng = SystemRandomNumberGenerator()
        var headings = [String(printable), "Langkah 1: Siapkan Data", "A -- B __ c", "  ", "", "e-Learning (v2.0)"]
        for _ in 0..<2000 {
            headings.append(String((0..<Int.random(in: 0...40, using: &rng)).map { _ in printable.randomElement(using: &rng)! }))
        }
        for h in headings {
            #expect(HeadingIDGenerator.slug(h) == HeadingIDGenerator.unicodeSlug(h), "\(h)")
        }
        // A tab or a control byte is dropped, as GitHub drops it.
        #expect(HeadingIDGenerator.slug("Tab\there") == "tabhere")
    }

    @Test func nonASCIIHeadingsTakeTheUnicodeRule() {
        #expect(HeadingIDGenerator.slug("Évaluasi Kinerja") == "évaluasi-kinerja")
        #expect(HeadingIDGenerator.slug("Ringkasan — Bab 2") == "ringkasan--bab-2")
        #expect(HeadingIDGenerator.slug("Ringkasan — Bab 2") == HeadingIDGenerator.unicodeSlug("Ringkasan — Bab 2"))
    }

    @Test func repeatsAreNumbered() {
        var ids = HeadingIDGenerator()
        #expect(ids.id(for: "Latihan") == "latihan")
        #expect(ids.id(for: "Latihan") == "latihan-1")
        #expect(ids.id(for: "Latihan 1") == "latihan-1-1")
        #expect(ids.id(for: "Latihan") == "latihan-2")
    }
}
