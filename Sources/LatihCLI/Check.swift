import ArgumentParser
import Foundation
import LatihDiagnostics
import LatihLMS
import LatihLinkCheck
import LatihSite

/// `latih check`: everything `build` checks and files no page uses, without writing
/// anything; with `--lms`, also what would stop a course from going into an LMS.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and theme without writing the site.",
        discussion: "Exits 0 when clean, 1 on errors (and on warnings with --strict), 2 on bad usage."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "How to print diagnostics: text (compiler-style) or json (for editors and CI).")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Also check what `latih package` would refuse or warn about: titles too long for an LMS, links out of a course.")
    var lms = false

    @Flag(help: "Also check every http(s) link on the web (concurrently, a few per host).")
    var external = false

    @Option(help: "Seconds to wait for each external link.")
    var timeout: Double = 10

    func run() throws {
        var options = BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: "",
                                   includeDrafts: site.drafts, write: false)
        options.reportUnusedFiles = true
        if lms { options.extraChecks = [PackageCheck.diagnostics] }
        var result = SiteBuilder.build(options)
        if external {
            let checker = ExternalLinkChecker(timeout: timeout)
            let links = result.externalLinks
            let done = DispatchSemaphore(value: 0)
            let found = DiagnosticsBox()
            Task.detached {
                found.value = await checker.check(links)
                done.signal()
            }
            done.wait()
            result.diagnostics = (result.diagnostics + found.value).sorted()
        }
        let terminal = Terminal()
        switch format {
        case .text:
            terminal.report(result.diagnostics)
            let tally = DiagnosticRenderer.tally(result.diagnostics)
            print(tally.isEmpty ? "No problems in \(result.pageCount) pages" : "\(tally) in \(result.pageCount) pages")
        case .json:
            print(DiagnosticJSON.encode(result.diagnostics))
        }
        let failing = result.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(Latih.Exit.contentErrors.rawValue) }
    }
}

/// Carries the external check's findings out of its task; written before the semaphore is signalled.
private final class DiagnosticsBox: @unchecked Sendable {
    var value: [Diagnostic] = []
}
