import ArgumentParser
import LatihDiagnostics
import LatihLMS
import LatihRender
import LatihSite

extension LMSFormat: ExpressibleByArgument {}

/// `latih package`: one zip per course for an agency's LMS.
struct Package: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Package courses for an LMS, as SCORM 1.2 or cmi5 zips.",
        discussion: "Writes <output>/<course>-<format>.zip. Exits 0 on success, 1 when the content has errors, 2 on bad usage."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "scorm12 or cmi5; give it twice for both.")
    var format: [LMSFormat]

    @Option(help: "A course to package (its folder's name); give it again for more. Every course when omitted.")
    var course: [String] = []

    @Option(help: "The folder the zips are written to.")
    var output = "packages"

    func run() throws {
        let terminal = Terminal()
        let build = BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: "", includeDrafts: site.drafts, write: false)
        let result = PackageWriter.write(PackageOptions(build: build, formats: format, courses: course, outputDir: output))
        terminal.report(result.diagnostics)
        for path in result.written { print(path) }
        if !result.succeeded {
            terminal.error("packaging failed: \(DiagnosticRenderer.tally(result.diagnostics))")
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
    }
}
