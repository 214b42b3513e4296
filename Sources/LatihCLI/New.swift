import ArgumentParser
import Foundation
import LatihScaffold

/// `latih new site|course|lesson`.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new catalogue, course or lesson that passes `latih check`.",
        subcommands: [NewSite.self, NewCourse.self, NewLesson.self]
    )
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site", abstract: "Create <dir>/content with one course, and a copy of the theme in <dir>/templates.")

    @Argument(help: "The folder to create the catalogue in.")
    var dir: String

    @Option(help: "The catalogue's title.")
    var title = "Katalog Pelatihan"

    @Option(help: "The theme to copy (default: the theme that came with latih).")
    var theme: String?

    func run() throws {
        guard let theme = theme ?? DefaultTheme.find() else {
            throw ValidationError("cannot find latih's default theme; pass --theme <folder with layout.mustache>")
        }
        let written = try scaffold { try Scaffold.site(at: dir, title: title, theme: theme) }
        for file in written { print("created \(dir)/\(file)") }
        print("\nNext: cd \(dir) && latih serve")
    }
}

struct NewCourse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "course", abstract: "Create content/courses/<slug>/ with course.md and a first lesson.")

    @Argument(help: "The course's slug, e.g. literasi-data.")
    var slug: String

    @Option(help: "The course's title (default: from the slug).")
    var title: String?

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        for file in try scaffold({ try Scaffold.course(in: content, slug: slug, title: title) }) {
            print("created \(content)/\(file)")
        }
    }
}

struct NewLesson: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lesson", abstract: "Add a lesson to a course, numbered after its last lesson.")

    @Argument(help: "The course's slug.")
    var course: String

    @Argument(help: "The lesson's slug, e.g. membaca-tabel.")
    var slug: String

    @Option(help: "The lesson's title (default: from the slug).")
    var title: String?

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        let name = try scaffold { try Scaffold.lesson(in: content, course: course, slug: slug, title: title) }
        print("created \(content)/courses/\(course)/\(name)")
    }
}

/// Runs a scaffold step, turning its failure into a usage error (exit 2).
func scaffold<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as Scaffold.Failure {
        throw ValidationError(failure.description)
    }
}

/// Where the default theme is: `$LATIH_THEME`, a `templates/` folder beside or above the
/// executable (a checkout built with `swift build`), or `/usr/share/latih/templates`.
enum DefaultTheme {
    static func find() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["LATIH_THEME"] { candidates.append(env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("templates").path)
            candidates.append(dir.appendingPathComponent("share/latih/templates").path)
            dir.deleteLastPathComponent()
        }
        candidates.append("/usr/share/latih/templates")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/layout.mustache") }
    }
}
