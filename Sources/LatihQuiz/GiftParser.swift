import Foundation
import LatihDiagnostics

/// Reads Moodle's GIFT format (fenced `gift` blocks) onto the same quiz model, so that
/// question banks exported from an existing Moodle can be reused as they are.
///
/// It reads a bank as Moodle writes and reads it: multiple choice (`{=right ~wrong}`, with
/// `~%50%` weights making a several-answers question), true/false (`{T}`, `{FALSE}`),
/// short answer (`{=a =b}`), matching (`{=a -> b =c -> d}`), numerical (`{#3:2}`,
/// `{#1..5}`, and several ranges with partial credit, `{#=2018:0 =%50%2017..2019}`),
/// per-answer feedback (`#`), general feedback (`####`), titles (`::t::`), comments
/// (`//`, Moodle's `// question: 12  name: …` among them), `$CATEGORY:` lines (which
/// group questions and are shown to no one), descriptions (text with no answer block),
/// essays (`{}`, an unscored reflection), the format markers `[html]` (through
/// `HTMLText`, so no markup from the bank reaches the page), `[moodle]`, `[plain]` and
/// `[markdown]`, escapes (`\~ \= \# \{ \} \: \n`) and fill-in-the-blank text after the braces.
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
            parser.error(.giftEmpty, firstLine, "GIFT block has no questions")
        }
        return (quiz, parser.diagnostics)
    }

    mutating func error(_ code: DiagnosticCode, _ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(code, SourceLocation(path: path, line: line, column: 1), message, hint: hint))
    }

    /// Questions are separated by blank lines; `//` comment lines are dropped.
    static func chunks(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var current: [String] = []
        var start = 0
        var depth = 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingSpaces()
            if line.hasPrefix("//") { continue }
            if depth == 0, line.hasPrefix("$CATEGORY:") { continue }
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
            if escaped { out.append(c == "n" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out.trimmingSpacesAndNewlines()
    }

    /// Question and answer text in the question's format, as Markdown for the renderer.
    static func text(_ raw: String, format: String) -> String {
        let t = unescape(raw)
        switch format {
        case "[html]": return HTMLText.markdown(from: t).text
        case "[plain]", "[moodle]": return HTMLText.markdown(fromPlain: t)
        default: return t
        }
    }

    /// The format marker at the start of `text`, and the text after it.
    static func format(_ text: String) -> (String, String) {
        for marker in ["[markdown]", "[html]", "[moodle]", "[plain]"] where text.hasPrefix(marker) {
            return (marker, String(text.dropFirst(marker.count)))
        }
        return ("", text)
    }

    mutating func question(_ chunk: String, line: Int) -> Question? {
        var chars = Array(chunk.trimmingSpacesAndNewlines())
        // ::Title::
        if chars.starts(with: [":", ":"]), let end = Self.find(":", in: chars, from: 2), end + 1 < chars.count, chars[end + 1] == ":" {
            chars = Array(chars[(end + 2)...])
        }
        guard let open = Self.find("{", in: chars) else {
            // No answer block: a description, text shown between the questions.
            let (format, rest) = Self.format(String(chars).trimmingSpacesAndNewlines())
            let text = Self.text(rest, format: format)
            return text.isEmpty ? nil : Question(text: text, answer: .description, explanation: nil, line: line)
        }
        guard let close = Self.find("}", in: chars, from: open) else {
            error(.giftUnclosedBlock, line, "GIFT answer block `{` is never closed", hint: "end the answers with `}`; write a literal brace as `\\{`")
            return nil
        }
        let (format, before) = Self.format(String(chars[..<open]).trimmingSpacesAndNewlines())
        let after = String(chars[(close + 1)...]).trimmingSpacesAndNewlines()
        var body = Array(chars[(open + 1)..<close])
        var text = Self.text(before, format: format)
        if !after.isEmpty { text += " _____ " + Self.text(after, format: format) }
        let answerText = { (raw: String) in Self.text(raw, format: format) }

        // General feedback: ####
        var explanation: String?
        if let g = Self.findSequence(["#", "#", "#", "#"], in: body) {
            explanation = answerText(String(body[(g + 4)...]))
            body = Array(body[..<g])
        }
        let trimmed = String(body).trimmingSpacesAndNewlines()
        if trimmed.isEmpty {
            // An essay: an unscored reflection, kept in the learner's browser.
            return Question(text: text, answer: .essay, explanation: explanation, line: line)
        }
        if let tf = Self.trueFalse(trimmed) {
            return Question(text: text, answer: .trueFalse(tf), explanation: explanation, line: line)
        }
        if trimmed.hasPrefix("#") {
            return numeric(String(trimmed.dropFirst()), text: text, explanation: explanation, line: line)
        }
        let answers = Self.split(Array(trimmed))
        if answers.isEmpty {
            error(.giftBadAnswer, line, "answers must start with `=` (right) or `~` (wrong)")
            return nil
        }
        if answers.allSatisfy({ $0.marker == "=" }) {
            if answers.allSatisfy({ $0.text.contains("->") }) {
                let pairs = answers.map { a -> (String, String) in
                    let parts = a.text.components(separatedBy: "->")
                    return (answerText(parts[0]), answerText(parts.dropFirst().joined(separator: "->")))
                }
                guard pairs.count >= 2 else { error(.giftTooFewPairs, line, "a matching question needs at least two pairs"); return nil }
                return Question(text: text, answer: .matching(pairs), explanation: explanation, line: line)
            }
            return Question(text: text, answer: .shortAnswer(answers.map { Self.unescape(Self.splitFeedback($0.text).0) }), explanation: explanation, line: line)
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
            options.append(Option(text: answerText(parts.0), correct: (weight ?? 0) > 0, feedback: parts.1.map(answerText)))
        }
        let correct = options.filter(\.correct).count
        if correct == 0 { error(.giftNoRightAnswer, line, "multiple-choice question has no right answer", hint: "mark the right answer with `=`"); return nil }
        let answer: Answer = (weighted && correct > 1) || correct > 1 ? .multiple(options) : .single(options)
        return Question(text: text, answer: answer, explanation: explanation, line: line)
    }

    static func trueFalse(_ s: String) -> Bool? {
        let (head, _) = splitFeedback(s)
        switch head.trimmingSpacesAndNewlines() {
        case "T", "TRUE": return true
        case "F", "FALSE": return false
        default: return nil
        }
    }

    mutating func numeric(_ s: String, text: String, explanation: String?, line: Int) -> Question? {
        let answers = Self.split(Array(s))
        // `{#3:2}` has no markers; `{#=2018:0 =%50%2017..2019}` has several, each with its credit.
        let specs: [(credit: Double, spec: String)] = answers.isEmpty ? [(1, s)] : answers.map { a in
            var t = a.text
            var credit = a.marker == "=" ? 1.0 : 0
            if t.hasPrefix("%"), let end = t.dropFirst().firstIndex(of: "%") {
                credit = (Double(t[t.index(after: t.startIndex)..<end]) ?? 0) / 100
                t = String(t[t.index(after: end)...])
            }
            return (credit, t)
        }
        var ranges: [NumericRange] = []
        for (credit, raw) in specs where credit > 0 {
            let spec = Self.splitFeedback(raw).0.trimmingSpacesAndNewlines()
            if spec.contains("..") {
                let parts = spec.components(separatedBy: "..")
                if parts.count == 2, let lo = Double(parts[0]), let hi = Double(parts[1]), hi >= lo {
                    ranges.append(NumericRange(low: lo, high: hi, credit: credit))
                    continue
                }
            } else {
                let parts = spec.components(separatedBy: ":")
                if let v = Double(parts[0]), parts.count == 1 || (parts.count == 2 && Double(parts[1]) != nil) {
                    let t = parts.count == 2 ? abs(Double(parts[1])!) : 0
                    ranges.append(NumericRange(low: v - t, high: v + t, credit: credit))
                    continue
                }
            }
            error(.giftBadNumber, line, "bad number in numerical answer `\(spec)`", hint: "write `{#value:tolerance}` or `{#low..high}`")
            return nil
        }
        guard !ranges.isEmpty, ranges.contains(where: { $0.credit >= 1 }) else {
            error(.giftNoFullCredit, line, "numerical question has no answer with full credit", hint: "mark the right answer with `=` and no percentage")
            return nil
        }
        if ranges.count == 1, let r = ranges.first {
            return Question(text: text, answer: .numeric(value: (r.low + r.high) / 2, tolerance: (r.high - r.low) / 2), explanation: explanation, line: line)
        }
        return Question(text: text, answer: .numericSet(ranges), explanation: explanation, line: line)
    }

    /// Splits answer text at unescaped `=` and `~` that start answers.
    static func split(_ chars: [Character]) -> [(marker: Character, text: String)] {
        var out: [(Character, String)] = []
        var marker: Character?
        var text = ""
        var i = 0
        func flush() {
            if let m = marker { out.append((m, text.trimmingSpacesAndNewlines())) }
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
        return (String(chars[..<h]), String(chars[(h + 1)...]).trimmingSpacesAndNewlines())
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
