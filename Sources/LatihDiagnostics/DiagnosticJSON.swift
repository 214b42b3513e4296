import Foundation

/// Diagnostics as JSON, the form tools read (`latih check --format json`): an array with
/// one object per diagnostic, sorted as the text is. `docs/diagnostics.md` shows its keys.
public enum DiagnosticJSON {
    /// One diagnostic's object. Optional fields are left out when empty.
    struct Item: Encodable {
        var code: String
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var suggestion: String?
        var notes: [Note]?

        struct Note: Encodable {
            var path: String
            var line: Int
            var column: Int
            var message: String
        }

        init(_ d: Diagnostic) {
            code = d.code.rawValue
            severity = d.severity.rawValue
            path = d.location.path
            line = d.location.line
            column = d.location.column
            message = d.message
            hint = d.hint
            suggestion = d.suggestion
            notes = d.notes.isEmpty ? nil : d.notes.map {
                Note(path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
            }
        }
    }

    /// The JSON text of `diagnostics`, pretty-printed with sorted keys, so that it is the
    /// same for the same findings.
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and optionals cannot fail.
        let data = (try? encoder.encode(diagnostics.sorted().map(Item.init))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
