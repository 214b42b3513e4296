import LatihDiagnostics

/// A Markdown file split into its front matter and its body.
public struct ParsedDocument: Sendable {
    public var frontMatter: FrontMatter
    /// Everything after the closing `---` line.
    public var body: String
    /// The 1-based line of the file on which `body` starts, so that positions found
    /// in the body can be reported as positions in the file.
    public var bodyLine: Int
    public var diagnostics: [Diagnostic]
    /// False when the front matter could not be read at all (it was never closed), so
    /// that later checks do not pile "missing title" on top of the real problem.
    public var isComplete: Bool = true
}

/// Reads Latih's front matter: a strict `key: value` format that is deliberately not YAML.
///
/// The grammar is small enough that no library fits it better than a direct reader,
/// and owning it lets every mistake carry its exact line and column:
/// - the block opens with `---` on line 1 and closes with the next `---` line;
/// - each line is `key: value`, with a key of `[a-z][a-z0-9-]*` and the value the rest of the line, trimmed;
/// - blank lines and `#` comment lines are allowed;
/// - a line indented by two or more spaces continues the previous value;
/// - a UTF-8 BOM and CRLF line endings are accepted.
public enum FrontMatterParser {
    /// Parses a Markdown document whose front matter, if any, starts on line 1.
    /// A file that does not start with `---` has empty front matter.
    public static func parseDocument(_ text: String, path: String, schema: Schema) -> ParsedDocument {
        let text = dropBOM(text)
        let lines = splitLines(text)
        guard let first = lines.first, first.text.trimmingSpaces == "---" else {
            var fm = FrontMatter()
            var diags: [Diagnostic] = []
            checkRequired(&fm, schema: schema, path: path, at: 1, diagnostics: &diags)
            return ParsedDocument(frontMatter: fm, body: String(text), bodyLine: 1, diagnostics: diags)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.text.trimmingSpaces == "---" }) else {
            let d = Diagnostic.error(
                .frontMatterUnclosed, SourceLocation(path: path, line: 1, column: 1),
                "front matter opened here is never closed",
                hint: "add a line containing only --- after the last key")
            return ParsedDocument(frontMatter: FrontMatter(), body: "", bodyLine: lines.count + 1, diagnostics: [d], isComplete: false)
        }
        var (fm, diags) = parseLines(lines[1..<close], path: path, schema: schema)
        checkRequired(&fm, schema: schema, path: path, at: 1, diagnostics: &diags)
        let bodyStart: Substring.Index
        if close + 1 < lines.count {
            bodyStart = lines[close + 1].text.startIndex
        } else {
            bodyStart = text.endIndex
        }
        return ParsedDocument(frontMatter: fm, body: String(text[bodyStart...]), bodyLine: lines[close].number + 1, diagnostics: diags)
    }

    /// Parses a whole file in the front-matter line grammar, without `---` lines (`site.conf`).
    public static func parseConf(_ text: String, path: String, schema: Schema) -> (FrontMatter, [Diagnostic]) {
        let lines = splitLines(dropBOM(text))
        var (fm, diags) = parseLines(lines[...], path: path, schema: schema)
        checkRequired(&fm, schema: schema, path: path, at: 1, diagnostics: &diags)
        return (fm, diags)
    }

    /// Parses `key: value` lines that accept any key, as plain text (interface string tables).
    public static func parseTable(_ text: String, path: String) -> ([String: String], [Diagnostic]) {
        var table: [String: String] = [:]
        var diags: [Diagnostic] = []
        var lineOf: [String: Int] = [:]
        for entry in entries(splitLines(dropBOM(text))[...], path: path, diagnostics: &diags) {
            if let earlier = lineOf[entry.key] {
                diags.append(.error(.frontMatterDuplicateKey, entry.keyLocation(path), "duplicate key `\(entry.key)`",
                                    hint: "it is already set on line \(earlier)",
                                    notes: [DiagnosticNote(SourceLocation(path: path, line: earlier, column: 1), "first set here")]))
                continue
            }
            lineOf[entry.key] = entry.line
            table[entry.key] = entry.value
        }
        return (table, diags)
    }

    static func parseLines(_ lines: ArraySlice<SourceLine>, path: String, schema: Schema) -> (FrontMatter, [Diagnostic]) {
        var diags: [Diagnostic] = []
        var fm = FrontMatter()
        // Keys written with a bad value are not also reported as missing.
        var written: Set<String> = []
        for entry in entries(lines, path: path, diagnostics: &diags) {
            guard let spec = schema.spec(for: entry.key) else {
                var hint = "the keys a \(schema.name) accepts are: \(schema.fields.map(\.name).joined(separator: ", "))"
                if let s = Suggestion.closest(to: entry.key, in: schema.spellings) {
                    diags.append(.error(.frontMatterUnknownKey, entry.keyLocation(path), "unknown key `\(entry.key)`; did you mean `\(s)`?",
                                        hint: hint, suggestion: s))
                } else {
                    hint = "a \(schema.name) accepts: \(schema.fields.map(\.name).joined(separator: ", "))"
                    diags.append(.error(.frontMatterUnknownKey, entry.keyLocation(path), "unknown key `\(entry.key)`", hint: hint))
                }
                continue
            }
            if let earlier = fm.fields[spec.name] {
                let same = earlier.writtenKey == entry.key
                let what = same ? "duplicate key `\(entry.key)`"
                    : "duplicate key `\(entry.key)`: it is an alias of `\(earlier.writtenKey)`"
                diags.append(.error(same ? .frontMatterDuplicateKey : .frontMatterAliasDuplicate, entry.keyLocation(path), what,
                                    hint: "`\(earlier.writtenKey)` is already set on line \(earlier.line); keep one of them",
                                    notes: [DiagnosticNote(SourceLocation(path: path, line: earlier.line, column: earlier.keyColumn),
                                                           "`\(earlier.writtenKey)` is set here")]))
                continue
            }
            written.insert(spec.name)
            let valueLocation = SourceLocation(path: path, line: entry.line, column: entry.valueColumn)
            switch ValueReader.read(entry.value, as: spec.kind, key: entry.key) {
            case .success(let value):
                fm.fields[spec.name] = Field(key: spec.name, writtenKey: entry.key, value: value, raw: entry.value,
                                             line: entry.line, keyColumn: entry.keyColumn, valueColumn: entry.valueColumn)
            case .failure(let problem):
                diags.append(.error(problem.code, valueLocation, problem.message, hint: problem.hint, suggestion: problem.suggestion))
            }
        }
        fm.written = written
        return (fm, diags)
    }

    static func checkRequired(_ fm: inout FrontMatter, schema: Schema, path: String, at line: Int, diagnostics: inout [Diagnostic]) {
        for key in schema.required where fm.fields[key] == nil && !fm.written.contains(key) {
            let alias = schema.spec(for: key)?.alias.map { " (or `\($0)`)" } ?? ""
            diagnostics.append(.error(.frontMatterMissingKey, SourceLocation(path: path, line: line, column: 1),
                                      "missing required key `\(key)`",
                                      hint: "a \(schema.name) needs `\(key):`\(alias) in its front matter"))
        }
    }

    /// One `key: value` entry, continuation lines already joined.
    struct Entry {
        var key: String
        var value: String
        var line: Int
        var keyColumn: Int
        var valueColumn: Int

        func keyLocation(_ path: String) -> SourceLocation {
            SourceLocation(path: path, line: line, column: keyColumn)
        }
    }

    /// Splits lines into entries, reporting lines that are not `key: value` and bad keys.
    static func entries(_ lines: ArraySlice<SourceLine>, path: String, diagnostics: inout [Diagnostic]) -> [Entry] {
        var out: [Entry] = []
        var lastWasEntry = false
        for line in lines {
            let text = line.text
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                lastWasEntry = false
                continue
            }
            if trimmed.first == "#" { continue }
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            if indent.count >= 2 || indent.contains("\t") {
                if lastWasEntry, !out.isEmpty {
                    out[out.count - 1].value += (out[out.count - 1].value.isEmpty ? "" : " ") + trimmed
                } else {
                    diagnostics.append(.error(.frontMatterStrayContinuation, SourceLocation(path: path, line: line.number, column: indent.utf8.count + 1),
                                              "indented line continues no value",
                                              hint: "an indented line continues the value on the line above it; remove the indentation or join it to a `key: value` line"))
                }
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                diagnostics.append(.error(.frontMatterNoColon, SourceLocation(path: path, line: line.number, column: 1),
                                          "expected `key: value`, found a line with no colon",
                                          hint: "write each setting as `key: value`; lines starting with # are comments"))
                lastWasEntry = false
                continue
            }
            let keyStart = text.startIndex
            let key = text[keyStart..<colon]
            let keyColumn = text.column(of: keyStart)
            if let problem = keyProblem(key) {
                diagnostics.append(.error(.frontMatterBadKey, SourceLocation(path: path, line: line.number, column: keyColumn + problem.offset),
                                          problem.message, hint: "keys are lowercase letters, digits and hyphens, starting with a letter"))
                lastWasEntry = false
                continue
            }
            var valueStart = text.index(after: colon)
            while valueStart < text.endIndex, text[valueStart] == " " || text[valueStart] == "\t" {
                valueStart = text.index(after: valueStart)
            }
            let value = text[valueStart...].trimmingSpaces
            out.append(Entry(key: String(key), value: String(value), line: line.number,
                             keyColumn: keyColumn, valueColumn: text.column(of: valueStart)))
            lastWasEntry = true
        }
        return out
    }

    /// Why `key` is not `[a-z][a-z0-9-]*`, with the byte offset of the first bad character.
    static func keyProblem(_ key: Substring) -> (message: String, offset: Int)? {
        if key.isEmpty { return ("missing key before `:`", 0) }
        var offset = 0
        for (i, c) in key.unicodeScalars.enumerated() {
            let ok = ("a"..."z").contains(c) || (i > 0 && (("0"..."9").contains(c) || c == "-"))
            if !ok {
                let reason: String
                if c == " " || c == "\t" {
                    reason = "a key has no spaces, and the colon follows it directly"
                } else if ("A"..."Z").contains(c) {
                    reason = "keys are lowercase"
                } else {
                    reason = "unexpected character `\(c)`"
                }
                return ("bad key `\(key.trimmingSpaces)`: \(reason)", offset)
            }
            offset += String(c).utf8.count
        }
        return nil
    }
}
