import Foundation
import LatihParallel

/// The line a build shows on a terminal while it runs: the phase, and how many pages are
/// rendered and index files encoded, redrawn in place ten times a second (as cargo and
/// `swift build` do). One thread draws; the build's threads only count.
final class ProgressLine: @unchecked Sendable {
    let pages = ProgressCounter()
    let indexFiles = ProgressCounter()
    private let terminal: Terminal
    private let lock = NSLock()
    private var phase = ""
    private var running = true
    private let stopped = DispatchSemaphore(value: 0)

    init(terminal: Terminal) {
        self.terminal = terminal
        Thread.detachNewThread { [self] in
            while isRunning {
                draw()
                Thread.sleep(forTimeInterval: 0.1)
            }
            stopped.signal()
        }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    func start(_ phase: String) {
        lock.lock()
        self.phase = phase
        lock.unlock()
    }

    /// The text of the line: "rendering pages, indexing for search: 4,200/10,506 pages, 310/12,176 index files".
    func text() -> String {
        lock.lock()
        let phase = self.phase
        lock.unlock()
        var counts: [String] = []
        let p = pages.value, f = indexFiles.value
        if p.total > 0 { counts.append("\(p.done)/\(p.total) pages") }
        if f.total > 0 { counts.append("\(f.done)/\(f.total) index files") }
        return counts.isEmpty ? phase : phase + ": " + counts.joined(separator: ", ")
    }

    private func draw() {
        let t = text()
        if !t.isEmpty { terminal.status(t) }
    }

    /// Stops drawing and clears the line.
    func finish() {
        lock.lock()
        running = false
        lock.unlock()
        stopped.wait()
        terminal.clearStatus()
    }
}
