import Foundation
import LatihDiagnostics

/// Reads Moodle's GIFT format (fenced `gift` blocks) onto the same quiz model, so that
/// question banks exported from an existing Moodle can be reused as they are.
///
/// Supported: multiple choice (`{=right ~wrong}`, with `~%50%` weights making a
/// several-answers question), true/false (`{T}`, `{FALSE}`), short answer (`{=a =b}`),
/// matching (`{=a -> b =c -> d}`), numerical (`{#3:2}`, `{#1..5}`, `{#=1822:0 =%50%1822:2}`),
/// per-answer feedback (`#`), general feedback (`####`), titles (`::t::`), comments
/// (`//`), escapes (`\~ \= \# \{ \} \:`) and fill-in-the-blank text after the braces.
/// Essay questions (`{}`) cannot be scored in a browser and are reported.
public struct GiftParser {
    let path: String
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    public static func parse(_ text: String, path: String, firstLine: Int, defaultID: String) -> (Quiz, [Diagnostic]) {
        var parser = GiftParser(path: path, firstLine: firstLine)
        var quiz = Quiz(id: defaultID, line: firstLine)
        for (line, chunk) in chunks(text) {
            if let q = parser.question(chunk, line: firstLine + line) { quiz.questions.append(q) }
        }
        if quiz.questions.isEmpty, parser.diagnostics.isEmpty {
            parser.error(firstLine, "GIFT block has no questions")
        }
        return (quiz, parser.diagnostics)
    }

