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

/// A diagnostic's stable identity, `area.what` (for example `front-matter.unknown-key`),
/// which tools and tests match on while the wording of messages may change. Every code
/// is one of `DiagnosticCode.all`, and `docs/diagnostics.md` explains each.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// More about a diagnostic, at a place of its own: the first definition of a duplicate,
/// the other claim on an output path.
public struct DiagnosticNote: Sendable, Hashable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// One finding about the input: what kind it is, where it is, how bad it is, and what to
/// do about it.
///
/// Every parser in Latih returns diagnostics as values rather than throwing, so that one
/// run can report every mistake in every file. `DiagnosticRenderer` turns them into text,
/// and `DiagnosticJSON` into JSON.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it, when there is more to say than the message.
    public var hint: String?
    /// The text that would fix it, when there is one to offer: the known word a misspelt
    /// one is closest to ("did you mean …?").
    public var suggestion: String?
    /// Related places, each with what it holds.
    public var notes: [DiagnosticNote]

    public init(_ code: DiagnosticCode, _ severity: Severity, _ location: SourceLocation, _ message: String,
                hint: String? = nil, suggestion: String? = nil, notes: [DiagnosticNote] = []) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.suggestion = suggestion
        self.notes = notes
    }

    public static func error(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String, hint: String? = nil,
                             suggestion: String? = nil, notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(code, .error, location, message, hint: hint, suggestion: suggestion, notes: notes)
    }

    public static func warning(_ code: DiagnosticCode, _ location: SourceLocation, _ message: String, hint: String? = nil,
                               suggestion: String? = nil, notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(code, .warning, location, message, hint: hint, suggestion: suggestion, notes: notes)
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
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
