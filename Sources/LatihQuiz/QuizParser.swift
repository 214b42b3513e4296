import Foundation
import LatihDiagnostics
import LatihFrontMatter

/// Reads Latih's plain-text quiz blocks:
///
/// ````
/// ```quiz
/// pass: 70
///
/// ? Apa kepanjangan **SPBE**?
/// ( ) Sistem Pelayanan Berbasis Elektronik
///     > Belum tepat.
/// (x) Sistem Pemerintahan Berbasis Elektronik
/// ! Diatur dalam Perpres 95/2018.
/// ```
/// ````
///
/// Besides choice (`( )`, `[ ]`), `=` answers (text, true/false, numbers, `= 3 ± 0.5`,
/// `= 2017..2019`), ordering (`1.`) and matching (`- a -> b`): several numerical `=` lines
/// give partial credit (`= 2017..2019 (50%)`), an answer line `...` makes an unscored
/// reflection, and lines starting with `| ` are text between questions.
///
/// No existing format reads like this in a plain Markdown viewer and still carries
/// every question type, so the reader is Latih's own. Every mistake is a diagnostic
/// with the file line and column, and all of them are reported in one pass.
public struct QuizParser {
    let path: String
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    public static let settings = ["pass", "attempts", "retry", "shuffle", "partial", "title", "id"]

    /// Parses a block's text. `firstLine` is the file line of the block's first content line.
    public static func parse(_ text: String, path: String, firstLine: Int, defaultID: String) -> (Quiz, [Diagnostic]) {
        var parser = QuizParser(path: path, firstLine: firstLine)
        let quiz = parser.run(text, defaultID: defaultID)
        return (quiz, parser.diagnostics)
    }

    mutating func error(_ code: DiagnosticCode, _ line: Int, _ column: Int, _ message: String, hint: String? = nil,
                        suggestion: String? = nil) {
        diagnostics.append(.error(code, SourceLocation(path: path, line: line, column: column), message, hint: hint, suggestion: suggestion))
    }

    /// A question being read, with its answer lines in order.
    struct Draft {
        var text: [String]
        var line: Int
        var lines: [(kind: String, line: Int, column: Int, body: String, mark: Bool)] = []
        var explanation: String?
        var feedback: [Int: String] = [:]
        /// Text between questions (`| ` lines), not a question.
        var isDescription = false
    }

    mutating func run(_ text: String, defaultID: String) -> Quiz {
        var quiz = Quiz(id: defaultID, line: firstLine)
        var draft: Draft?
        var inSettings = true
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in rows.enumerated() {
            let row = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let line = firstLine + i
            let trimmed = row.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if trimmed == "|" || trimmed.hasPrefix("| ") {
                // Text between questions: one item, however many `|` lines.
                let text = String(trimmed.dropFirst()).trimmingSpaces()
                if let d = draft, d.isDescription {
                    draft?.text.append(text)
                } else {
                    if let d = draft { finish(d, into: &quiz) }
                    draft = Draft(text: [text], line: line)
                    draft?.isDescription = true
                }
                inSettings = false
                continue
            }
            if let d = draft, d.isDescription {
                // A description ends at its last `|` line.
                if trimmed.isEmpty { finish(d, into: &quiz); draft = nil; continue }
            }
            if trimmed == "?" || trimmed.hasPrefix("? ") {
                if let d = draft { finish(d, into: &quiz) }
                draft = Draft(text: [String(trimmed.dropFirst()).trimmingSpaces()], line: line)
                inSettings = false
                continue
            }
            if inSettings {
                readSetting(String(row), line: line, into: &quiz)
                continue
            }
            guard var d = draft else { continue }
            let indent = row.prefix { $0 == " " || $0 == "\t" }.utf8.count
            if indent > 0, trimmed.hasPrefix(">") {
                let feedback = String(trimmed.dropFirst()).trimmingSpaces()
                if let last = d.lines.indices.last, ["single", "multiple"].contains(d.lines[last].kind) {
                    d.feedback[last] = feedback
                } else {
                    error(.quizStrayFeedback, line, indent + 1, "feedback `>` must be indented under an option", hint: "write it on the line after a `( )` or `[ ]` option, indented")
                }
            } else if let (kind, mark, bodyStart) = Self.answerMarker(trimmed) {
                let rest = trimmed.dropFirst(bodyStart)
                let body = String(rest).trimmingSpaces()
                let leading = body.isEmpty ? 0 : rest.prefix { $0 == " " || $0 == "\t" }.utf8.count
                d.lines.append((kind, line, indent + bodyStart + leading + 1, body, mark))
            } else if trimmed.hasPrefix("!") {
                d.explanation = String(trimmed.dropFirst()).trimmingSpaces()
            } else if d.lines.isEmpty {
                d.text.append(trimmed)
            } else {
                error(.quizUnexpectedLine, line, indent + 1, "unexpected line after the answers",
                      hint: "answer lines start with ( ), [ ], =, a number and a dot, or `- a -> b`; start a new question with `? `")
            }
            draft = d
        }
        if let d = draft { finish(d, into: &quiz) }
        if quiz.questions.isEmpty, diagnostics.isEmpty {
            error(.quizEmpty, firstLine, 1, "quiz has no questions", hint: "start each question with `? `")
        }
        return quiz
    }

