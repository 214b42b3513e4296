import ArgumentParser
import Foundation
import LatihDiagnostics
import LatihSite

/// Options shared by commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates (theme) folder.")
    var templates = "templates"

    @Flag(help: "Include pages marked `draft: ya`.")
    var drafts = false
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build content/ into a static site.",
        discussion: "Exits 0 on success, 1 when the content has errors (the previous site is left untouched), 2 on bad usage."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder. It is replaced only when the build succeeds.")
    var output = "site"

    @Flag(help: "Skip the search index; the search page then lists the catalogue only.")
    var noSearch = false

    @Flag(help: "Print how long each phase took, to standard error.")
    var timings = false

    func run() throws {
        let terminal = Terminal()
        let started = Date()
        var options = BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: output,
                                   includeDrafts: site.drafts)
        Interrupts.install()
        options.isCancelled = { Interrupts.requested }
        options.searchIndex = !noSearch
        let phases = PhaseClock()
        let line = terminal.isInteractive ? ProgressLine(terminal: terminal) : nil
        options.pagesDone = line?.pages
        options.indexFilesDone = line?.indexFiles
        let timed = timings
        let progress: @Sendable (String) -> Void = { phase in
            line?.start(phase)
            if timed { phases.start(phase) }
        }
        let result = SiteBuilder.build(options, progress: progress)
        line?.finish()
        if timings { FileHandle.standardError.write(Data(phases.report().utf8)) }
        terminal.report(result.diagnostics)
        let seconds = Date().timeIntervalSince(started)
        if result.succeeded {
            let time = String(format: "%.2f", seconds)
            print("Built \(result.pageCount) pages (\(result.fileCount) files) into \(output)/ in \(time) s"
                  + (result.diagnostics.isEmpty ? "" : "; \(DiagnosticRenderer.tally(result.diagnostics))"))
        } else if result.wasInterrupted {
            throw ExitCode(130)
        } else {
            terminal.error("build failed: \(DiagnosticRenderer.tally(result.diagnostics)); \(output)/ was left as it was")
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
    }
}
