import LatihQuiz

/// Questions in Latih's own quiz syntax (see `QuizParser`), for `latih import`: the file
/// it writes is then the author's to read and edit, and reads back as the same quiz.
enum QuizWriter {
    struct Block {
        var title: String?
        var shuffle = false
        var partial = false
        var pass: Int?
        var questions: [Question]
    }

    static func markdown(_ blocks: [Block]) -> String {
        blocks.map(block).joined(separator: "\n")
    }

    static func block(_ b: Block) -> String {
        var out = "```quiz\n"
        if let pass = b.pass { out += "pass: \(pass)\n" }
        if let title = b.title, !title.isEmpty { out += "title: \(line(title))\n" }
        if b.shuffle { out += "shuffle: ya\n" }
        if b.partial { out += "partial: ya\n" }
        for q in b.questions {
            out += "\n"
            if case .description = q.answer {
                for l in q.text.components(separatedBy: "\n") { out += l.isEmpty ? "|\n" : "| \(l)\n" }
                continue
            }
            out += "? \(line(q.text))\n"
            switch q.answer {
            case .single(let options), .multiple(let options):
                let multiple = q.answer.kind == "multiple"
                for o in options {
                    out += (multiple ? (o.correct ? "[x] " : "[ ] ") : (o.correct ? "(x) " : "( ) ")) + line(o.text) + "\n"
                    if let f = o.feedback, !f.isEmpty { out += "    > \(line(f))\n" }
                }
            case .trueFalse(let v): out += v ? "= benar\n" : "= salah\n"
            case .numeric(let v, let t): out += t > 0 ? "= \(number(v)) ± \(number(t))\n" : "= \(number(v))\n"
            case .numericSet(let ranges):
                for r in ranges {
                    let value = r.low == r.high ? number(r.low) : "\(number(r.low))..\(number(r.high))"
                    out += r.credit >= 1 ? "= \(value)\n" : "= \(value) (\(number(r.credit * 100))%)\n"
                }
            case .shortAnswer(let accepted): out += "= " + accepted.map(line).joined(separator: " | ") + "\n"
            case .ordering(let items): for (i, item) in items.enumerated() { out += "\(i + 1). \(line(item))\n" }
            case .matching(let pairs): for (a, b) in pairs { out += "- \(line(a)) -> \(line(b))\n" }
            case .essay: out += "...\n"
            case .description: break
            }
            if let x = q.explanation, !x.isEmpty { out += "! \(line(x))\n" }
        }
        return out + "```\n"
    }

    /// Text on one line of the block: line breaks become spaces, and a ` | ` (which
    /// separates accepted answers) or `->` (which separates a matching pair) is kept apart.
    static func line(_ s: String) -> String {
        s.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
            .replacingOccurrences(of: " | ", with: " / ").replacingOccurrences(of: "->", with: "→")
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
