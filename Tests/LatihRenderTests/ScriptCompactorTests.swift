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
        let scripts = try FileManager.default.contentsOfDirectory(atPath: assets.path).filter { $0.hasSuffix(".js") }
        #expect(scripts.count >= 5)
        for name in scripts {
            let source = try String(contentsOf: assets.appendingPathComponent(name), encoding: .utf8)
            let out = try #require(ScriptCompactor.compact(source), "\(name) was left as it is")
            #expect(out.utf8.count < source.utf8.count * 85 / 100, "\(name): \(source.utf8.count) → \(out.utf8.count)")
            #expect(!out.contains("\n\n"))
        }
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
