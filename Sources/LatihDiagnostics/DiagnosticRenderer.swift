/// Turns diagnostics into text. This is the only place where a `Diagnostic` becomes a string.
///
/// The first line of each diagnostic is compiler-style, `path:line:col: error: message`,
/// so editors and CI annotators can jump to it, with the code after the message in
/// brackets, as Clang writes its warning flags. When the source text is at hand the
/// offending line follows, with a caret under the column; then the hint, and each note
/// at its own place.
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var colour: Bool
    /// Reads a source line for context; returns nil when it cannot.
    public var sourceLine: @Sendable (String, Int) -> String?

    public init(colour: Bool = false, sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.colour = colour
        self.sourceLine = sourceLine
    }

    /// The compiler-style header line alone, with no colour and no context.
    public static func headline(_ d: Diagnostic) -> String {
        "\(position(d.location)): \(d.severity.rawValue): \(d.message)"
    }

    /// `path:line:col`, `path:line` or `path`, as the headline writes a place.
    public static func position(_ l: SourceLocation) -> String {
        var s = l.path
        if l.line > 0 {
            s += ":\(l.line)"
            if l.column > 0 { s += ":\(l.column)" }
        }
        return s
    }

    /// The full text of one diagnostic, ending in a newline.
    public func render(_ d: Diagnostic) -> String {
        let bold = colour ? "\u{1B}[1m" : "", reset = colour ? "\u{1B}[0m" : ""
        let tint = colour ? (d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m") : ""
        var out = "\(bold)\(Self.position(d.location)):\(reset) \(tint)\(d.severity.rawValue):\(reset) \(bold)\(d.message)\(reset) [\(d.code)]\n"
        if d.location.line > 0, let line = sourceLine(d.location.path, d.location.line) {
            let shown = line.replacingTabs()
            out += "    \(shown)\n"
            if d.location.column > 0 {
                let prefix = line.utf8.prefix(d.location.column - 1)
                let width = String(decoding: prefix, as: UTF8.self).replacingTabs().count
                let green = colour ? "\u{1B}[1;32m" : ""
                out += "    " + String(repeating: " ", count: width) + "\(green)^\(reset)\n"
            }
        }
        if let hint = d.hint {
            out += "    hint: \(hint)\n"
        }
        for note in d.notes {
            out += "    note: \(Self.position(note.location)): \(note.message)\n"
        }
        return out
    }

    /// All diagnostics, sorted, then a count line such as `2 errors, 1 warning`.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(render).joined()
    }

    /// A short tally: "2 errors, 1 warning", or "" when there are none.
    public static func tally(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.filter { $0.severity == .error }.count
        let w = diagnostics.count - e
        var parts: [String] = []
        if e > 0 { parts.append("\(e) error\(e == 1 ? "" : "s")") }
        if w > 0 { parts.append("\(w) warning\(w == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
