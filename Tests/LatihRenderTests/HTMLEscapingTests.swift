import Mustache
import Testing
import LatihMarkdown
@testable import LatihRender

/// `HTMLEscaping` must render exactly what swift-mustache's own HTML escaping renders.
@Suite struct HTMLEscapingTests {
    /// The same value through the library's default escaping and through ours.
    func both(_ value: String) throws -> (library: String, ours: String) {
        _ = HTMLEscaping.registered
        let library = try MustacheTemplate(string: "{{v}}").render(["v": value])
        let ours = try MustacheTemplate(string: HTMLEscaping.pragma + "{{v}}").render(["v": value])
        return (library, ours)
    }

    @Test(arguments: [
        "", "plain text", "<script>alert('x')</script>", "a & b", "\"quoted\"", "it's",
        "Pelindungan Data › Modul 2 · 30 menit", "emoji 🧑🏽‍💻 < done", "&amp; already", "é\u{301}<", ">>>",
    ])
    func rendersWhatTheLibraryRenders(_ value: String) throws {
        let (library, ours) = try both(value)
        #expect(ours == library)
    }

    @Test func matchesTheLibraryOnRandomText() throws {
        // Deterministic pseudo-random strings over the five escaped characters, ASCII
        // letters and multi-byte characters.
        let alphabet = Array("<>&\"'ab \n→é🙂\u{301}")
        var seed: UInt64 = 42
        for _ in 0..<500 {
            var s = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for i in 0..<Int(seed >> 59) {
                s.append(alphabet[Int((seed >> UInt64(i % 50)) % UInt64(alphabet.count))])
            }
            let (library, ours) = try both(s)
            #expect(ours == library, "\(s.debugDescription)")
        }
    }

    @Test func returnsTextWithNothingToEscapeUnchanged() {
        #expect(HTML.escape("Keamanan Siber") == "Keamanan Siber")
        #expect(HTML.escape("a<b") == "a&lt;b")
    }
}
