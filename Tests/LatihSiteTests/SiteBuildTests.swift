import Foundation
import LatihDiagnostics
import LatihTestSupport
import Testing
import LatihOutput
@testable import LatihSite
import LatihCLI

let repoRoot = Repository.root
let fixtures = repoRoot + "/Tests/LatihSiteTests/Fixtures"

/// Every file under `dir` with its bytes, by relative path.
func snapshot(_ dir: String) -> [String: Data] {
    var out: [String: Data] = [:]
    for rel in FileManager.default.subpaths(atPath: dir) ?? [] {
        var isDir: ObjCBool = false
        let full = dir + "/" + rel
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
            out[rel] = FileManager.default.contents(atPath: full)
        }
    }
    return out
}

@Suite(.serialized) struct SiteBuildTests {
    @Test func buildsTheSampleCatalogue() throws {
        let out = try temporaryFolder() + "/site"
        let result = SiteBuilder.build(BuildOptions(contentDir: repoRoot + "/content", templatesDir: repoRoot + "/templates", outputDir: out))
        #expect(result.succeeded, "\(result.diagnostics.map(DiagnosticRenderer.headline))")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(DiagnosticRenderer.headline))")
        let files = snapshot(out)
        #expect(files["index.html"] != nil)
        #expect(files["courses/keamanan-siber/index.html"] != nil)
        #expect(files["courses/keamanan-siber/mengenali-phishing/index.html"] != nil)
        #expect(files["courses/literasi-digital/empat-pilar.svg"] != nil)
        #expect(files["paths/index.html"] != nil && files["tentang/index.html"] != nil)
        #expect(files["404.html"] != nil && files["sitemap.xml"] != nil)
        #expect(files.keys.contains { $0.hasPrefix("assets/latih.") && $0.hasSuffix(".css") })
        let lessons = files.keys.filter { $0.hasPrefix("courses/") && $0.split(separator: "/").count == 4 }
        #expect(lessons.count >= 24)
    }

    @Test func buildsAreByteForByteDeterministic() throws {
        let a = try temporaryFolder() + "/site", b = try temporaryFolder() + "/site"
        for out in [a, b] {
            let r = SiteBuilder.build(BuildOptions(contentDir: repoRoot + "/content", templatesDir: repoRoot + "/templates", outputDir: out))
            #expect(r.succeeded)
        }
        #expect(snapshot(a) == snapshot(b))
    }

