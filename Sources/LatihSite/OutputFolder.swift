import Foundation
import LatihDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// The output folder, written safely: the new site is built in a temporary folder beside
/// it and swapped in only when complete, so a failed or interrupted build leaves the
/// previous site as it was. Latih only ever replaces a folder that carries its marker file.
struct OutputFolder {
    static let markerName = ".latih-site"
    static let markerText = "This folder was made by `latih build`. Latih may delete and replace it.\n"

    let path: String

    /// Reasons not to write to `path` at all.
    static func refusal(output: String, protecting: [String]) -> Diagnostic? {
        let out = absolute(output)
        let home = ProcessInfo.processInfo.environment["HOME"].map(absolute)
        let loc = SourceLocation(path: output)
        if out == "/" { return .error(.outputRefused, loc, "refusing to use / as the output folder") }
        if let home, out == home { return .error(.outputRefused, loc, "refusing to use the home folder as the output folder") }
        for p in protecting.map(absolute) {
            if out == p || p.hasPrefix(out + "/") {
                return .error(.outputRefused, loc, "refusing to write the site over \(p)", hint: "choose an output folder that does not contain your content or templates, e.g. --output site")
            }
            if out.hasPrefix(p + "/") {
                return .error(.outputRefused, loc, "refusing to write the site inside \(p)", hint: "the output folder must be outside content/ and templates/")
            }
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out, isDirectory: &isDir) {
            guard isDir.boolValue else { return .error(.outputNotAFolder, loc, "output path exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty, !entries.contains(markerName) {
                return .error(.outputNotLatih, loc, "output folder was not made by latih; refusing to replace it",
                              hint: "latih only replaces folders it created (they contain \(markerName)); move this folder away or choose another --output")
            }
        }
        return nil
    }

    static func absolute(_ p: String) -> String {
        let url = URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath()
        var s = url.path
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// A fresh staging folder beside the output.
    func makeStaging() throws -> String {
        let staging = "\(path).tmp-\(getpid())"
        let fm = FileManager.default
        if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try Self.markerText.write(toFile: staging + "/" + Self.markerName, atomically: false, encoding: .utf8)
        return staging
    }

    /// Replaces the output with the staging folder: two renames, with the old site
    /// deleted only after the new one is in place.
    func commit(staging: String) throws {
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

    /// Removes staging folders left by interrupted builds: they carry the marker, and
    /// the process named in their suffix is gone (a running build's folder is kept).
    func removeStale() {
        let fm = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        for name in (try? fm.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        where name.hasPrefix(base + ".tmp-") || name.hasPrefix(base + ".old-") {
            let full = (parent.isEmpty ? "." : parent) + "/" + name
            if let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) == 0 { continue }
            if fm.fileExists(atPath: full + "/" + Self.markerName) { try? fm.removeItem(atPath: full) }
        }
    }
}
