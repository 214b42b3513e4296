import Foundation
import LatihDiagnostics
import LatihParallel
#if canImport(Glibc)
import Glibc
#endif

/// A folder that Latih writes whole: the site, the report, or the certificates. It is the
/// one routine for all three, so that they refuse the same places and replace only what
/// they made.
///
/// The new contents are written to a staging folder beside the output and swapped in only
/// when complete, so a failed or interrupted run leaves the previous contents as they were.
/// Latih only ever replaces a folder that carries its kind's marker file, or an empty one.
public struct OutputFolder: Sendable {
    public let path: String
    public let kind: OutputKind

    public init(path: String, kind: OutputKind) {
        self.path = path
        self.kind = kind
    }

    /// Why not to write to this folder at all, or nil. `protecting` are the folders the
    /// site is built from (content and templates): no output goes over or inside them.
    /// A private kind (report, certificates) also never goes inside a site that Latih
    /// built, where the next upload would publish it.
    public func refusal(protecting: [String]) -> Diagnostic? {
        if let d = placeRefusal(protecting: protecting) { return d }
        let out = Self.absolute(path)
        let loc = SourceLocation(path: path)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDir) {
            guard isDir.boolValue else { return .error(.outputNotAFolder, loc, "output path exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty, !entries.contains(kind.marker) {
                return .error(.outputNotLatih, loc, "output folder was not made by `\(kind.command)`; refusing to replace it",
                              hint: "Latih only replaces folders it made (they hold \(kind.marker)); move this folder away or choose another --output")
            }
        }
        return nil
    }

    /// Why the place itself is refused, whatever the folder holds: `/`, the home folder,
    /// over or inside the content or templates, and for a private kind inside a built
    /// site. `latih package`, which adds zips to a folder rather than replacing it, asks
    /// only this.
    public func placeRefusal(protecting: [String]) -> Diagnostic? {
        let out = Self.absolute(path)
        let home = ProcessInfo.processInfo.environment["HOME"].map(Self.absolute)
        let loc = SourceLocation(path: path)
        let what = kind.noun
        if out == "/" { return .error(.outputRefused, loc, "refusing to use / as the output folder") }
        if let home, out == home { return .error(.outputRefused, loc, "refusing to use the home folder as the output folder") }
        for p in protecting.map(Self.absolute) {
            if out == p || p.hasPrefix(out + "/") {
                return .error(.outputRefused, loc, "refusing to write \(what) over \(p)",
                              hint: "choose an output folder that does not contain your content or templates")
            }
            if out.hasPrefix(p + "/") {
                let why = kind.isPrivate
                    ? "the next `latih build` would publish it, and it holds personal data"
                    : "the output folder must be outside content/ and templates/"
                return .error(.outputRefused, loc, "refusing to write \(what) inside \(p)", hint: why)
            }
        }
        if kind.isPrivate, let site = Self.enclosingSite(of: out) {
            return .error(.outputRefused, loc, "refusing to write \(what) inside the published site \(site)",
                          hint: "it holds personal data; write it outside every folder that is published")
        }
        return nil
    }

    /// The nearest folder above `path` (itself excluded) that holds a built site's marker.
    static func enclosingSite(of path: String) -> String? {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            if FileManager.default.fileExists(atPath: folder + "/" + OutputKind.site.marker) { return folder }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// `path` made absolute, with `..`, `.` and symbolic links resolved as far as it exists.
    public static func absolute(_ p: String) -> String {
        let url = URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath()
        var s = url.path
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// A fresh staging folder beside the output, with the marker in it.
    public func makeStaging() throws -> String {
        let staging = "\(path).tmp-\(getpid())"
        let fm = FileManager.default
        if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try kind.markerText.write(toFile: staging + "/" + kind.marker, atomically: false, encoding: .utf8)
        return staging
    }

    /// Replaces the output with the staging folder: two renames, with the old contents
    /// deleted only after the new ones are in place.
    public func commit(staging: String) throws {
        let fm = FileManager.default
        let old = "\(path).old-\(getpid())"
        if fm.fileExists(atPath: path) {
            guard rename(path, old) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        guard rename(staging, path) == 0 else {
            let e = errno
            if fm.fileExists(atPath: old) { _ = rename(old, path) }
            throw POSIXError(POSIXErrorCode(rawValue: e) ?? .EIO)
        }
        if fm.fileExists(atPath: old) { try? fm.removeItem(atPath: old) }
    }

    /// Removes staging folders left by interrupted runs: they carry the marker, and the
    /// process named in their suffix is gone (a running one's folder is kept).
    public func removeStale() {
        let fm = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        for name in (try? fm.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        where name.hasPrefix(base + ".tmp-") || name.hasPrefix(base + ".old-") {
            let full = (parent.isEmpty ? "." : parent) + "/" + name
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            if fm.fileExists(atPath: full + "/" + kind.marker) { try? fm.removeItem(atPath: full) }
        }
    }

    /// Writes `files` (paths relative to the folder) as the folder's whole contents:
    /// refused as `refusal` says, staged, and swapped in. Throws `Refused` with the
    /// diagnostic, or the write's error after removing the staging folder.
    public func write(_ files: [(path: String, data: Data)], protecting: [String]) throws {
        try replace(protecting: protecting) { staging in
            try Self.makeFolders(for: files.map(\.path), in: staging)
            // Plain writes, on every core: FileManager.createFile syncs each file to disk,
            // which costs more than writing it.
            let failed = files.parallelMap { file in
                (try? file.data.write(to: URL(fileURLWithPath: staging + "/" + file.path))) == nil ? file.path : nil
            }
            if let path = failed.lazy.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staging + "/" + path])
            }
        }
    }

    /// Makes the folder's whole contents through `fill`, which writes them under the
    /// staging folder whose path it is handed (so that they need not all be in memory at
    /// once), then swaps them in; refused as `refusal` says, and on an error the staging
    /// folder is removed and the previous contents stay.
    public func replace(protecting: [String], fill: (String) throws -> Void) throws {
        if let d = refusal(protecting: protecting) { throw Refused(diagnostic: d) }
        removeStale()
        let staging = try makeStaging()
        do {
            try fill(staging)
            try commit(staging: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// Makes the folders that `paths` (relative to `root`) are in.
    public static func makeFolders(for paths: [String], in root: String) throws {
        for folder in Set(paths.map { (root + "/" + $0 as NSString).deletingLastPathComponent }).sorted() {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    /// A refusal from `write`, with its diagnostic.
    public struct Refused: Error {
        public let diagnostic: Diagnostic
    }

    /// The diagnostic of an error that `write` or `replace` threw: its refusal, or the
    /// write's failure, which left the previous contents as they were.
    public func diagnostic(_ error: Error) -> Diagnostic {
        if let refused = error as? Refused { return refused.diagnostic }
        return .error(.outputWriteFailed, SourceLocation(path: path), "cannot write \(kind.noun): \(error.localizedDescription)",
                      hint: "the previous contents of \(path)/ were left as they were")
    }
}
