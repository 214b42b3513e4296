import Foundation
import LatihDiagnostics
import LatihRender
import LatihTestSupport
import Testing
import ZIPFoundation
@testable import LatihSite
@testable import LatihLMS

let repoRoot = Repository.root
let fixtureContent = repoRoot + "/Tests/LatihLMSTests/Fixtures/lms/content"
let goldenFolder = repoRoot + "/Tests/LatihLMSTests/Fixtures/golden"


func package(_ formats: [LMSFormat], content: String = fixtureContent, courses: [String] = ["dasar-lms"],
             into output: String) -> PackageResult {
    let build = BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: "", write: false)
    return PackageWriter.write(PackageOptions(build: build, formats: formats, courses: courses, outputDir: output))
}

/// Every entry of a zip, by path, as an LMS unpacking it would read them.
func entries(_ zip: String) throws -> [String: Data] {
    let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
    var out: [String: Data] = [:]
    for entry in archive {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        out[entry.path] = data
    }
    return out
}

func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

@Suite struct PackageWriterTests {
    @Test func manifestsMatchGoldenFiles() throws {
        let out = try temporaryFolder()
        let result = package([.scorm12, .cmi5], into: out)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.written == [out + "/dasar-lms-scorm12.zip", out + "/dasar-lms-cmi5.zip"])
        for (zip, name) in [("dasar-lms-scorm12.zip", "imsmanifest.xml"), ("dasar-lms-cmi5.zip", "cmi5.xml")] {
            let made = try entries(out + "/" + zip)[name]
            let golden = goldenFolder + "/" + name
            if ProcessInfo.processInfo.environment["LATIH_RECORD"] != nil {
                try #require(made).write(to: URL(fileURLWithPath: golden))
            }
            #expect(text(made) == text(FileManager.default.contents(atPath: golden)), "\(name) differs from \(golden)")
        }
    }

    @Test func packagesAreByteForByteTheSameEachTime() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        _ = package([.scorm12, .cmi5], into: a)
        #expect(package([.scorm12, .cmi5], into: b).succeeded)
        // Again into the same folder: the zips are replaced.
        let again = package([.scorm12, .cmi5], into: b)
        #expect(again.succeeded, "\(again.diagnostics)")
        for name in ["dasar-lms-scorm12.zip", "dasar-lms-cmi5.zip"] {
            let x = try #require(FileManager.default.contents(atPath: a + "/" + name))
            #expect(x == FileManager.default.contents(atPath: b + "/" + name))
        }
    }

    @Test func aPackageHoldsTheCoursePagesTheirFilesAndNothingOfTheSiteAlone() throws {
        let out = try temporaryFolder()
        _ = package([.scorm12], into: out)
        let files = try entries(out + "/dasar-lms-scorm12.zip")
        let paths = Set(files.keys)
        for page in ["courses/dasar-lms/index.html", "courses/dasar-lms/bacaan/index.html",
                     "courses/dasar-lms/kuis/index.html", "courses/dasar-lms/penutup/index.html",
                     "courses/dasar-lms/01-mulai/bagan.svg"] where !paths.contains(page) {
            Issue.record("missing \(page); the zip holds \(paths.sorted())")
        }
        for schema in ScormManifest.schemas { #expect(paths.contains(schema)) }
        #expect(!paths.contains { $0.hasPrefix("courses/lain/") || $0.hasPrefix("search/") || $0 == "index.html" })
        // Not the site's own scripts: its pages' (with the offline worker), search, the report.
        #expect(!paths.contains { ($0.hasPrefix("assets/latih.") && $0.hasSuffix(".js")) || $0.contains("latih-search.")
                                  || $0.contains("latih-report.") || $0.contains("latih-verify.") || $0 == "sw.js" })
        #expect(paths.contains { $0.hasPrefix("assets/latih-lms.") })
        // Every page is in LMS mode and links only to what the zip holds, or out in a new window.
        for (path, data) in files where path.hasSuffix(".html") {
            let html = text(data)
            #expect(html.contains("data-lms=\"scorm12\""), "\(path) is not in LMS mode")
            #expect(!html.contains("class=\"site-nav\""), "\(path) has the site's navigation")
            for href in hrefs(html) {
                if href.hasPrefix("https://") || href.hasPrefix("#") { continue }
                let target = try #require(PackageLinks.target(of: href, from: path), "\(path): \(href)")
                #expect(paths.contains(target), "\(path) links to \(href), which the package does not hold")
            }
        }
        let closing = text(files["courses/dasar-lms/penutup/index.html"])
        #expect(closing.contains("href=\"https://latih.uji.example/courses/lain/index.html\" target=\"_blank\" rel=\"noopener\" data-outside-course aria-describedby=\"luar-kursus\""))
        let reading = text(files["courses/dasar-lms/bacaan/index.html"])
        #expect(reading.contains("href=\"https://example.org/panduan\" target=\"_blank\" rel=\"noopener\" aria-describedby=\"luar-kursus\""))
    }

    @Test func withoutABaseURLALinkOutOfTheCourseIsNoLongerALink() throws {
        let content = try temporaryFolder() + "/content"
        try FileManager.default.copyItem(atPath: fixtureContent, toPath: content)
        let conf = content + "/site.conf"
        let lines = try String(contentsOfFile: conf, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("base-url") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: conf, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        let result = package([.cmi5], content: content, into: out)
        let warning = try #require(result.diagnostics.first { $0.severity == .warning })
        #expect(warning.location == SourceLocation(path: content + "/courses/dasar-lms/03-penutup.md", line: 6, column: 21))
        #expect(warning.hint?.contains("set `base-url`") == true)
        let page = text(try entries(out + "/dasar-lms-cmi5.zip")["courses/dasar-lms/penutup/index.html"])
        #expect(page.contains("<a data-outside-course aria-describedby=\"luar-paket\">Kursus Lain</a>"))
        // Without a base-url, ids are stable urn: names.
        #expect(text(try entries(out + "/dasar-lms-cmi5.zip")["cmi5.xml"]).contains("id=\"urn:latih:lesson:dasar-lms:kuis\""))
    }

    @Test func anUnknownCourseAndATitleTooLongAreErrorsAndNothingIsWritten() throws {
        let content = try temporaryFolder() + "/content"
        try FileManager.default.copyItem(atPath: fixtureContent, toPath: content)
        let lesson = content + "/courses/dasar-lms/03-penutup.md"
        let long = String(repeating: "Judul panjang ", count: 16)
        let old = try String(contentsOfFile: lesson, encoding: .utf8)
        try old.replacingOccurrences(of: "title: Penutup", with: "title: " + long).write(toFile: lesson, atomically: true, encoding: .utf8)
        let out = try temporaryFolder()
        let result = package([.scorm12], content: content, courses: ["dasar-lms", "dasar-lsm"], into: out)
        #expect(!result.succeeded)
        #expect(result.written.isEmpty)
        #expect((try FileManager.default.contentsOfDirectory(atPath: out)).isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message == "no course `dasar-lsm`" && $0.hint == "did you mean `dasar-lms`?" })
        #expect(errors.contains { $0.location == SourceLocation(path: lesson, line: 2, column: 8) && $0.code == .lmsTitleTooLong && $0.message.contains("(200)") })
    }

    @Test func aFailedRunLeavesThePreviousPackage() throws {
        let content = try temporaryFolder() + "/content"
        try FileManager.default.copyItem(atPath: fixtureContent, toPath: content)
        let out = try temporaryFolder()
        _ = package([.scorm12], content: content, into: out)
        let before = FileManager.default.contents(atPath: out + "/dasar-lms-scorm12.zip")
        try "---\ntitle: [rusak\n---\n".write(toFile: content + "/courses/dasar-lms/03-penutup.md", atomically: true, encoding: .utf8)
        try "---\nduration: sebentar\n---\n".write(toFile: content + "/courses/dasar-lms/01-mulai/01-bacaan.md", atomically: true, encoding: .utf8)
        let result = package([.scorm12], content: content, into: out)
        #expect(!result.succeeded)
        #expect(FileManager.default.contents(atPath: out + "/dasar-lms-scorm12.zip") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["dasar-lms-scorm12.zip"])
    }

    @Test func masteryScoresAndDecimals() {
        #expect(Cmi5Manifest.decimal(70) == "0.7")
        #expect(Cmi5Manifest.decimal(85) == "0.85")
        #expect(Cmi5Manifest.decimal(5) == "0.05")
        #expect(Cmi5Manifest.decimal(100) == "1")
        #expect(Cmi5Manifest.decimal(0) == "0")
        let lesson = { (marks: [Int]) in CourseForLMS.Lesson(id: "c/l", slug: "l", title: "L", summary: "", href: "x", minutes: 0, passMarks: marks) }
        #expect(ScormManifest.mastery(lesson([70, 70])) == 70)
        #expect(ScormManifest.mastery(lesson([70, 80])) == nil)
        #expect(ScormManifest.mastery(lesson([])) == nil)
        #expect(XMLText.identifier("item", "dasar", "01-a/b") == "item_dasar_01-a-b")
        #expect(XMLText.identifier("01") == "_01")
        #expect(XMLText.escape("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }
}

/// The values of every `href` attribute in `html`.
func hrefs(_ html: String) -> [String] {
    var out: [String] = []
    var rest = Substring(html)
    while let r = rest.range(of: " href=\"") {
        let after = rest[r.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        out.append(String(after[..<end]))
        rest = after[end...]
    }
    return out
}

@Suite struct PackageOutputPlace {
    /// Packages are refused where the build would publish them or where the theme is, as
    /// every folder Latih writes is (OutputFolder's place refusals).
    @Test(arguments: ["content", "templates", "root"])
    func isRefusedOverOrInsideTheSources(_ which: String) throws {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: fixtureContent, toPath: dir + "/content")
        let output = which == "content" ? dir + "/content/files/paket" : which == "templates" ? repoRoot + "/templates/paket" : "/"
        let result = package([.scorm12], content: dir + "/content", into: output)
        #expect(result.diagnostics.map(\.code) == [.outputRefused])
        #expect(result.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output + "/dasar-lms-scorm12.zip"))
    }
}
