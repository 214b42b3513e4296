import Foundation

/// A count of work done out of a total, shared by the threads that do the work and one
/// that shows it (a terminal's progress line). Increments take a lock: they happen once
/// per page or index file, never per word.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var _done = 0, _total = 0

    public init() {}

    /// Adds `n` to the total (work that has become known).
    public func expect(_ n: Int) {
        lock.lock()
        _total += n
        lock.unlock()
    }

    /// One more done.
    public func step() {
        lock.lock()
        _done += 1
        lock.unlock()
    }

    /// `(done, total)` as of now.
    public var value: (done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (_done, _total)
    }
}
