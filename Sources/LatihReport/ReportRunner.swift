import Foundation
import LatihClickHouse
import LatihDiagnostics
import LatihOutput
import LatihParallel
import LatihRender
import LatihSite

/// What `latih report` reads, and where it writes.
public struct ReportOptions: Sendable {
    public var build: BuildOptions
    public var year: Int
    public var roster: String?
    /// Files of xAPI statements (a JSON array, or a statement per line).
    public var statements: [String] = []
    /// An LRS's xAPI root and its `Authorization` value.
    public var lrs: String?
    public var auth: String?
    /// A ClickHouse that holds the statements (`ClickHouseSchema`'s table): read there,
    /// instead of files or an LRS.
    public var clickhouse: ClickHouseClient?
    /// A folder of learners' own progress exports.
    public var exports: String?
    public var output: String
    /// Records that cannot be read are errors, not warnings.
    public var strict = false
    /// Statements' bytes a bucket of events is made for (`PersonBuckets`): beyond one
    /// bucket, the events wait in a temporary file until their people are folded.
    /// 32 MB of JSON is about 80,000 statements: a bucket of 4.5 MB of events.
    public var bytesPerBucket = 32 << 20
    /// The events held in memory, in all buckets together, before they are written to the
    /// buckets' files (about 28 MB).
    var eventsHeld = 1 << 19
    /// Hears what the report is doing, and how many LRS statements it has read.
    public var progress: (@Sendable (String) -> Void)?

    public init(build: BuildOptions, year: Int, output: String = "laporan") {
        self.build = build
        self.year = year
        self.output = output
    }
}

public struct ReportResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var report: Report?
    /// Files written, pages included.
    public var fileCount = 0
    public var succeeded: Bool { !diagnostics.hasErrors && report != nil }
}

/// `latih report`: reads the catalogue, the roster and the learning records, works out the
/// report, and writes it as a static site with its data files. Nothing is written unless
/// everything could be read (in `--strict`, every record too); the previous report is
/// replaced only when the new one is complete.
public enum ReportRunner {
    public static func run(_ o: ReportOptions) -> ReportResult {
        var result = ReportResult()
        // Refused before anything is read: a report holds personal data, and an output
        // inside what the build publishes would put it on the web.
        if let refusal = OutputFolder(path: o.output, kind: .report).refusal(protecting: [o.build.contentDir, o.build.templatesDir]) {
            result.diagnostics = [refusal]
            return result
        }
        o.progress?("reading \(o.build.contentDir)/")
        let (summary, catalogueDiags) = CatalogueSummary.read(o.build)
        result.diagnostics += catalogueDiags.filter { $0.severity == .error }
        let theme = summary?.theme
        if theme != nil, !FileManager.default.fileExists(atPath: o.build.templatesDir + "/report.mustache") {
            result.diagnostics.append(.error(.templateMissing, SourceLocation(path: o.build.templatesDir + "/report.mustache"), "template is missing",
                                             hint: "`latih report` renders its pages with report.mustache; copy it from Latih's default theme"))
        }
        let people = readRoster(o, diagnostics: &result.diagnostics)
        guard let summary, let theme, !result.diagnostics.hasErrors else { result.diagnostics.sort(); return result }
        guard let records = readRecords(o, summary: summary, people: people, diagnostics: &result.diagnostics) else {
            result.diagnostics.sort()
            return result
        }
        let index = records.index
        let report = records.report
        // Written as each part is made, into the staging folder: the pages, report.json and
        // the tables of tens of thousands of people are never all in memory together.
        let folder = OutputFolder(path: o.output, kind: .report)
        do {
            try folder.replace(protecting: [o.build.contentDir, o.build.templatesDir]) { staging in
                func write(_ files: [(path: String, data: Data)]) throws {
                    try OutputFolder.makeFolders(for: files.map(\.path), in: staging)
                    for file in files { try file.data.write(to: URL(fileURLWithPath: staging + "/" + file.path)) }
                    result.fileCount += files.count
                }
                o.progress?("rendering pages")
                // The theme's assets that the report's pages load, named as the site names them.
                let (allPaths, allFiles) = RenderStage.assets(theme)
                let assetPaths = allPaths.filter { ["latih.css", Theme.reportScript, "icon.svg"].contains($0.key) }
                let published = Set(assetPaths.values)
                try write(allFiles.filter { published.contains($0.0) }.map { (path: $0.0, data: $0.1) })
                let pages = ReportPages(report: report, index: index, strings: theme.strings, language: summary.language, assetPaths: assetPaths)
                // A page per unit and course: made and rendered on every core.
                let library = theme.library
                try write(pages.makers().parallelMap { make in
                    let page = PageValues(make())
                    return (page.path, Data((library.render(page.values, withTemplate: "report") ?? "").utf8))
                })
                o.progress?("encoding data files")
                try ReportJSON.write(report, to: staging + "/report.json")
                result.fileCount += 1
                for (name, text) in ReportCSV.tables(report) { try write([("data/" + name, Data(text.utf8))]) }
                o.progress?("writing \(o.output)/")
            }
            result.report = report
        } catch {
            result.fileCount = 0
            result.diagnostics.append(folder.diagnostic(error))
        }
        result.diagnostics.sort()
        return result
    }
}

