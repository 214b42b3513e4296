import Foundation
import LatihDiagnostics
import LatihRebuild
import LatihSite
import LatihTestSupport
import Testing

/// `latih serve` updates its site in memory, redoing only what an edit touches. Whatever
/// the edits, the site it then serves must be the one `latih build` makes of the same
/// files, byte for byte; and when the content has errors, both must find the same ones.
/// Random sequences of edits (seeded, so a failure can be replayed) drive it: lessons
/// and courses added, changed, renamed and deleted, quizzes added, links broken and
/// mended, images added, templates and `site.conf` edited.
@Suite(.serialized) struct RebuildEquivalenceTests {

    /// A site on disk that the edits change: a copy of the minimal fixture and of the theme.
    struct Workspace {
        let content: String
        let templates: String
        let output: String
        var added = 0

        init() throws {
            let dir = try temporaryFolder()
            content = dir + "/content"
            templates = dir + "/templates"
            output = dir + "/site"
            try FileManager.default.copyItem(atPath: fixtures + "/valid/minimal/content", toPath: content)
            try FileManager.default.copyItem(atPath: repoRoot + "/templates", toPath: templates)
        }

        var options: BuildOptions { BuildOptions(contentDir: content, templatesDir: templates, outputDir: output) }

        func write(_ path: String, _ text: String) throws {
            let full = content + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }

        func read(_ path: String) throws -> String { try String(contentsOfFile: content + "/" + path, encoding: .utf8) }

        /// Markdown files under `folder` of the content, relative to the content folder.
        func markdown(under folder: String) -> [String] {
            (FileManager.default.subpaths(atPath: content + "/" + folder) ?? []).filter { $0.hasSuffix(".md") }
                .map { folder + "/" + $0 }.sorted()
        }

        func lessons() -> [String] {
            markdown(under: "courses").filter { !$0.hasSuffix("/course.md") && !$0.hasSuffix("/module.md") }
        }