    mutating func error(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(SourceLocation(path: path, line: line, column: 1), message, hint: hint))
    }

    /// Questions are separated by blank lines; `//` comment lines are dropped.
    static func chunks(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var current: [String] = []
        var start = 0
        var depth = 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") { continue }
            if line.isEmpty, depth == 0 {
                if !current.isEmpty { out.append((start, current.joined(separator: "\n"))); current = [] }
                continue
            }
            if current.isEmpty { start = i }
            current.append(String(raw))
            depth += braceBalance(line)
        }
        if !current.isEmpty { out.append((start, current.joined(separator: "\n"))) }
        return out
    }

    static func braceBalance(_ s: String) -> Int {
        var n = 0, escaped = false
        for c in s {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "{" { n += 1 } else if c == "}" { n -= 1 }
        }
        return n
    }

    /// Index of the first unescaped `c` in `chars` at or after `from`.
    static func find(_ c: Character, in chars: [Character], from: Int = 0) -> Int? {
        var i = from
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == c { return i }
            i += 1
        }
        return nil
    }

    static func unescape(_ s: String) -> String {
        var out = "", escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func question(_ chunk: String, line: Int) -> Question? {
        var chars = Array(chunk.trimmingCharacters(in: .whitespacesAndNewlines))
        // ::Title::
        if chars.starts(with: [":", ":"]), let end = Self.find(":", in: chars, from: 2), end + 1 < chars.count, chars[end + 1] == ":" {
            chars = Array(chars[(end + 2)...])
        }
        guard let open = Self.find("{", in: chars), let close = Self.find("}", in: chars, from: open) else {
            error(line, "GIFT question has no answer block `{…}`")
            return nil
        }
        var before = String(chars[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
        for format in ["[markdown]", "[html]", "[moodle]", "[plain]"] where before.hasPrefix(format) {
            before = String(before.dropFirst(format.count))
        }
        let after = String(chars[(close + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        var body = Array(chars[(open + 1)..<close])
        var text = Self.unescape(before)
        if !after.isEmpty { text += " _____ " + Self.unescape(after) }

        // General feedback: ####
        var explanation: String?
        if let g = Self.findSequence(["#", "#", "#", "#"], in: body) {
            explanation = Self.unescape(String(body[(g + 4)...]))
            body = Array(body[..<g])
        }
        let trimmed = String(body).trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            error(line, "essay questions cannot be scored in the browser", hint: "use a short-answer question (`{=answer}`) instead")
            return nil
        }
        if let tf = Self.trueFalse(trimmed) {
            return Question(text: text, answer: .trueFalse(tf), explanation: explanation, line: line)
        }
        if trimmed.hasPrefix("#") {
            return numeric(String(trimmed.dropFirst()), text: text, explanation: explanation, line: line)
        }
        let answers = Self.split(Array(trimmed))
        if answers.isEmpty {
            error(line, "answers must start with `=` (right) or `~` (wrong)")
            return nil
        }
        if answers.allSatisfy({ $0.marker == "=" }) {
            if answers.allSatisfy({ $0.text.contains("->") }) {
                let pairs = answers.map { a -> (String, String) in
                    let parts = a.text.components(separatedBy: "->")
                    return (Self.unescape(parts[0]), Self.unescape(parts.dropFirst().joined(separator: "->")))
                }
                guard pairs.count >= 2 else { error(line, "a matching question needs at least two pairs"); return nil }
                return Question(text: text, answer: .matching(pairs), explanation: explanation, line: line)
            }
            return Question(text: text, answer: .shortAnswer(answers.map { Self.unescape($0.text) }), explanation: explanation, line: line)
        }
        // Multiple choice: `=` is right; `~%n%` with n > 0 is a right answer of several.
        var options: [Option] = []
        var weighted = false
        for a in answers {
            var t = a.text
            var weight: Double? = a.marker == "=" ? 100 : nil
            if t.hasPrefix("%"), let end = t.dropFirst().firstIndex(of: "%") {
                weight = Double(t[t.index(after: t.startIndex)..<end])
                t = String(t[t.index(after: end)...])
                weighted = true
            }
            let parts = Self.splitFeedback(t)
            options.append(Option(text: Self.unescape(parts.0), correct: (weight ?? 0) > 0, feedback: parts.1.map(Self.unescape)))
        }
        let correct = options.filter(\.correct).count
        if correct == 0 { error(line, "multiple-choice question has no right answer", hint: "mark the right answer with `=`"); return nil }
        let answer: Answer = (weighted && correct > 1) || correct > 1 ? .multiple(options) : .single(options)
        return Question(text: text, answer: answer, explanation: explanation, line: line)
    }

    static func trueFalse(_ s: String) -> Bool? {
        let (head, _) = splitFeedback(s)
        switch head.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "T", "TRUE": return true
        case "F", "FALSE": return false
        default: return nil
        }
    }

    mutating func numeric(_ s: String, text: String, explanation: String?, line: Int) -> Question? {
        let answers = Self.split(Array(s))
        // `{#3:2}` has no markers; `{#=1822:0 =%50%1822:2}` has several, of which the first full-credit one is used.
        var spec = s
        if !answers.isEmpty {
            let full = answers.first { !$0.text.hasPrefix("%") || $0.text.hasPrefix("%100%") } ?? answers[0]
            spec = full.text.hasPrefix("%100%") ? String(full.text.dropFirst(5)) : full.text
        }
        spec = Self.splitFeedback(spec).0.trimmingCharacters(in: .whitespacesAndNewlines)
        if spec.contains("..") {
            let parts = spec.components(separatedBy: "..")
            if parts.count == 2, let lo = Double(parts[0]), let hi = Double(parts[1]), hi >= lo {
                return Question(text: text, answer: .numeric(value: (lo + hi) / 2, tolerance: (hi - lo) / 2), explanation: explanation, line: line)
            }
        } else {
            let parts = spec.components(separatedBy: ":")
            if let v = Double(parts[0]), parts.count == 1 || (parts.count == 2 && Double(parts[1]) != nil) {
                return Question(text: text, answer: .numeric(value: v, tolerance: parts.count == 2 ? abs(Double(parts[1])!) : 0), explanation: explanation, line: line)
            }
        }
        error(line, "bad number in numerical answer `\(spec)`", hint: "write `{#value:tolerance}` or `{#low..high}`")
        return nil
    }

    /// Splits answer text at unescaped `=` and `~` that start answers.
    static func split(_ chars: [Character]) -> [(marker: Character, text: String)] {
        var out: [(Character, String)] = []
        var marker: Character?
        var text = ""
        var i = 0
        func flush() {
            if let m = marker { out.append((m, text.trimmingCharacters(in: .whitespacesAndNewlines))) }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                if marker != nil { text.append(c); text.append(chars[i + 1]) }
                i += 2
                continue
            }
            if c == "=" || c == "~" {
                flush()
                marker = c
                text = ""
            } else if marker != nil {
                text.append(c)
            }
            i += 1
        }
        flush()
        return out
    }

    /// `answer # feedback` → ("answer", "feedback").
    static func splitFeedback(_ s: String) -> (String, String?) {
        let chars = Array(s)
        guard let h = find("#", in: chars) else { return (s, nil) }
        return (String(chars[..<h]), String(chars[(h + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func findSequence(_ seq: [Character], in chars: [Character]) -> Int? {
        var i = 0
        while i + seq.count <= chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i..<(i + seq.count)].elementsEqual(seq) { return i }
            i += 1
        }
        return nil
    }
}
