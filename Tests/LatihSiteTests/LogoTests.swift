import Foundation
import LatihDiagnostics
import LatihTestSupport
import Testing
@testable import LatihSite

/// The publisher's logo from site.conf: published at the site's root and shown in the
/// header; a logo that is not there, or not an image, is an error at its line in site.conf.
@Suite struct LogoTests {
    func site(conf: String, files: [String: String]) throws -> (content: String, output: String, result: BuildResult) {
        let content = try temporaryFolder() + "/content"
        try FileManager.default.createDirectory(atPath: content + "/courses/a", withIntermediateDirectories: true)
        try conf.write(toFile: content + "/site.conf", atomically: true, encoding: .utf8)
        try "---\ntitle: A\nsummary: S\nlevel: dasar\n---\n".write(toFile: content + "/courses/a/course.md", atomically: true, encoding: .utf8)
        try "---\ntitle: X\n---\n\nIsi.\n".write(toFile: content + "/courses/a/01-x.md", atomically: true, encoding: .utf8)
        for (path, text) in files { try text.write(toFile: content + "/" + path, atomically: true, encoding: .utf8) }
        let output = try temporaryFolder() + "/site"
        let result = SiteBuilder.build(BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: output))
        return (content, output, result)
    }

    @Test func theLogoIsPublishedUnderItsContentsHashAndShownInTheHeader() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>"
        let (content, output, result) = try site(conf: "title: Uji\nlogo: lambang.svg\n", files: ["lambang.svg": svg])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.code != .contentIgnoredFile })
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: output).first { $0.hasPrefix("logo.") })
        #expect(name.wholeMatch(of: /logo\.[0-9a-f]{8}\.svg/) != nil)
        #expect(try String(contentsOfFile: output + "/" + name, encoding: .utf8) == svg)
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(home.contains("<a class=\"brand\" href=\"index.html\"><img class=\"brand-logo\" src=\"\(name)\" alt=\"\" height=\"32\">Uji</a>"))
        let lesson = try String(contentsOfFile: output + "/courses/a/x/index.html", encoding: .utf8)
        #expect(lesson.contains("src=\"../../../\(name)\""))
        // The offline worker caches it with the shell, and a new logo is a new worker.
        let worker = try String(contentsOfFile: output + "/sw.js", encoding: .utf8)
        #expect(worker.contains("\"\(name)\""))
        try (svg + "\n").write(toFile: content + "/lambang.svg", atomically: true, encoding: .utf8)
        let again = SiteBuilder.build(BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: output))
        #expect(!again.diagnostics.hasErrors)
        let renamed = try #require(try FileManager.default.contentsOfDirectory(atPath: output).first { $0.hasPrefix("logo.") })
        #expect(renamed != name)
        let newWorker = try String(contentsOfFile: output + "/sw.js", encoding: .utf8)
        #expect(newWorker.contains("\"\(renamed)\"") && newWorker != worker)
    }

    @Test func withoutALogoTheHeaderHasNone() throws {
        let (_, output, result) = try site(conf: "title: Uji\n", files: [:])
        #expect(!result.diagnostics.hasErrors)
        #expect(!(try String(contentsOfFile: output + "/index.html", encoding: .utf8)).contains("brand-logo"))
    }

    @Test func aMissingOrWrongLogoIsAnErrorAtItsLine() throws {
        let (_, _, missing) = try site(conf: "title: Uji\nlogo: lambang.svg\n", files: ["lambing.svg": "<svg/>"])
        let m = try #require(missing.diagnostics.first { $0.code == .contentLogoInvalid })
        #expect(m.location.line == 2 && m.message == "logo `lambang.svg` is not in the content folder")
        #expect(m.suggestion == "lambing.svg")
        let (_, _, wrong) = try site(conf: "title: Uji\nlogo: lambang.txt\n", files: ["lambang.txt": "x"])
        #expect(wrong.diagnostics.contains { $0.code == .contentLogoInvalid && $0.message.contains("not an SVG, PNG, JPEG or WebP image") })
    }
}