        /// Courses this test added, which it may delete (the fixture's own is linked from its path).
        func addedCourses() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: content + "/courses")) ?? []).filter { $0.hasPrefix("baru-") }.sorted()
        }
    }

    /// One edit, applied to disk; returns the content paths it touched and whether it
    /// touched the theme, as the file watcher would report them.
    static func edit(_ w: inout Workspace, _ rng: inout SeededGenerator) throws -> (what: String, content: Set<String>, theme: Bool) {
        w.added += 1
        let n = w.added
        let word = ["pelayanan", "arsip", "anggaran", "keamanan", "kinerja", "digital"].randomElement(using: &rng)!
        switch Int.random(in: 0..<13, using: &rng) {
        case 0:
            let lesson = w.lessons().randomElement(using: &rng)!
            try w.write(lesson, try w.read(lesson) + "\nKalimat \(n) tentang \(word).\n")
            return ("body of \(lesson)", [lesson], false)
        case 1:
            let lesson = w.lessons().randomElement(using: &rng)!
            let text = try w.read(lesson)
            let title = "title: Judul \(n) \(word)"
            let retitled = text.contains("\ntitle:")
                ? text.replacingOccurrences(of: #"\ntitle: [^\n]*"#, with: "\n" + title, options: .regularExpression)
                : text.hasPrefix("---\n") ? "---\n" + title + "\n" + text.dropFirst(4) : "---\n" + title + "\n---\n" + text
            try w.write(lesson, retitled)
            return ("title of \(lesson)", [lesson], false)
        case 2:
            let course = (["dasar"] + w.addedCourses()).randomElement(using: &rng)!
            let path = "courses/\(course)/\(String(format: "%02d", 10 + n))-tambahan-\(n).md"
            try w.write(path, "---\ntitle: Tambahan \(n)\nduration: \(5 + n) menit\n---\n\nTentang \(word).\n")
            return ("new lesson \(path)", [path], false)
        case 3:
            guard let lesson = w.lessons().filter({ $0.contains("tambahan") }).randomElement(using: &rng) else { return try edit(&w, &rng) }
            let renamed = (lesson as NSString).deletingLastPathComponent + "/\(String(format: "%02d", 10 + n))-pindah-\(n).md"
            try FileManager.default.moveItem(atPath: w.content + "/" + lesson, toPath: w.content + "/" + renamed)
            return ("rename \(lesson) → \(renamed)", [lesson, renamed], false)
        case 4:
            guard let lesson = w.lessons().filter({ !$0.hasPrefix("courses/dasar/01-") }).randomElement(using: &rng),
                  w.lessons().filter({ $0.hasPrefix((lesson as NSString).deletingLastPathComponent + "/") }).count > 1
            else { return try edit(&w, &rng) }
            try FileManager.default.removeItem(atPath: w.content + "/" + lesson)
            return ("delete \(lesson)", [lesson], false)
        case 5:
            let slug = "baru-\(n)"
            try w.write("courses/\(slug)/course.md", "---\ntitle: Kursus \(n)\nsummary: Tentang \(word).\nlevel: dasar\n---\n\nPengantar.\n")
            try w.write("courses/\(slug)/01-awal.md", "---\ntitle: Awal \(n)\n---\n\nIsi tentang \(word).\n")
            return ("new course \(slug)", ["courses/\(slug)"], false)
        case 6:
            guard let course = w.addedCourses().randomElement(using: &rng) else { return try edit(&w, &rng) }
            try FileManager.default.removeItem(atPath: w.content + "/courses/" + course)
            return ("delete course \(course)", ["courses/\(course)"], false)
        case 7:
            let image = "courses/dasar/foto-\(n).svg"
            try w.write(image, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n)\" height=\"1\"/>")
            let lesson = "courses/dasar/01-pertama.md"
            try w.write(lesson, try w.read(lesson) + "\n![Foto \(n)](foto-\(n).svg)\n")
            return ("new image \(image), shown by \(lesson)", [image, lesson], false)
        case 8:
            let template = ["lesson.mustache", "course.mustache", "layout.mustache", "catalogue.mustache"].randomElement(using: &rng)!
            let path = w.templates + "/" + template
            try (try String(contentsOfFile: path, encoding: .utf8) + "<!-- edit \(n) -->\n").write(toFile: path, atomically: false, encoding: .utf8)
            return ("template \(template)", [], true)
        case 10:
            let lesson = w.lessons().randomElement(using: &rng)!
            try w.write(lesson, try w.read(lesson) + "\n```quiz\n? Apakah \(word) penting? (\(n))\n(x) Ya\n( ) Tidak\n```\n")
            return ("quiz in \(lesson)", [lesson], false)
        case 11:
            // A link to a heading that does not exist: the content has an error until case 12.
            let lesson = w.lessons().randomElement(using: &rng)!
            try w.write(lesson, try w.read(lesson) + "\nLihat [bagian \(n)](#tidak-ada-\(n)).\n")
            return ("broken anchor in \(lesson)", [lesson], false)
        case 12:
            let broken = w.lessons().filter { ((try? w.read($0)) ?? "").contains("#tidak-ada-") }
            guard let lesson = broken.randomElement(using: &rng) else { return try edit(&w, &rng) }
            let fixed = try w.read(lesson).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("#tidak-ada-") }.joined(separator: "\n")
            try w.write(lesson, fixed)
            return ("anchor fixed in \(lesson)", [lesson], false)
        default:
            let conf = try w.read("site.conf")
            try w.write("site.conf", conf.replacingOccurrences(of: #"description: [^\n]*"#, with: "description: Situs uji \(n).", options: .regularExpression))
            return ("site.conf", ["site.conf"], false)
        }
    }

    /// Every file of a site written to disk, by path, without the folder's marker.
    static func written(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for rel in FileManager.default.subpaths(atPath: dir) ?? [] where rel != ".latih-site" {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func afterEveryEditTheServedSiteIsTheBuiltSite(_ seed: UInt64) throws {
        var w = try Workspace()
        var rng = SeededGenerator(seed: seed)
        let session = SiteSession(options: w.options)
        #expect(session.build().succeeded)
        var log: [String] = []
        for _ in 0..<16 {
            let (what, content, theme) = try Self.edit(&w, &rng)
            log.append(what)
            let update = session.update(content: content, theme: theme)
            session.refreshSearch()
            let full = SiteBuilder.build(w.options)
            #expect(update.succeeded == full.succeeded, "after: \(log.joined(separator: "; "))")
            guard full.succeeded else {
                // Both refuse the content, for the same reasons.
                #expect(Set(update.diagnostics.filter { $0.severity == .error }.map(DiagnosticRenderer.headline))
                        == Set(full.diagnostics.filter { $0.severity == .error }.map(DiagnosticRenderer.headline)),
                        "after: \(log.joined(separator: "; "))")
                continue
            }
            let built = Self.written(w.output)
            let served = Set(session.paths)
            #expect(served == Set(built.keys), "only served: \(served.subtracting(built.keys).sorted()); only built: \(Set(built.keys).subtracting(served).sorted()); after: \(log.joined(separator: "; "))")
            let differing = built.keys.sorted().filter { session.file($0) != built[$0] }
            #expect(differing == [], "after: \(log.joined(separator: "; "))")
        }
    }
}
