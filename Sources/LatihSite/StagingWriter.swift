import Foundation
import LatihRender
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder of a build that writes: pages go into it as soon as they are
/// rendered, from every core, so that the site's HTML is never all in memory at once.
/// The folder replaces the output only when the whole build has succeeded
/// (`WriteStage`); a failed or interrupted build deletes it.
final class StagingWriter: @unchecked Sendable {
    /// The staging folder's path.
    let path: String
    private let lock = NSLock()
    private var failed: [String] = []

    init(path: String) {
        self.path = path
    }

    /// The paths that could not be written, in sorted order.
    var failures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return failed.sorted()
    }

    /// Writes `file` under the staging folder, making its folders; a failure is
    /// remembered, and reported by `WriteStage` before anything is swapped in.
    @Sendable func write(_ file: OutputFile) {
        let full = path + "/" + file.path
        let dir = (full as NSString).deletingLastPathComponent
        if !(makeFolders(dir) && writeFile(full, file.contents)) {
            lock.lock()
            failed.append(file.path)
            lock.unlock()
        }
    }

    /// Deletes the staging folder (after a failed or interrupted build).
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `mkdir -p`, safe when several threads make the same folders at once (EEXIST is
    /// success). FileManager's intermediate creation is not documented as race-free.
    private func makeFolders(_ dir: String) -> Bool {
        if mkdir(dir, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parent = (dir as NSString).deletingLastPathComponent
        guard parent != dir, !parent.isEmpty, makeFolders(parent) else { return false }
        return mkdir(dir, 0o755) == 0 || errno == EEXIST
    }
}
