import Foundation
import LatihDiagnostics
import LatihOutput
import LatihRender
import LatihSite
import ZIPFoundation

/// What `latih package` writes, from where, to where.
public struct PackageOptions: Sendable {
    public var build: BuildOptions
    public var formats: [LMSFormat]
    /// Course slugs; every course when empty.
    public var courses: [String]
    public var outputDir: String

    public init(build: BuildOptions, formats: [LMSFormat], courses: [String] = [], outputDir: String = "packages") {
        self.build = build
        self.formats = formats
        self.courses = courses
        self.outputDir = outputDir
    }
}

/// The outcome of packaging.
public struct PackageResult: Sendable {
    /// The zips written, by path.
    public var written: [String] = []
    public var diagnostics: [Diagnostic] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Writes one zip per course and format: `<output>/<course>-scorm12.zip` and
/// `<output>/<course>-cmi5.zip`. Each holds the course's pages at their site paths, the
/// theme's assets, the files the pages use, and the manifest at its root (with the SCORM
/// schemas beside it). Zips are byte-for-byte the same for the same content: entries are
/// in path order with one fixed date. Each is written beside its final name and renamed
/// into place, so a failed run leaves the previous packages as they were.
public enum PackageWriter {
    /// The date every entry carries (zip dates are local time, to the even second).
    static let entryDate: Date = {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = (2000, 1, 1, 0)
        return Calendar(identifier: .gregorian).date(from: c) ?? Date(timeIntervalSince1970: 946_684_800)
    }()

    public static func write(_ options: PackageOptions) -> PackageResult {
        var result = PackageResult()
        let place = OutputFolder(path: options.outputDir, kind: .packages)
        if let refusal = place.placeRefusal(protecting: [options.build.contentDir, options.build.templatesDir]) {
            result.diagnostics = [refusal]
            return result
        }
        // One assembly of the site for every format; only the pages are rendered per format.
        let (packages, diags) = CourseForLMS.render(options.build, formats: options.formats, only: options.courses)
        result.diagnostics += diags
        for (format, courses) in packages {
            let schemas = format == .scorm12 ? readSchemas(options.build.templatesDir, &result.diagnostics) : []
            if result.diagnostics.hasErrors { continue }
            for course in courses {
                var entries = course.files
                switch format {
                case .scorm12:
                    entries.append(("imsmanifest.xml", Data(ScormManifest.xml(course).utf8)))
                    entries += schemas
                case .cmi5:
                    entries.append(("cmi5.xml", Data(Cmi5Manifest.xml(course).utf8)))
                }
                let path = options.outputDir + "/\(course.slug)-\(format.rawValue).zip"
                do {
                    try zip(entries.sorted { $0.0 < $1.0 }, to: path)
                    result.written.append(path)
                } catch {
                    let reason = (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "\(error)"
                    result.diagnostics.append(.error(.lmsWriteFailed, SourceLocation(path: path), "cannot write the package: \(reason)",
                                                     hint: "check that \(options.outputDir)/ is writable; the previous package was left as it was"))
                }
            }
        }
        result.diagnostics.sort()
        return result
    }

    /// The SCORM 1.2 schemas from the theme's `lms/scorm12/`.
    static func readSchemas(_ templates: String, _ diags: inout [Diagnostic]) -> [(String, Data)] {
        ScormManifest.schemas.compactMap { name in
            let path = templates + "/lms/scorm12/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                diags.append(.error(.lmsSchemaMissing, SourceLocation(path: path), "SCORM 1.2 schema not found",
                                    hint: "SCORM packages carry ADL's schemas; copy lms/scorm12/ from Latih's default theme"))
                return nil
            }
            return (name, data)
        }
    }

    static func zip(_ entries: [(String, Data)], to path: String) throws {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        try fm.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        let staging = (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".tmp"
        if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: staging), accessMode: .create)
            for (name, data) in entries {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        // rename(2) replaces the previous package in one step.
        guard rename(staging, path) == 0 else {
            let code = errno
            try? fm.removeItem(atPath: staging)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
