import ArgumentParser
import Foundation
import LatihClickHouse
import LatihDiagnostics
import LatihReport
import LatihSite

/// `latih report`: the agency's monitoring report from its learners' records.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn learning records into the agency's monitoring report.",
        discussion: """
        Reads xAPI statements (--statements, --lrs, --clickhouse) or learners' own exports \
        (--exports) and writes a static report with report.json and CSV tables. With --clickhouse \
        the password is read from LATIH_CLICKHOUSE_PASSWORD; --clickhouse-schema prints the table \
        and view an agency adds to its ClickHouse (docs/report.md). Exits 0 on success, 1 on \
        errors (and, with --strict, when a record cannot be read), 2 on bad usage.
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var records: RecordOptions

    @Option(help: "The folder the report is written to. It is replaced only when the report is complete.")
    var output = "laporan"

    @Flag(help: "Records that cannot be read are errors.")
    var strict = false

    @Flag(help: "Print how long each phase took, to standard error.")
    var timings = false

    @Flag(help: "Print the SQL that adds Latih's table and view to a ClickHouse, for --clickhouse-database, and stop.")
    var clickhouseSchema = false

    func validate() throws {
        if !clickhouseSchema { try records.checkSources() }
    }

    func run() throws {
        if clickhouseSchema {
            guard ClickHouseSchema.isName(records.clickhouseDatabase) else { throw ValidationError("--clickhouse-database takes letters, digits and _") }
            print(ClickHouseSchema.script(records.clickhouseDatabase), terminator: "")
            return
        }
        let terminal = Terminal()
        let line = terminal.isInteractive ? ProgressLine(terminal: terminal) : nil
        var options = records.options(site)
        options.output = output
        options.strict = strict
        let phases = PhaseClock()
        let timed = timings
        options.progress = { phase in
            line?.start(phase)
            if timed, !phase.contains(": ") { phases.start(phase) }
        }
        let result = ReportRunner.run(options)
        line?.finish()
        if timings { FileHandle.standardError.write(Data(phases.report().utf8)) }
        terminal.report(result.diagnostics)
        guard result.succeeded, let report = result.report else {
            terminal.error("report failed: \(DiagnosticRenderer.tally(result.diagnostics)); \(output)/ was left as it was")
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
        let below = report.learners.filter(\.belowTarget).count
        print("Report \(report.year) for \(report.learners.count) people (\(below) below \(report.targetJP) JP) "
              + "from \(report.statements.counted) records into \(output)/ (\(result.fileCount) files)"
              + (result.diagnostics.isEmpty ? "" : "; \(DiagnosticRenderer.tally(result.diagnostics))"))
    }
}

/// Where learning records come from, for `latih report` and `latih certify issue`.
struct RecordOptions: ParsableArguments {
    @Option(help: "The year (1 January to 31 December, Jakarta time).")
    var year: Int = Calendar(identifier: .gregorian).component(.year, from: Date())

    @Option(help: "A CSV of the people expected to learn: nip,nama,email,unit,jabatan.")
    var roster: String?

    @Option(parsing: .upToNextOption, help: "Files of xAPI statements: a JSON array, or one statement per line.")
    var statements: [String] = []

    @Option(help: "An LRS's xAPI address, read through GET /statements.")
    var lrs: String?

    @Option(help: "The LRS's Authorization header value, e.g. \"Basic …\".")
    var auth: String?

    @Option(help: "A folder of learners' Kemajuan Saya exports (JSON or CSV), each named by NIP or email.")
    var exports: String?

    @Option(help: "A ClickHouse's HTTP address (http://host:8123) whose Latih table holds the statements.")
    var clickhouse: String?

    @Option(help: "The ClickHouse database of Ralph's and Latih's tables.")
    var clickhouseDatabase = "xapi"

    @Option(help: "The ClickHouse user (read-only is enough); its password is read from LATIH_CLICKHOUSE_PASSWORD.")
    var clickhouseUser: String?

    /// One source of records, and what it needs.
    func checkSources() throws {
        let sources = [!statements.isEmpty, lrs != nil, exports != nil, clickhouse != nil].filter { $0 }.count
        if sources != 1 { throw ValidationError("give one of --statements, --lrs, --clickhouse or --exports") }
        if lrs != nil && auth == nil { throw ValidationError("--lrs needs --auth") }
    }

    /// The records of the catalogue in `site`, read as these options say.
    func options(_ site: SiteOptions) -> ReportOptions {
        var o = ReportOptions(build: BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: "",
                                                  includeDrafts: site.drafts, write: false), year: year)
        o.roster = roster
        o.statements = statements
        o.lrs = lrs
        o.auth = auth
        o.exports = exports
        if let clickhouse {
            o.clickhouse = ClickHouseClient(url: clickhouse, user: clickhouseUser,
                                            password: ProcessInfo.processInfo.environment["LATIH_CLICKHOUSE_PASSWORD"],
                                            database: clickhouseDatabase)
        }
        return o
    }
}
