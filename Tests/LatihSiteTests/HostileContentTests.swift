import Foundation
import LatihDiagnostics
import LatihTestSupport
import Testing
@testable import LatihContent
@testable import LatihSite

/// Content that cannot live in the fixture corpus as plain files: links, very large
/// inputs and unwritable places, made at test time.
@Suite(.serialized) struct HostileContentTests {
    /// A one-course site in a fresh folder; returns its content folder.
    func makeSite(lesson: String = "---\ntitle: X\n---\n\nIsi.\n") throws -> String {
        let root = try temporaryFolder() + "/content"
        try FileManager.default.createDirectory(atPath: root + "/courses/a", withIntermediateDirectories: true)
        try "title: Uji\n".write(toFile: root + "/site.conf", atomically: true, encoding: .utf8)
        try "---\ntitle: A\nsummary: S\nlevel: dasar\n---\n".write(toFile: root + "/courses/a/course.md", atomically: true, encoding: .utf8)
        try lesson.write(toFile: root + "/courses/a/01-x.md", atomically: true, encoding: .utf8)
        return root
    }

    func build(_ content: String, output: String? = nil) throws -> BuildResult {
        SiteBuilder.build(BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates",
                                       outputDir: try output ?? (temporaryFolder() + "/site")))
    }

    func headlines(_ r: BuildResult, _ content: String) -> [String] {
        r.diagnostics.filter { $0.severity == .error }.map {
            DiagnosticRenderer.headline($0).replacingOccurrences(of: content + "/", with: "")
        }
    }

    @Test func symlinkLoopIsReported() throws {
        let content = try makeSite()
        try FileManager.default.createSymbolicLink(atPath: content + "/courses/a/loop", withDestinationPath: "..")
        let r = try build(content)
        #expect(headlines(r, content) == ["courses/a/loop: error: is a symbolic link loop"])
    }

    @Test func symlinkOutsideContentIsRefused() throws {
        let content = try makeSite()
        let outside = try temporaryFolder() + "/rahasia.md"
        try "---\ntitle: Rahasia\n---\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content + "/courses/a/02-rahasia.md", withDestinationPath: outside)
        let r = try build(content)
        #expect(headlines(r, content) == ["courses/a/02-rahasia.md: error: symbolic link points outside the content folder; refused"])
    }

    @Test func danglingSymlinkIsReported() throws {
        let content = try makeSite()
        try FileManager.default.createSymbolicLink(atPath: content + "/courses/a/02-hilang.md", withDestinationPath: "tidak-ada.md")
        #expect(headlines(try build(content), content) == ["courses/a/02-hilang.md: error: is a symbolic link to nothing"])
    }

    @Test func unreadableFileIsReported() throws {
        // root reads every file whatever its mode, so this case can only be checked as another user.
        guard getuid() != 0 else { return }
        let content = try makeSite()
        chmod(content + "/courses/a/01-x.md", 0)
        defer { chmod(content + "/courses/a/01-x.md", 0o644) }
        #expect(headlines(try build(content), content) == ["courses/a/01-x.md: error: file cannot be read: permission denied"])
    }

    @Test func unwritableOutputFolderIsReportedAndNothingIsLost() throws {
        let content = try makeSite()
        // A regular file where the output's parent folder should be: no user, root included, can write there.
        let blocker = try temporaryFolder() + "/berkas"
        try "bukan folder".write(toFile: blocker, atomically: true, encoding: .utf8)
        let r = try build(content, output: blocker + "/site")
        #expect(!r.succeeded)
        #expect(r.diagnostics.map(\.code) == [.outputWriteFailed])
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "bukan folder")
    }

    @Test func oversizedLessonIsRefusedBeforeItIsRead() throws {
        let content = try makeSite()
        let big = String(repeating: "Teks pelajaran yang sangat panjang. ", count: 600_000) // about 21 MB
        try ("---\ntitle: Besar\n---\n\n" + big).write(toFile: content + "/courses/a/02-besar.md", atomically: true, encoding: .utf8)
        let r = try build(content)
        #expect(headlines(r, content) == ["courses/a/02-besar.md: error: file is too large (20.5 MB; the limit is 8 MB)"])
    }

    @Test func megabyteLineAndDeepNestingBuild() throws {
        let line = String(repeating: "kata ", count: 210_000)           // a single 1 MB line
        let lists = String(repeating: "- ", count: 10_000) + "dalam\n"  // lists nested 10,000 deep
        let quotes = String(repeating: ">", count: 10_000) + " kutipan\n" // block quotes nested 10,000 deep
        let content = try makeSite(lesson: "---\ntitle: X\n---\n\n\(line)\n\n\(lists)\n\(quotes)")
        let out = try temporaryFolder() + "/site"
        let r = try build(content, output: out)
        #expect(r.succeeded, "\(r.diagnostics.map(DiagnosticRenderer.headline))")
        let page = try String(contentsOfFile: out + "/courses/a/x/index.html", encoding: .utf8)
        #expect(page.contains("dalam") && page.contains("kutipan"))
    }
}

@Suite struct FileSizeWording {
    /// The size shows how far past the limit a file is, however little.
    @Test(arguments: [(9_017_754, "8.6 MB"), (8 << 20 + 100, "8.00009 MB"), (8 << 20 + 110_000, "8.1 MB"), (20 << 20, "20.0 MB")])
    func sizes(_ bytes: Int, _ shown: String) {
        #expect(SourceReader.megabytes(bytes) == shown)
    }
}
