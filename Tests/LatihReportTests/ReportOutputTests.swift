import Foundation
import LatihDiagnostics
import LatihOutput
import LatihSite
import LatihTestSupport
import Testing
@testable import LatihReport

/// Where a report may be written: never where the next build would publish it, since it
/// holds every learner's records.
@Suite struct ReportOutput {
    /// A copy of the fixture catalogue, so that a refused report could be seen if written.
    func catalogueCopy() throws -> String {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: fixtures + "/catalogue/content", toPath: dir + "/content")
        return dir + "/content"
    }

    @Test(arguments: ["pages/laporan", "files/laporan", "laporan"])
    func isRefusedInsideTheContent(_ inside: String) throws {
        let content = try catalogueCopy()
        let out = content + "/" + inside
        let result = ReportRunner.run(options(output: out, content: content))
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.outputRefused])
        #expect(result.diagnostics.first?.message.hasPrefix("refusing to write the report inside ") == true)
        #expect(result.diagnostics.first?.hint?.contains("personal data") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: (out as NSString).deletingLastPathComponent + "/laporan.tmp-\(getpid())"))
    }

    @Test func isRefusedInsideTheTemplates() throws {
        let result = ReportRunner.run(options(output: repoRoot + "/templates/laporan"))
        #expect(result.diagnostics.map(\.code) == [.outputRefused])
        #expect(!FileManager.default.fileExists(atPath: repoRoot + "/templates/laporan"))
    }

    @Test func isRefusedInsideABuiltSiteWhereverItIs() throws {
        let dir = try temporaryFolder()
        let site = dir + "/site"
        let built = SiteBuilder.build(BuildOptions(contentDir: fixtures + "/catalogue/content", templatesDir: repoRoot + "/templates", outputDir: site))
        #expect(built.succeeded, "\(built.diagnostics)")
        let out = site + "/files/laporan"
        let result = ReportRunner.run(options(output: out))
        #expect(result.diagnostics.map(\.code) == [.outputRefused])
        #expect(result.diagnostics.first?.message == "refusing to write the report inside the published site \(OutputFolder.absolute(site))")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A report copied into the content by hand is refused by the build, which would
    /// otherwise publish its CSV of learners.
    @Test func theBuildRefusesAReportCopiedIntoTheContent() throws {
        let content = try catalogueCopy()
        let report = try temporaryFolder() + "/laporan"
        _ = try run(options(output: report))
        try FileManager.default.copyItem(atPath: report, toPath: content + "/files/laporan")
        let site = try temporaryFolder() + "/site"
        let built = SiteBuilder.build(BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: site))
        #expect(!built.succeeded)
        let errors = built.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.contentPrivateFolder])
        #expect(errors.first?.location.path.hasSuffix("files/laporan") == true)
        #expect(!FileManager.default.fileExists(atPath: site))
    }
}

/// Records read against the wrong catalogue say so, instead of a quietly empty report.
@Suite struct UnmatchedRecords {
    /// The fixture's statements, read against the repository's sample catalogue.
    let statements = fixtures + "/statements.jsonl"
    let sample = repoRoot + "/content"

    @Test func aWarningNamesTheCountAndBothBaseAddresses() throws {
        let result = ReportRunner.run(options(statements: [statements], output: try temporaryFolder() + "/laporan", content: sample))
        #expect(result.succeeded)
        let warning = try #require(result.diagnostics.first { $0.code == .reportUnmatched })
        #expect(warning.severity == .warning)
        #expect(warning.location.path == statements)
        #expect(warning.message == "0 of 22 statements in the year match the catalogue's activities (and 1 outside it)")
        #expect(warning.hint == "the statements' activities start with https://latih.uji.example/ (20), https://portal.jakarta.go.id/ (1), urn:latih: (1); "
            + "the catalogue's start with https://latih.example.go.id/ (its base-url); check --content, or the site's base-url when the records were sent")
    }

    @Test func strictMakesItAnErrorAndWritesNothing() throws {
        let out = try temporaryFolder() + "/laporan"
        // Only the fixture's well-formed lines, so that strict mode has nothing else to refuse.
        let lines = try String(contentsOfFile: statements, encoding: .utf8).split(separator: "\n")
            .filter { ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["verb"].flatMap { ($0 as? [String: Any])?["id"] } != nil }
        let wellFormed = try temporaryFolder() + "/baik.jsonl"
        try lines.joined(separator: "\n").write(toFile: wellFormed, atomically: true, encoding: .utf8)
        var o = options(statements: [wellFormed], output: out, content: sample)
        o.strict = true
        let result = ReportRunner.run(o)
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.code == .reportUnmatched && $0.severity == .error }, "\(result.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theRightCatalogueGivesNoWarning() throws {
        let result = ReportRunner.run(options(output: try temporaryFolder() + "/laporan"))
        #expect(result.succeeded)
        #expect(!result.diagnostics.contains { $0.code == .reportUnmatched })
    }

    @Test func baseAddresses() {
        #expect(UnmatchedStatements.base(of: "https://a.example/x/courses/k/l/") == "https://a.example/x/")
        #expect(UnmatchedStatements.base(of: "urn:latih:lesson:k:l") == "urn:latih:")
        #expect(UnmatchedStatements.base(of: "https://b.example/kuis/q#1") == "https://b.example/")
    }
}
