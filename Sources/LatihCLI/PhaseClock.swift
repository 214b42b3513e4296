import Foundation

/// Times the phases of a build for `latih build --timings`.
final class PhaseClock: @unchecked Sendable {
    private let lock = NSLock()
    private var marks: [(String, Date)] = []
    private let started = Date()

    func start(_ phase: String) {
        lock.lock()
        marks.append((phase, Date()))
        lock.unlock()
    }

    /// One line per phase: milliseconds, then its name; the last phase ends now.
    func report() -> String {
        lock.lock()
        defer { lock.unlock() }
        let end = Date()
        var out = ""
        for (i, (name, at)) in marks.enumerated() {
            let next = i + 1 < marks.count ? marks[i + 1].1 : end
            out += String(format: "%8.1f ms  %@\n", next.timeIntervalSince(at) * 1000, name)
        }
        out += String(format: "%8.1f ms  total\n", end.timeIntervalSince(started) * 1000)
        return out
    }
}