/// A page's template values, handed to another thread: built once, then only read.
struct PageValues: @unchecked Sendable {
    let path: String
    let values: [String: Any]
    init(_ page: (String, [String: Any])) { (path, values) = page }
}

/// The learning records of a year, read and folded: what `latih report` renders and what
/// `latih certify issue` certifies, from one reading and one set of rules.
struct Records {
    var summary: CatalogueSummary
    var index: CatalogueIndex
    var builder: ReportBuilder
    var report: Report
    var persons: [PersonYear]
}

extension ReportRunner {
    /// The roster of `--roster`, or nil when none was given (its errors added to `diagnostics`).
    static func readRoster(_ o: ReportOptions, diagnostics: inout [Diagnostic]) -> [Person]? {
        var people: [Person]?
        if let path = o.roster {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let (p, d) = Roster.parse(text, path: path)
                people = p
                diagnostics += d
            } else {
                diagnostics.append(.error(.reportUnreadableInput, SourceLocation(path: path), "roster cannot be read"))
            }
        }

        return people
    }

    /// Reads the roster and every source of records in `o`, and folds them. Nil when
    /// something could not be read (in `--strict`, a record too); the reasons are added
    /// to `diagnostics`, with the warnings.
    static func readRecords(_ o: ReportOptions, summary: CatalogueSummary, people: [Person]?, diagnostics: inout [Diagnostic]) -> Records? {
        let index = CatalogueIndex(summary)
        let year = YearWindow(o.year)
        if let client = o.clickhouse {
            return readClickHouse(client, o, summary: summary, index: index, people: people, diagnostics: &diagnostics)
        }
        let sizes = o.statements.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let buckets = PersonBuckets(slots: PersonSlots(roster: people), expectedBytes: sizes.reduce(0, +), bytesPerBucket: o.bytesPerBucket, held: o.eventsHeld)
        var warnings: [Diagnostic] = []
        var skipped = 0, exportEvents = 0
        var failure: PersonBuckets.Failure?
        func keep(_ part: consuming StatementPart) {
            warnings += part.warnings
            skipped += part.warnings.count
            do { try buckets.add(part) } catch let f as PersonBuckets.Failure { failure = failure ?? f } catch {}
        }
        for path in o.statements {
            o.progress?("reading \(path)")
            // Mapped, not read: an LRS export of a year is hundreds of megabytes.
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                diagnostics.append(.error(.reportUnreadableInput, SourceLocation(path: path), "file of statements cannot be read"))
                continue
            }
            warnings += StatementReader.read(data, path: path, index: index, year: year, consuming: true, into: keep)
        }
        if let lrs = o.lrs {
            o.progress?("reading statements from \(lrs)")
            var client = LRSClient(endpoint: lrs, auth: o.auth ?? "")
            let report = o.progress
            client.progress = { n in report?("reading statements from \(lrs): \(n)") }
            do {
                try client.statements(year, index: index, into: keep)
            } catch let f as LRSClient.Failure {
                diagnostics.append(.error(.reportLRSFailed, SourceLocation(path: lrs), f.message))
            } catch {
                diagnostics.append(.error(.reportLRSFailed, SourceLocation(path: lrs), "cannot read the LRS: \(error)"))
            }
        }
        if let folder = o.exports {
            o.progress?("reading \(folder)/")
            let r = ProgressExports.read(folder: folder, index: index, year: year)
            for (learner, event) in r.events {
                do { try buckets.add(event, learner: learner) } catch let f as PersonBuckets.Failure { failure = failure ?? f } catch {}
            }
            exportEvents = r.events.count
            skipped += r.skipped
            warnings += r.diagnostics.filter { $0.severity == .warning }
            diagnostics += r.diagnostics.filter { $0.severity == .error }
        }
        if o.strict { warnings = warnings.map { var d = $0; d.severity = .error; return d } }
        diagnostics += warnings
        o.progress?("working out the report")
        let builder = ReportBuilder(index: index, year: year)
        var folded: (Report, [PersonYear], PersonBuckets.Counts)?
        if failure == nil, !diagnostics.hasErrors {
            do { folded = try builder.report(buckets, skipped: skipped) } catch let f as PersonBuckets.Failure { failure = f } catch {}
        }
        if let failure {
            diagnostics.append(.error(.reportUnreadableInput, SourceLocation(path: NSTemporaryDirectory()), failure.message))
        }
        guard let (report, persons, counts) = folded, !diagnostics.hasErrors else { return nil }
        if !o.statements.isEmpty || o.lrs != nil,
           !keepsUnmatched(report, matched: counts.counted - exportEvents, unknown: counts.unknown, index: index,
                           place: o.statements.first ?? o.lrs ?? o.build.contentDir, o, &diagnostics) {
            return nil
        }
        return Records(summary: summary, index: index, builder: builder, report: report, persons: persons)
    }

    static func readClickHouse(_ client: ClickHouseClient, _ o: ReportOptions, summary: CatalogueSummary, index: CatalogueIndex,
                               people: [Person]?, diagnostics: inout [Diagnostic]) -> Records? {
        let place = SourceLocation(path: client.url)
        guard ClickHouseSchema.isName(client.database) else {
            diagnostics.append(.error(.reportClickHouseFailed, place, "`\(client.database)` is not a database name (letters, digits and _)"))
            return nil
        }
        guard !diagnostics.hasErrors else { return nil }
        o.progress?("reading \(client.database).\(ClickHouseSchema.table) at \(client.url)")
        let builder = ReportBuilder(index: index, year: YearWindow(o.year))
        let records = ClickHouseRecords(client: client, index: index, year: builder.year)
        let progress = o.progress
        let outcome = Blocking.run { try await records.report(roster: people, builder: builder, progress: progress) }
        switch outcome {
        case .failure(let error):
            let message = (error as? ClickHouseClient.Failure)?.message ?? "reading ClickHouse failed: \(error)"
            diagnostics.append(.error(.reportClickHouseFailed, place, message))
            return nil
        case .success(let (report, persons, matched, unknown)):
            guard keepsUnmatched(report, matched: matched, unknown: unknown, index: index, place: client.url, o, &diagnostics) else {
                return nil
            }
            return Records(summary: summary, index: index, builder: builder, report: report, persons: persons)
        }
    }
}

extension ReportRunner {
    /// Says when few of the statements matched the catalogue (`report.unmatched`): a
    /// warning, or with `--strict` an error, and then false: no report.
    static func keepsUnmatched(_ report: Report, matched: Int, unknown: [String: Int], index: CatalogueIndex, place: String,
                               _ o: ReportOptions, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard var unmatched = UnmatchedStatements.diagnostic(report.statements, matched: matched, unknown: unknown,
                                                             idBase: index.idBase, place: place) else { return true }
        if o.strict { unmatched.severity = .error }
        diagnostics.append(unmatched)
        return !o.strict
    }
}

/// Carries the result out of the task; written before the semaphore is signalled.
private final class BlockingBox<T>: @unchecked Sendable { var result: Result<T, any Error>? }

/// Waits, on a thread of the command's own, for async work (an HTTP client's) to finish:
/// the report is a command that runs start to end, not a server.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = BlockingBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.result!
    }
}
