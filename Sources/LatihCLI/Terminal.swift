import Foundation
import LatihDiagnostics
#if canImport(Glibc)
import Glibc
#endif

/// Writes to stderr: diagnostics (coloured on a terminal unless NO_COLOR is set) and a
/// one-line progress status that is shown only on a terminal.
struct Terminal: Sendable {
    let isInteractive: Bool
    let colour: Bool

    init() {
        isInteractive = isatty(2) != 0
        colour = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    func status(_ s: String) {
        write("\r\u{1B}[2K\(s)…")
    }

    func clearStatus() {
        if isInteractive { write("\r\u{1B}[2K") }
    }

    func error(_ message: String) {
        write(colour ? "\u{1B}[1;31merror:\u{1B}[0m \(message)\n" : "error: \(message)\n")
    }

    func report(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(colour: colour, sourceLine: Terminal.line)
        write(renderer.render(diagnostics))
    }

    /// Reads one line of a file, for showing the offending line under a diagnostic.
    @Sendable static func line(_ path: String, _ number: Int) -> String? {
        // The size first: a year of LRS statements is hundreds of megabytes, too much to
        // read once per warning to show one line.
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size < 64 << 20,
              let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        var line = 1
        var start = data.startIndex
        for i in data.indices where data[i] == 10 {
            if line == number { return String(decoding: data[start..<i], as: UTF8.self).trimmingCharacters(in: ["\r"]) }
            line += 1
            start = i + 1
        }
        return line == number ? String(decoding: data[start...], as: UTF8.self) : nil
    }
}
