#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders recursively and reports changed paths, in batches: after the first
/// event it waits until the folders have been quiet for `quiet` seconds, so one save
/// (or an editor's write-to-temp-then-rename dance) becomes one rebuild.
///
/// Linux's inotify, used directly: no maintained Swift package in reach watches files
/// on Linux, and the calls are few. Elsewhere it falls back to comparing modification
/// times twice a second.
final class FileWatcher: @unchecked Sendable {
    /// Changed paths, absolute.
    let batches: AsyncStream<Set<String>>
    private let continuation: AsyncStream<Set<String>>.Continuation
    private let roots: [String]
    private let quiet: TimeInterval
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var lastEvent = Date.distantPast

    init(roots: [String], quiet: TimeInterval = 0.01) {
        self.roots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.quiet = quiet
        (batches, continuation) = AsyncStream.makeStream()
    }

    func start() {
        let reader = Thread { [self] in watch() }
        reader.stackSize = 1 << 20
        reader.start()
        let flusher = Thread { [self] in flushLoop() }
        flusher.start()
    }

    private func note(_ path: String) {
        lock.lock()
        pending.insert(path)
        lastEvent = Date()
        lock.unlock()
    }

    private func flushLoop() {
        while true {
            Thread.sleep(forTimeInterval: quiet / 2)
            lock.lock()
            if !pending.isEmpty, Date().timeIntervalSince(lastEvent) >= quiet {
                let batch = pending
                pending = []
                lock.unlock()
                continuation.yield(batch)
            } else {
                lock.unlock()
            }
        }
    }

    #if os(Linux)
    private func watch() {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return poll() }
        var folders: [Int32: String] = [:]
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MODIFY)
        func add(_ dir: String) {
            let wd = inotify_add_watch(fd, dir, mask)
            if wd >= 0 { folders[wd] = dir }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for name in names {
                var isDir: ObjCBool = false
                let path = dir + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
                   (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                    add(path)
                }
            }
        }
        roots.forEach(add)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            while offset < n {
                let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + nameLength
                guard let dir = folders[wd] else { continue }
                let path = name.isEmpty ? dir : dir + "/" + name
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    add(path) // a new folder: watch it, and what an editor put in it already
                }
                if eventMask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                note(path)
            }
        }
    }
    #else
    private func watch() { poll() }
    #endif

    /// Compares modification times twice a second.
    private func poll() {
        func snapshot() -> [String: Date] {
            var out: [String: Date] = [:]
            for root in roots {
                guard let e = FileManager.default.enumerator(atPath: root) else { continue }
                while let p = e.nextObject() as? String {
                    let path = root + "/" + p
                    out[path] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                }
            }
            return out
        }
        var last = snapshot()
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            for (path, date) in now where last[path] != date { note(path) }
            for path in last.keys where now[path] == nil { note(path) }
            last = now
        }
    }
}
