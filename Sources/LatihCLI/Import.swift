import ArgumentParser
import LatihDiagnostics
import LatihImport

/// `latih import`: a Moodle question bank into a new lesson.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a Moodle question bank (Moodle XML or GIFT) as a new lesson of a course.",
        discussion: "Prints the file it wrote. Exits 0 when every question was converted, 1 when any was left out (the rest is still written) or on errors, 2 on bad usage."
    )

    @Argument(help: "The bank: a Moodle XML export (.xml) or a GIFT file (.gift, .txt).")
    var bank: String

    @Option(help: "The course (its folder's name) that gets the new lesson.")
    var course: String

    @Option(help: "The lesson's title; by default \"Bank soal: <file name>\".")
    var title: String?

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        let terminal = Terminal()
        let result = BankImporter.run(bank: bank, course: course, title: title, content: content)
        terminal.report(result.diagnostics)
        if let written = result.written {
            print(content + "/" + written)
            print("\(result.converted) question\(result.converted == 1 ? "" : "s") imported"
                  + (result.skipped > 0 ? ", \(result.skipped) left out" : ""))
        }
        if result.written == nil || result.skipped > 0 { throw ExitCode(Latih.Exit.contentErrors.rawValue) }
    }
}
