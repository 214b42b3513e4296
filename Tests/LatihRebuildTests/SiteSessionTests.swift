import Foundation
import LatihDiagnostics
@testable import LatihRebuild
import LatihSite
import LatihTestSupport
import Testing

let repoRoot = Repository.root
/// The site fixtures of the build's tests, which the rebuild must treat as a build does.
let fixtures = Repository.fixtures(of: "LatihSiteTests")

/// `latih serve`'s in-memory site: which edits are applied alone, which rebuild
/// everything, and that a broken edit keeps the last good pages.
@Suite(.serialized) struct SiteSessionTests {
    /// A copy of the minimal fixture site, and a session over it, built once.
    static func session() throws -> (SiteSession, String) {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: fixtures + "/valid/minimal/content", toPath: dir + "/content")
        var options = BuildOptions(contentDir: dir + "/content", templatesDir: repoRoot + "/templates", outputDir: "")
        options.bodyEnd = "<script src=\"/_latih/reload.js\"></script>"
        let session = SiteSession(options: options)
        let first = session.build()
        #expect(first.succeeded && first.wasFull)
        return (session, dir + "/content")
    }

    static func page(_ session: SiteSession, _ path: String) -> String {
        session.file(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func edit(_ file: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try change(text).write(toFile: file, atomically: false, encoding: .utf8)
    }

    @Test func aBodyEditRerendersOnlyItsPage() throws {
        let (session, content) = try Self.session()
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0 + "\nKalimat tambahan.\n" }
        let update = session.update(content: ["courses/dasar/01-pertama.md"], theme: false)
        #expect(update.succeeded && !update.wasFull)
        #expect(update.changed == ["courses/dasar/pertama/index.html"])
        #expect(Self.page(session, "courses/dasar/pertama/index.html").contains("Kalimat tambahan."))
        #expect(Self.page(session, "courses/dasar/pertama/index.html").contains("/_latih/reload.js"))
        #expect(session.searchIsStale)
        #expect(!session.refreshSearch().isEmpty)
        #expect(!session.searchIsStale)
    }

    @Test func aTitleEditAlsoRerendersTheCourseAndTheIndexes() throws {
        let (session, content) = try Self.session()
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0.replacingOccurrences(of: "# Pelajaran Pertama", with: "# Pelajaran Pembuka") }
        let update = session.update(content: ["courses/dasar/01-pertama.md"], theme: false)
        #expect(update.succeeded && !update.wasFull)
        #expect(update.changed.contains("courses/dasar/index.html"))
        // The progress and certificate pages name lessons; the neighbour links to it by title;
        // the catalogue names courses only.
        #expect(update.changed.contains("kemajuan/index.html"), "\(update.changed.sorted())")
        #expect(update.changed.contains("sertifikat/index.html"), "\(update.changed.sorted())")
        #expect(update.changed.contains("courses/dasar/kedua/index.html"), "\(update.changed.sorted())")
        #expect(!update.changed.contains("index.html"), "\(update.changed.sorted())")
        #expect(Self.page(session, "courses/dasar/index.html").contains("Pelajaran Pembuka"))
    }

    @Test func aBrokenEditKeepsTheLastGoodPages() throws {
        let (session, content) = try Self.session()
        let before = Self.page(session, "courses/dasar/pertama/index.html")
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0.replacingOccurrences(of: "duration: 1h30m", with: "durasi: lama sekali") }
        let update = session.update(content: ["courses/dasar/01-pertama.md"], theme: false)
        #expect(!update.succeeded)
        #expect(update.diagnostics.contains { $0.severity == .error && $0.location.path.hasSuffix("courses/dasar/01-pertama.md") && $0.location.line == 2 })
        #expect(Self.page(session, "courses/dasar/pertama/index.html") == before)
        // Fixing it recovers.
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0.replacingOccurrences(of: "durasi: lama sekali", with: "duration: 45 menit") }
        #expect(session.update(content: ["courses/dasar/01-pertama.md"], theme: false).succeeded)
    }

    @Test func anEditAfterABrokenOneStillHasTheBrokenOne() throws {
        let (session, content) = try Self.session()
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0 + "\nLihat [bagian](#tidak-ada).\n" }
        #expect(!session.update(content: ["courses/dasar/01-pertama.md"], theme: false).succeeded)
        // Another file is edited: the first is still broken, and its error still shown.
        try Self.edit(content + "/pages/tentang.md") { $0 + "\nLagi.\n" }
        let next = session.update(content: ["pages/tentang.md"], theme: false)
        #expect(!next.succeeded)
        #expect(next.diagnostics.map(\.code) == [.linkMissingAnchor])
        // Mended, both edits are served.
        try Self.edit(content + "/courses/dasar/01-pertama.md") { $0.replacingOccurrences(of: "\nLihat [bagian](#tidak-ada).\n", with: "\nDiperbaiki.\n") }
        #expect(session.update(content: ["courses/dasar/01-pertama.md"], theme: false).succeeded)
        #expect(Self.page(session, "courses/dasar/pertama/index.html").contains("Diperbaiki."))
        #expect(Self.page(session, "tentang/index.html").contains("Lagi."))
    }

    @Test func aDeletedCourseFolderIsRemovedFromTheSite() throws {
        let (session, content) = try Self.session()
        try FileManager.default.createDirectory(atPath: content + "/courses/lain", withIntermediateDirectories: true)
        try "---\ntitle: Lain\nsummary: S\nlevel: dasar\n---\n".write(toFile: content + "/courses/lain/course.md", atomically: false, encoding: .utf8)
        try "---\ntitle: Satu\n---\n\nIsi.\n".write(toFile: content + "/courses/lain/01-satu.md", atomically: false, encoding: .utf8)
        #expect(session.update(content: ["courses/lain"], theme: false).succeeded)
        #expect(session.file("courses/lain/index.html") != nil)
        // The watcher reports the folder, not the files that were in it.
        try FileManager.default.removeItem(atPath: content + "/courses/lain")
        let removed = session.update(content: ["courses/lain"], theme: false)
        #expect(removed.succeeded && removed.wasFull)
        #expect(session.file("courses/lain/index.html") == nil && session.file("courses/lain/satu/index.html") == nil)
    }

    @Test func aBrokenAnchorElsewhereIsCaughtOnAnEdit() throws {
        let (session, content) = try Self.session()
        // 01-pertama.md links to 01-modul/02-kedua.md#bagian-dua: rename that heading.
        try Self.edit(content + "/courses/dasar/01-modul/02-kedua.md") { $0.replacingOccurrences(of: "Bagian Dua", with: "Bagian Kedua") }
        let update = session.update(content: ["courses/dasar/01-modul/02-kedua.md"], theme: false)
        #expect(!update.succeeded)
        #expect(update.diagnostics.contains { $0.message == "anchor `#bagian-dua` not found" && $0.location.path.hasSuffix("01-pertama.md") })
    }

    @Test func newDeletedFilesSiteConfAndThemeRebuildEverything() throws {
        let (session, content) = try Self.session()
        try "---\ntitle: Baru\n---\n\nIsi.\n".write(toFile: content + "/courses/dasar/03-baru.md", atomically: false, encoding: .utf8)
        let added = session.update(content: ["courses/dasar/03-baru.md"], theme: false)
        #expect(added.succeeded && added.wasFull)
        #expect(session.file("courses/dasar/baru/index.html") != nil)
        try FileManager.default.removeItem(atPath: content + "/courses/dasar/03-baru.md")
        let removed = session.update(content: ["courses/dasar/03-baru.md"], theme: false)
        #expect(removed.succeeded && removed.wasFull)
        #expect(session.file("courses/dasar/baru/index.html") == nil)
        #expect(session.update(content: ["site.conf"], theme: false).wasFull)
        #expect(session.update(content: [], theme: true).wasFull)
        // Editors' temporary files change nothing.
        let ignored = session.update(content: ["courses/dasar/.01-pertama.md.swp", "courses/dasar/01-pertama.md~", "courses/dasar/4913"], theme: false)
        #expect(!ignored.wasFull && ignored.changed.isEmpty)
    }
}
