import Foundation
import LatihDiagnostics
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
    /// A folder of learners' own progress exports.
    public var exports: String?
    public var output: String
    /// Records that cannot be read are errors, not warnings.
    public var strict = false
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
        o.progress?("reading \(o.build.contentDir)/")
        let (summary, catalogueDiags) = SiteBuilder.summary(o.build)
        result.diagnostics += catalogueDiags.filter { $0.severity == .error }
        let (theme, themeDiags) = Theme.load(from: o.build.templatesDir, language: summary?.language ?? "id")
        result.diagnostics += themeDiags.filter { $0.severity == .error }
        if theme != nil, !FileManager.default.fileExists(atPath: o.build.templatesDir + "/report.mustache") {
            result.diagnostics.append(.error(.templateMissing, SourceLocation(path: o.build.templatesDir + "/report.mustache"), "template is missing",
                                             hint: "`latih report` renders its pages with report.mustache; copy it from Latih's default theme"))
        }
        var people: [Person]?
        if let path = o.roster {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let (p, d) = Roster.parse(text, path: path)
                people = p
                result.diagnostics += d
            } else {
                result.diagnostics.append(.error(.reportUnreadableInput, SourceLocation(path: path), "roster cannot be read"))
            }
        }
        guard let summary, let theme, !result.diagnostics.hasErrors else { result.diagnostics.sort(); return result }

        let index = CatalogueIndex(summary)
        let year = YearWindow(o.year)
        var statements: [ReadStatement] = []
        var warnings: [Diagnostic] = []
        var exportEvents: [Event] = []
        var skipped = 0
        for path in o.statements {
            o.progress?("reading \(path)")
            // Mapped, not read: an LRS export of a year is hundreds of megabytes.
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                result.diagnostics.append(.error(.reportUnreadableInput, SourceLocation(path: path), "file of statements cannot be read"))
                continue
            }
            let read = StatementReader.read(data, path: path, index: index)
            statements += read.statements
            warnings += read.diagnostics
            skipped += read.skipped
        }
        if let lrs = o.lrs {
            o.progress?("reading statements from \(lrs)")
            var client = LRSClient(endpoint: lrs, auth: o.auth ?? "")
            let report = o.progress
            client.progress = { n in report?("reading statements from \(lrs): \(n)") }
            do {
                let (s, d) = try client.statements(year, index: index)
                statements += s
                warnings += d
                skipped += d.count
            } catch let f as LRSClient.Failure {
                result.diagnostics.append(.error(.reportLRSFailed, SourceLocation(path: lrs), f.message))
            } catch {
                result.diagnostics.append(.error(.reportLRSFailed, SourceLocation(path: lrs), "cannot read the LRS: \(error)"))
            }
        }
        if let folder = o.exports {
            o.progress?("reading \(folder)/")
            let r = ProgressExports.read(folder: folder, index: index, year: year)
            exportEvents = r.events
            skipped += r.skipped
            warnings += r.diagnostics.filter { $0.severity == .warning }
            result.diagnostics += r.diagnostics.filter { $0.severity == .error }
        }
        if o.strict { warnings = warnings.map { var d = $0; d.severity = .error; return d } }
        result.diagnostics += warnings
        guard !result.diagnostics.hasErrors else { result.diagnostics.sort(); return result }

        o.progress?("working out the report")
        let fromStatements = StatementEvents(statements, year: year)
        statements = []
        var counts = Report.Counts()
        counts.read = fromStatements.read
        counts.voided = fromStatements.voided
        counts.duplicates = fromStatements.duplicates
        counts.outOfYear = fromStatements.outOfYear
        let builder = ReportBuilder(index: index, year: year)
        let (report, _) = builder.report(fromStatements.events + exportEvents, roster: people, counts: counts,
                                         unknown: fromStatements.unknown, skipped: skipped)
        o.progress?("rendering pages")
        var files: [(String, Data)] = []
        var assetPaths: [String: String] = [:]
        for (name, data) in theme.assets where name == "latih.css" || name == "latih-report.js" || name == "icon.svg" {
            let published = "assets/" + SiteBuilder.hashedName(name, data)
            assetPaths[name] = published
            files.append((published, data))
        }
        let pages = ReportPages(report: report, index: index, strings: theme.strings, language: summary.language, assetPaths: assetPaths)
        // A page per person, unit and course: rendered on every core.
        let library = theme.library
        files += pages.all().map(PageValues.init).parallelMap { page in
            (page.path, Data((library.render(page.values, withTemplate: "report") ?? "").utf8))
        }
        o.progress?("encoding data files")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let json = try? encoder.encode(report) { files.append(("report.json", json + Data("\n".utf8))) }
        for (name, text) in ReportCSV.tables(report) { files.append(("data/" + name, Data(text.utf8))) }
        o.progress?("writing \(o.output)/")
        do {
            try ReportFolder.write(files, to: o.output, protecting: [o.build.contentDir, o.build.templatesDir])
            result.fileCount = files.count
            result.report = report
        } catch let e as ReportFolder.Refusal {
            result.diagnostics.append(.error(.outputRefused, SourceLocation(path: o.output), e.message))
        } catch {
            result.diagnostics.append(.error(.outputWriteFailed, SourceLocation(path: o.output), "cannot write the report: \(error.localizedDescription)",
                                             hint: "the previous report was left as it was"))
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

/// The report's folder: written beside its place, then swapped in. Only a folder that
/// Latih's report made (it holds `.latih-report`) or an empty one is ever replaced.
enum ReportFolder {
    static let marker = ".latih-report"

    struct Refusal: Error { var message: String }

    static func write(_ files: [(String, Data)], to output: String, protecting: [String]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        for p in protecting {
            let kept = URL(fileURLWithPath: p).standardizedFileURL.path
            if target == kept || kept.hasPrefix(target + "/") || target == "/" || target == NSHomeDirectory() {
                throw Refusal(message: "refusing to write the report over \(output), which holds \(p)")
            }
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDir) {
            let contents = (try? fm.contentsOfDirectory(atPath: target)) ?? []
            if !isDir.boolValue || (!contents.isEmpty && !contents.contains(marker)) {
                throw Refusal(message: "\(output) exists and is not a report Latih wrote; choose another --output")
            }
        }
        let staging = target + ".tmp-\(getpid())"
        if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
        do {
            let all = files + [(marker, Data())]
            for folder in Set(all.map { (staging + "/" + $0.0 as NSString).deletingLastPathComponent }).sorted() {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // Plain writes: FileManager.createFile syncs each file to disk, which costs more
            // than writing it.
            let failed = all.parallelMap { path, data in
                (try? data.write(to: URL(fileURLWithPath: staging + "/" + path))) == nil ? path : nil
            }
            if let path = failed.compactMap({ $0 }).first { throw Refusal(message: "cannot write \(staging)/\(path)") }
            let old = target + ".old-\(getpid())"
            if fm.fileExists(atPath: target) { try fm.moveItem(atPath: target, toPath: old) }
            try fm.moveItem(atPath: staging, toPath: target)
            try? fm.removeItem(atPath: old)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }
}