    /// Recognises an answer line: its kind, whether it is marked correct, and where its text starts.
    static func answerMarker(_ s: String) -> (String, Bool, Int)? {
        if s.hasPrefix("( )") { return ("single", false, 3) }
        if s.hasPrefix("(x)") || s.hasPrefix("(X)") { return ("single", true, 3) }
        if s.hasPrefix("[ ]") { return ("multiple", false, 3) }
        if s.hasPrefix("[x]") || s.hasPrefix("[X]") { return ("multiple", true, 3) }
        if s.hasPrefix("=") { return ("equals", false, 1) }
        if s == "..." || s == "…" { return ("essay", false, s.count) }
        if s.hasPrefix("- ") { return ("matching", false, 2) }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, s.dropFirst(digits.count).hasPrefix(". ") {
            return ("ordering", false, digits.count + 2)
        }
        return nil
    }

    mutating func readSetting(_ row: String, line: Int, into quiz: inout Quiz) {
        let trimmed = row.trimmingSpaces()
        if trimmed.hasPrefix("#") { return }
        guard let colon = row.firstIndex(of: ":") else {
            error(.quizUnexpectedLine, line, 1, "expected a setting (`key: value`) or a question starting with `? `")
            return
        }
        let key = row[..<colon].trimmingSpaces()
        let value = row[row.index(after: colon)...].trimmingSpaces()
        let valueColumn = row.utf8.distance(from: row.startIndex, to: colon) + 2 + (row[row.index(after: colon)...].prefix { $0 == " " }.utf8.count)
        func int(_ range: ClosedRange<Int>) -> Int? {
            guard let n = Int(value), range.contains(n) else {
                error(.quizBadSetting, line, valueColumn, "`\(value)` is not a valid number for `\(key)`",
                      hint: key == "pass" ? "write a percentage from 0 to 100" : "write a whole number of at least 1")
                return nil
            }
            return n
        }
        func bool() -> Bool? {
            guard let b = YesNo.read(value) else {
                error(.quizBadSetting, line, valueColumn, "`\(value)` is not a yes/no value", hint: "write one of: \(YesNo.words)")
                return nil
            }
            return b
        }
        switch key {
        case "pass": if let n = int(0...100) { quiz.pass = n }
        case "attempts": if let n = int(1...1000) { quiz.attempts = n }
        case "retry":
            if let r = Self.retry(value) { quiz.retry = r } else {
                error(.quizBadSetting, line, valueColumn, "`\(value)` is not a way to try again",
                      hint: "write `review` (ulang), `wait 24 jam` (tunggu), or `contact <who to ask>` (hubungi)")
            }
        case "shuffle": if let b = bool() { quiz.shuffle = b }
        case "partial": if let b = bool() { quiz.partial = b }
        case "title": quiz.title = value.isEmpty ? nil : value
        case "id":
            guard QuizID.isValid(value) else {
                error(.quizBadSetting, line, valueColumn, "`\(value)` is not a valid quiz id", hint: "use lowercase letters, digits, hyphens and slashes")
                return
            }
            quiz.id = value
            quiz.explicitID = true
        default:
            let closest = Suggestion.closest(to: key, in: Self.settings)
            error(.quizUnknownSetting, line, 1, "unknown quiz setting `\(key)`\(closest.map { "; did you mean `\($0)`?" } ?? "")",
                  hint: "quiz settings are: \(Self.settings.joined(separator: ", "))", suggestion: closest)
        }
    }

