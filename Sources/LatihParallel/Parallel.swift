import Foundation

extension Array where Element: Sendable {
    /// Maps across all cores, keeping the input order so that results never depend on scheduling.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: count) { i in
                results.set(i, transform(input[i]))
            }
        }
        return results.values()
    }
}

/// A fixed set of slots, each written exactly once by one worker. Disjoint indices
/// need no lock, which keeps parallel rendering free of contention.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }

    func values() -> [T] { (0..<count).map { buffer[$0]! } }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }
}
