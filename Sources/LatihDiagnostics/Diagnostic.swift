/// How bad a finding is. Errors fail a build; warnings are reported and let it finish.
public enum Severity: String, Sendable, Comparable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a source file. Lines and columns start at 1; columns count UTF-8 bytes,
/// as compilers and cmark-gfm do. A column of 0 means "the whole line"; a line of 0, "the whole file".
public struct SourceLocation: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// One finding about the input: where it is, how bad it is, and what to do about it.
///
/// Every parser in Latih returns diagnostics as values rather than throwing, so that one
/// run can report every mistake in every file. `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it, when there is more to say than the message.
    public var hint: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    public static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, then line, then column, so output never depends on
    /// the order in which parallel work finished.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let l = lhs.location, r = rhs.location
        if l.path != r.path { return l.path < r.path }
        if l.line != r.line { return l.line < r.line }
        if l.column != r.column { return l.column < r.column }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
