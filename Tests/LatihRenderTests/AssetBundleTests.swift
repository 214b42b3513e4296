import Foundation
import LatihTestSupport
import Testing
@testable import LatihRender

/// Scripts joined from modules: the default theme's search engine.
@Suite struct AssetBundleTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    static func copyOfTheme() throws -> String {
        let dir = try temporaryFolder() + "/templates"
        try FileManager.default.copyItem(atPath: templates.path, toPath: dir)
        return dir
    }

    @Test func aBundleIsPublishedAsOneScriptOfItsPartsInOrder() throws {
        let dir = try Self.copyOfTheme()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (theme, diags) = Theme.load(from: dir, language: "id")
        #expect(diags.filter { $0.severity == .error }.isEmpty, "\(diags)")
        let assets = Dictionary(uniqueKeysWithValues: try #require(theme).assets.map { ($0.path, $0.data) })
        let joined = String(decoding: try #require(assets["latih-search.js"]), as: UTF8.self)
        #expect(assets["latih-search.bundle"] == nil, "the list itself is not published")
        #expect(!assets.keys.contains { $0.hasPrefix("search/") }, "parts are published only inside the bundle")
        let bundle = AssetBundle.parse(try String(contentsOfFile: dir + "/assets/latih-search.bundle", encoding: .utf8),
                                       rel: "latih-search.bundle")
        #expect(bundle.parts.count >= 8)
        var expected = ""
        for part in bundle.parts {
            let source = try String(contentsOfFile: dir + "/assets/" + part.path, encoding: .utf8)
            expected += try #require(ScriptCompactor.compact(source))
            if !expected.hasSuffix("\n") { expected += "\n" }
        }
        #expect(joined == expected)
    }

    @Test func aMissingPartIsAnErrorAtItsLine() throws {
        let dir = try Self.copyOfTheme()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/assets/latih-search.bundle"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "search/tidak-ada.js\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (_, diags) = Theme.load(from: dir, language: "id")
        let errors = diags.filter { $0.severity == .error }
        let atBundle = errors.filter { $0.location.path == path }
        #expect(atBundle.count == 1, "\(errors.map { "\($0.location.path): \($0.message)" }) vs \(path)")
        #expect(atBundle.first?.location.line == lines)
        #expect(atBundle.first?.message.contains("search/tidak-ada.js") == true)
        // The script is then not published, and the templates that name it say so too.
        #expect(errors.count > 1 && errors.allSatisfy { $0.location.path == path || $0.message.contains("latih-search") },
                "\(errors.map(\.message))")
    }
}