    /// `retry:`'s value: `review`, `wait <duration>` or `contact <text>`, or their
    /// Indonesian words `ulang`, `tunggu` and `hubungi`.
    static func retry(_ value: String) -> Quiz.Retry? {
        let word = value.prefix { $0 != " " }.lowercased()
        let rest = value.dropFirst(word.count).trimmingSpaces()
        switch word {
        case "review", "ulang": return rest.isEmpty ? .review : nil
        case "wait", "tunggu": return DurationReader.minutes(rest).flatMap { $0 > 0 ? .wait(minutes: $0) : nil }
        case "contact", "hubungi": return rest.isEmpty ? nil : .contact(rest)
        default: return nil
        }
    }

    mutating func finish(_ d: Draft, into quiz: inout Quiz) {
        if d.isDescription {
            let text = d.text.joined(separator: "\n").trimmingSpacesAndNewlines()
            if text.isEmpty { error(.quizEmptyText, d.line, 1, "text between questions (`| `) is empty") }
            else { quiz.questions.append(Question(text: text, answer: .description, explanation: nil, line: d.line)) }
            return
        }
        let text = d.text.joined(separator: " ").trimmingSpaces()
        if text.isEmpty { error(.quizEmptyQuestion, d.line, 1, "question has no text") }
        guard let first = d.lines.first else {
            error(.quizNoAnswers, d.line, 1, "question has no answers", hint: "add options such as `(x) right` and `( ) wrong`, or an `= answer` line")
            return
        }
        if let other = d.lines.first(where: { $0.kind != first.kind }) {
            error(.quizMixedKinds, other.line, 1, "mixed answer kinds in one question",
                  hint: "a question is single choice ( ), multiple choice [ ], `=`, ordering 1. or matching `- a -> b`; not a mix")
            return
        }
        if first.kind == "essay" {
            if d.lines.count > 1 { error(.quizBadReflection, d.lines[1].line, 1, "a reflection takes one `...` line") }
            quiz.questions.append(Question(text: text, answer: .essay, explanation: d.explanation, line: d.line))
            return
        }
        for l in d.lines where l.body.isEmpty {
            error(.quizEmptyOption, l.line, l.column, "empty option")
        }
        guard !d.lines.contains(where: { $0.body.isEmpty }) else { return }
        let answer: Answer?
        switch first.kind {
        case "single", "multiple":
            let options = d.lines.enumerated().map { i, l in Option(text: l.body, correct: l.mark, feedback: d.feedback[i]) }
            let correct = options.filter(\.correct).count
            if first.kind == "single", correct != 1 {
                error(.quizSingleChoiceCount, d.line, 1, correct == 0 ? "single-choice question has no correct option" : "single-choice question has \(correct) correct options",
                      hint: "mark exactly one option with (x); use [x] and [ ] for questions with several right answers")
                answer = nil
            } else if first.kind == "multiple", correct == 0 {
                error(.quizNoCorrectOption, d.line, 1, "multiple-choice question has no correct option", hint: "mark at least one option with [x]")
                answer = nil
            } else if options.count < 2 {
                error(.quizTooFewOptions, d.line, 1, "a choice question needs at least two options")
                answer = nil
            } else {
                answer = first.kind == "single" ? .single(options) : .multiple(options)
            }
        case "equals":
            let ranges = d.lines.map { Self.numericRange($0.body) }
            if d.lines.count > 1, ranges.allSatisfy({ $0 != nil }) {
                let set = ranges.compactMap { $0 }
                if !set.contains(where: { $0.credit == 1 }) {
                    error(.quizNoFullCredit, d.line, 1, "no numerical answer earns full credit", hint: "mark one range without a percentage, or with (100%)")
                    answer = nil
                } else {
                    answer = .numericSet(set)
                }
            } else if d.lines.count > 1 {
                error(.quizTwoAnswerLines, d.lines[1].line, 1, "a question takes one `=` line", hint: "separate accepted answers with ` | ` on one line; several `=` lines are numerical ranges with credit, as `= 2017..2019 (50%)`")
                answer = nil
            } else if let r = Self.numericRange(first.body), r.credit == 1, first.body.contains("..") {
                answer = .numeric(value: (r.low + r.high) / 2, tolerance: (r.high - r.low) / 2)
            } else {
                answer = equalsAnswer(first.body, line: first.line, column: first.column)
            }
        case "ordering":
            answer = d.lines.count < 2 ? nil : .ordering(d.lines.map(\.body))
            if d.lines.count < 2 { error(.quizTooFewItems, d.line, 1, "an ordering question needs at least two items") }
        default:
            var pairs: [(String, String)] = []
            for l in d.lines {
                let parts = l.body.components(separatedBy: "->")
                guard parts.count == 2, !parts[0].trimmingSpaces().isEmpty,
                      !parts[1].trimmingSpaces().isEmpty else {
                    error(.quizBadPair, l.line, l.column, "a matching pair is `- term -> meaning`")
                    continue
                }
                pairs.append((parts[0].trimmingSpaces(), parts[1].trimmingSpaces()))
            }
            answer = pairs.count == d.lines.count && pairs.count >= 2 ? .matching(pairs) : nil
            if d.lines.count < 2 { error(.quizTooFewItems, d.line, 1, "a matching question needs at least two pairs") }
        }
        if let answer {
            quiz.questions.append(Question(text: text, answer: answer, explanation: d.explanation, line: d.line))
        }
    }