    /// Golden files: the minimal fixture site's pages, byte for byte.
    /// Run with `LATIH_RECORD=1` to write them anew after an intended change.
    @Test func matchesGoldenFiles() throws {
        let out = try temporaryFolder() + "/site"
        let result = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content",
                                                    templatesDir: repoRoot + "/templates", outputDir: out))
        #expect(result.succeeded, "\(result.diagnostics.map(DiagnosticRenderer.headline))")
        let golden = fixtures + "/golden/minimal"
        // Asset names carry content hashes; they are masked so that a CSS or JS edit does
        // not rewrite every golden page. That each named asset exists is checked here instead.
        let all = snapshot(out)
        var files: [String: Data] = [:]
        for (path, data) in all where !path.hasPrefix("assets/") && path != ".latih-site" {
            let text = String(decoding: data, as: UTF8.self)
            for name in assetNames(in: text) {
                #expect(all["assets/" + name] != nil, "\(path) names assets/\(name), which was not written")
            }
            files[path] = Data(maskAssetHashes(text).utf8)
        }
        if ProcessInfo.processInfo.environment["LATIH_RECORD"] != nil {
            try? FileManager.default.removeItem(atPath: golden)
            for (path, data) in files {
                let url = URL(fileURLWithPath: golden + "/" + path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = snapshot(golden)
        #expect(Set(files.keys) == Set(expected.keys))
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(files[path] == data, "\(path) differs from its golden file; rerun with LATIH_RECORD=1 if the change is intended")
        }
    }

    /// `assets/latih.3f2a9c1b.css` → `latih.3f2a9c1b.css`, for every asset a page names.
    func assetNames(in html: String) -> [String] {
        html.components(separatedBy: "assets/").dropFirst().compactMap { rest in
            rest.split(separator: "\"").first.map(String.init)
        }
    }

    func maskAssetHashes(_ html: String) -> String {
        var out = html
        for name in Set(assetNames(in: html)) {
            let parts = name.split(separator: ".")
            guard parts.count >= 3 else { continue }
            out = out.replacingOccurrences(of: name, with: "\(parts[0]).HASH.\(parts.last!)")
        }
        return out
    }

    @Test func escapesFrontMatterInPages() throws {
        let out = try temporaryFolder() + "/site"
        _ = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content", templatesDir: repoRoot + "/templates", outputDir: out))
        let course = try String(contentsOfFile: out + "/courses/dasar/index.html", encoding: .utf8)
        #expect(course.contains("Kursus &lt;Dasar&gt; &amp; &quot;Uji&quot;"))
        #expect(!course.contains("<script>alert(1)</script>"))
        let lesson = try String(contentsOfFile: out + "/courses/dasar/pertama/index.html", encoding: .utf8)
        #expect(lesson.contains("href=\"../kedua/index.html#bagian-dua\""))
        #expect(lesson.contains("href=\"../index.html#modul-modul\""))
        #expect(lesson.contains("src=\"../gambar.svg\""))
    }

    static let invalidCases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures + "/invalid")) ?? []).sorted()
    }()

    /// The cases above come from a folder listing, which would silently give none if the
    /// folder moved: there must be as many as the fixtures hold.
    @Test func everyInvalidFixtureIsACase() {
        #expect(Self.invalidCases.count >= 50, "\(Self.invalidCases.count) invalid-site fixtures found")
    }

    /// Each invalid site fails with exactly the errors in its `expected.txt` (each error's
    /// place and code; re-recorded with `LATIH_RECORD=1`),
    /// and leaves the previous site byte-identical.
    @Test(arguments: invalidCases)
    func invalidSiteFailsAndKeepsThePreviousSite(_ name: String) throws {
        let dir = fixtures + "/invalid/" + name
        let out = try temporaryFolder() + "/site"
        let good = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content", templatesDir: repoRoot + "/templates", outputDir: out))
        #expect(good.succeeded)
        let before = snapshot(out)

        // A case may override theme files: the real theme is copied and its files replaced.
        var templates = repoRoot + "/templates"
        let fm = FileManager.default
        if fm.fileExists(atPath: dir + "/templates-override") || fm.fileExists(atPath: dir + "/templates-remove") {
            templates = try temporaryFolder() + "/templates"
            try FileManager.default.copyItem(atPath: repoRoot + "/templates", toPath: templates)
            for name in (try? fm.contentsOfDirectory(atPath: dir + "/templates-override")) ?? [] {
                try fm.removeItem(atPath: templates + "/" + name)
                try fm.copyItem(atPath: dir + "/templates-override/" + name, toPath: templates + "/" + name)
            }
            let removals = (try? String(contentsOfFile: dir + "/templates-remove", encoding: .utf8)) ?? ""
            for name in removals.split(separator: "\n") {
                try fm.removeItem(atPath: templates + "/" + name)
            }
        }
        let result = SiteBuilder.build(BuildOptions(contentDir: dir + "/content", templatesDir: templates, outputDir: out))
        #expect(!result.succeeded)
        // Each error as its place and its code: `content/courses/a/01-x.md:5:1: link.missing-anchor`.
        let got = result.diagnostics.filter { $0.severity == .error }.map {
            "\(DiagnosticRenderer.position($0.location)): \($0.code)".replacingOccurrences(of: dir + "/", with: "")
                .replacingOccurrences(of: templates + "/", with: "templates/")
        }
        if ProcessInfo.processInfo.environment["LATIH_RECORD"] != nil {
            try (got.joined(separator: "\n") + "\n").write(toFile: dir + "/expected.txt", atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: dir + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(got == expected)
        #expect(snapshot(out) == before, "a failed build must leave the previous site untouched")
        // Nor does it leave its staging folder behind.
        #expect(try fm.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["site"])

        // The command line says the same with its exit code, and still leaves the site alone.
        let code = Latih.run(arguments: ["build", "--content", dir + "/content", "--templates", templates, "--output", out])
        #expect(code == 1)
        #expect(snapshot(out) == before)
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let dir = try temporaryFolder()
        try "penting".write(toFile: dir + "/catatan.txt", atomically: true, encoding: .utf8)
        let result = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content", templatesDir: repoRoot + "/templates", outputDir: dir))
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.outputNotLatih])
        #expect(FileManager.default.contents(atPath: dir + "/catatan.txt") == Data("penting".utf8))
    }

    @Test(arguments: ["/", "HOME", "TEMPLATES", "CONTENT", "INSIDE-CONTENT"])
    func refusesDangerousOutputFolders(_ which: String) throws {
        let content = fixtures + "/valid/minimal/content"
        let output: String
        switch which {
        case "HOME": output = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        case "TEMPLATES": output = repoRoot + "/templates"
        case "CONTENT": output = content
        case "INSIDE-CONTENT": output = content + "/site"
        default: output = which
        }
        let result = SiteBuilder.build(BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: output))
        #expect(!result.succeeded)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].code == .outputRefused, "\(result.diagnostics[0].message)")
        #expect(!FileManager.default.fileExists(atPath: content + "/site"))
    }

    @Test func refusesOutputThatContainsTheContent() throws {
        let result = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content", templatesDir: repoRoot + "/templates",
                                                    outputDir: fixtures + "/valid/minimal"))
        #expect(result.diagnostics.map(\.code) == [.outputRefused])
    }

    @Test func removesStagingLeftByDeadBuildsOnly() throws {
        let dir = try temporaryFolder()
        let dead = dir + "/site.tmp-2147483646", live = dir + "/site.tmp-1"
        for stale in [dead, live] {
            try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
            try "x".write(toFile: stale + "/" + OutputKind.site.marker, atomically: true, encoding: .utf8)
        }
        let result = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/valid/minimal/content", templatesDir: repoRoot + "/templates", outputDir: dir + "/site"))
        #expect(result.succeeded)
        #expect(!FileManager.default.fileExists(atPath: dead), "an interrupted build's staging folder is cleaned up")
        #expect(FileManager.default.fileExists(atPath: live), "a folder of a process that is still running is left alone")
    }
}
