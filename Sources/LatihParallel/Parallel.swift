import Foundation

extension Array where Element: Sendable {
    /// Maps across all cores, keeping the input order so that results never depend on scheduling.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count < 2 || ParallelWork.isSerial { return map(transform) }
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

/// Written by one thread before a semaphore is signalled, read by another after it.
private final class SideResult<T>: @unchecked Sendable {
    var value: T?
}

/// Lets a background job run its `parallelMap`s on its own thread alone, leaving the
/// other cores to work that someone is waiting for (`latih serve` rebuilds the search
/// index this way while edits keep being applied).
public enum ParallelWork {
    /// Runs `work` with every `parallelMap` it makes on the calling thread.
    public static func serially<T>(_ work: () -> T) -> T {
        let key = "latih.parallel.serial"
        Thread.current.threadDictionary[key] = true
        defer { Thread.current.threadDictionary[key] = nil }
        return work()
    }

    /// Runs `side` on a thread of its own (with a large stack, see `onLargeStack`) while
    /// `main` runs on the calling thread, and returns both results once both are done.
    /// Their `parallelMap`s share the cores, so a job that keeps them only half busy
    /// (the search index, with its sequential steps) costs little wall time beside one
    /// that fills them (page rendering). Serial callers (see `serially`) run both in turn.
    public static func alongside<A, B: Sendable>(_ main: () -> A, _ side: @escaping @Sendable () -> B) -> (A, B) {
        if isSerial { return (main(), side()) }
        let waitForSide = startOnLargeStack(side)
        let a = main()
        return (a, waitForSide())
    }

    /// Runs `work` on a thread with a 64 MiB stack and waits for it. Callers may be on
    /// a dispatch or Swift-concurrency thread with a 512 KiB stack, which the build's
    /// deep frames (and deeply nested content) must not depend on.
    public static func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        startOnLargeStack(work)()
    }

    /// Starts `work` on a new thread with a 64 MiB stack; the function returned waits for
    /// its result.
    static func startOnLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> () -> T {
        let box = SideResult<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        return {
            done.wait()
            return box.value!
        }
    }

    static var isSerial: Bool {
        Thread.current.threadDictionary["latih.parallel.serial"] != nil
    }
}