    /// A numerical answer line: `16`, `3.5 ± 0.1`, `2017..2019`, each optionally followed
    /// by its credit, `(50%)`; nil when it is not one.
    static func numericRange(_ body: String) -> NumericRange? {
        var text = body.trimmingSpaces()
        var credit = 1.0
        if text.hasSuffix("%)"), let open = text.lastIndex(of: "(") {
            guard let p = Double(text[text.index(after: open)..<text.index(text.endIndex, offsetBy: -2)].trimmingSpaces()),
                  (0...100).contains(p) else { return nil }
            credit = p / 100
            text = String(text[..<open]).trimmingSpaces()
        }
        if text.contains("..") {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let lo = AnswerText.number(parts[0]), let hi = AnswerText.number(parts[1]), hi >= lo else { return nil }
            return NumericRange(low: lo, high: hi, credit: credit)
        }
        for sep in ["±", "+-"] where text.contains(sep) {
            let parts = text.components(separatedBy: sep)
            guard parts.count == 2, let v = AnswerText.number(parts[0]), let t = AnswerText.number(parts[1]), t >= 0 else { return nil }
            return NumericRange(low: v - t, high: v + t, credit: credit)
        }
        guard let v = AnswerText.number(text) else { return nil }
        return NumericRange(low: v, high: v, credit: credit)
    }

    /// `= benar`, `= 16 ± 0.5`, or `= jawaban | alternatif`.
    mutating func equalsAnswer(_ body: String, line: Int, column: Int) -> Answer? {
        switch body.lowercased() {
        case "benar", "true": return .trueFalse(true)
        case "salah", "false": return .trueFalse(false)
        default: break
        }
        for sep in ["±", "+-"] where body.contains(sep) {
            let parts = body.components(separatedBy: sep)
            guard parts.count == 2, let v = AnswerText.number(parts[0]), let t = AnswerText.number(parts[1]), t >= 0 else {
                error(.quizBadNumber, line, column, "bad number in `\(body)`", hint: "write a numeric answer as `= 16` or `= 3.5 ± 0.1`")
                return nil
            }
            return .numeric(value: v, tolerance: t)
        }
        if let v = AnswerText.number(body) { return .numeric(value: v, tolerance: 0) }
        let alternatives = body.components(separatedBy: " | ").map { $0.trimmingSpaces() }
        if alternatives.contains(where: { AnswerText.normalise($0).isEmpty }) {
            error(.quizEmptyAlternative, line, column, "empty alternative in `\(body)`")
            return nil
        }
        return .shortAnswer(alternatives)
    }
}

/// Quiz ids: lowercase letters, digits, hyphens and slashes.
public enum QuizID {
    public static func isValid(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 120, !s.hasPrefix("/"), !s.hasSuffix("/") else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "/" }
    }
}
