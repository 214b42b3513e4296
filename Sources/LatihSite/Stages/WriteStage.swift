import LatihParallel
import Foundation
import LatihContent
import LatihOutput
import LatihRender
#if canImport(Glibc)
import Glibc
#endif

/// The last stage of a build: the rest of the finished site (the pages the renderer did
/// not write as it went, the search index, assets) written into the staging folder, in
/// parallel, and the folder swapped into place (see `OutputFolder`).
enum WriteStage {
    enum Cancelled: Error { case byRequest }

    static func write(to output: String, staging writer: StagingWriter, pages: [OutputFile], assets: [(String, Data)],
                      contentAssets: [Asset], contentDir: String, isCancelled: () -> Bool) throws {
        let folder = OutputFolder(path: output, kind: .site)
        let staging = writer.path
        do {
            if let failed = writer.failures.first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed])
            }
            let fm = FileManager.default
            var dirs: Set<String> = []
            let allPaths = pages.map(\.path) + assets.map(\.0) + contentAssets.map(\.outputPath)
            for p in allPaths {
                let dir = (p as NSString).deletingLastPathComponent
                if !dir.isEmpty { dirs.insert(dir) }
            }
            for dir in dirs.sorted() {
                try fm.createDirectory(atPath: staging + "/" + dir, withIntermediateDirectories: true)
            }
            let failures = pages.parallelMap { page -> String? in
                writeFile(staging + "/" + page.path, page.contents) ? nil : page.path
            }
            if let failed = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed])
            }
            for (path, data) in assets {
                try data.write(to: URL(fileURLWithPath: staging + "/" + path))
            }
            for asset in contentAssets {
                try fm.copyItem(atPath: contentDir + "/" + asset.sourcePath, toPath: staging + "/" + asset.outputPath)
            }
            // The last chance to stop: after this the new site replaces the old one.
            if isCancelled() { throw Cancelled.byRequest }
            try folder.commit(staging: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}

/// Writes a new file with plain POSIX calls. FileManager.createFile writes through a
/// temporary file and fsyncs each one, which cost a third of the build's time; the
/// whole staging folder is already swapped in atomically, so per-file atomicity buys nothing.
func writeFile(_ path: String, _ contents: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var contents = contents
    return contents.withUTF8 { buf in
        var offset = 0
        while offset < buf.count {
            let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
