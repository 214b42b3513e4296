import Foundation
import Testing
@testable import LatihRender

/// The theme's scripts lose their comments, and nothing else, on the way to the site.
@Suite struct ScriptCompactorTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: here.appendingPathComponent(path), encoding: .utf8)
    }

    /// Comments in strings, template literals (and their `${…}`), regular expressions after
    /// `return`, `typeof`, `if (…)` and operators, divisions after `)`, `]` and `a++`.
    /// Record with LATIH_RECORD=1.
    @Test func compactsTrickyScriptAsTheGoldenFileSays() throws {
        let out = try #require(ScriptCompactor.compact(try Self.read("Fixtures/scripts/tricky.js")))
        let golden = Self.here.appendingPathComponent("Fixtures/scripts/tricky.compact.js")
        if ProcessInfo.processInfo.environment["LATIH_RECORD"] != nil {
            try out.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(out == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(ScriptCompactor.compact(out) == out, "compacting twice changes nothing")
    }

    @Test func everyScriptOfTheDefaultThemeCompactsAndShrinks() throws {
        let assets = Self.here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/assets")
        // Every script the theme joins into its bundles: the page scripts and the search engine.
        let scripts = (FileManager.default.subpaths(atPath: assets.path) ?? []).filter { $0.hasSuffix(".js") }.sorted()
        #expect(scripts.count >= 15)
        var before = 0, after = 0
        for name in scripts {
            let source = try String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)
            let out = try #require(ScriptCompactor.compact(source), "\(name) was left as it is")
            #expect(out.utf8.count < source.utf8.count, "\(name): \(source.utf8.count) → \(out.utf8.count)")
            #expect(!out.contains("\n\n"))
            (before, after) = (before + source.utf8.count, after + out.utf8.count)
        }
        // Each file shrinks by what it says in comments; the theme's scripts, by a good part.
        #expect(after < before * 80 / 100, "\(before) → \(after)")
    }

    @Test(arguments: [
        "var s = \"unterminated\nvar t = 1;",
        "var s = 'a' + /unterminated\n;",
        "var x = 1; /* never closed",
        "var \\u0061 = 1;",
        "var t = `never closed",
    ])
    func whatItCannotReadIsLeftAsItIs(_ source: String) {
        #expect(ScriptCompactor.compact(source) == nil)
    }
}
