import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LatihDiagnostics
import LatihQuiz

/// One question of a bank, read: the quiz question, or why it cannot be converted.
struct BankQuestion {
    var line: Int
    var category: String?
    var question: Question?
    /// Why the question was left out.
    var skipped: String?
    /// Moodle settings with a Latih equivalent: shuffle and partial credit.
    var shuffle = false
    var partial = false
    /// Images the bank carries for this question: file name → bytes.
    var images: [(String, Data)] = []
    /// What was kept only in part (a warning, not a skip).
    var notes: [String] = []
}

/// Reads Moodle XML question banks (Moodle's "Moodle XML format" export) with Foundation's
/// XMLParser into questions: multichoice (single and multiple, fractions, per-answer
/// feedback), truefalse, shortanswer, numerical (with tolerance, several answers with
/// credit), matching, description and essay, with `category`, `generalfeedback` and
/// `shuffleanswers`. Cloze (`multianswer`), calculated and drag-and-drop questions are
/// reported with their line and left out, as is a question whose image the bank lacks.
final class MoodleXMLReader: NSObject, XMLParserDelegate {
    /// An element being read: its name, attributes, text, and children.
    final class Node {
        let name: String
        let attributes: [String: String]
        let line: Int
        var text = ""
        var children: [Node] = []
        init(name: String, attributes: [String: String], line: Int) {
            self.name = name
            self.attributes = attributes
            self.line = line
        }
        func child(_ n: String) -> Node? { children.first { $0.name == n } }
        func all(_ n: String) -> [Node] { children.filter { $0.name == n } }
        /// The `<text>` inside this element (Moodle wraps every string in one).
        var value: String { child("text")?.text ?? text }
    }

    private var stack: [Node] = []
    private(set) var questions: [Node] = []
    private weak var parser: XMLParser?
    private(set) var failure: (line: Int, message: String)?

    /// The `<question>` elements of `data`, or where the XML is broken.
    ///
    /// libxml2, under Foundation's XMLParser on Linux, refuses a document over 10 MB
    /// (it is not opened with XML_PARSE_HUGE, and XMLParser cannot ask for it), and banks
    /// with images grow past that. A large bank is therefore read in parts of whole
    /// `<question>` elements, cut outside comments and CDATA, each part a `<quiz>` of its
    /// own that XMLParser reads in full; lines are counted from the bank's start.
    static func questions(in data: Data) -> ([Node], (line: Int, message: String)?) {
        let bytes = [UInt8](data)
        // Moodle writes UTF-8. Foundation's XMLParser on Linux traps on an element name
        // that is not (it force-unwraps the conversion), so such a bank is refused here.
        if let line = BankBytes(b: bytes).firstInvalidUTF8Line() {
            return ([], (line, "the bank is not UTF-8 text, which Moodle exports"))
        }
        if let line = BankBytes(b: bytes).processingInstruction() {
            // Moodle writes none; Foundation's XMLParser on Linux crashes on some (`<?x?>`).
            return ([], (line, "the bank has an XML processing instruction, which Moodle never writes"))
        }
        guard bytes.count > partSize, let parts = BankBytes(b: bytes).parts(of: partSize) else { return parse(data, lineOffset: 0) }
        var all: [Node] = []
        for (range, lineOffset) in parts {
            var part = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><quiz>".utf8)
            part.append(contentsOf: bytes[range])
            part.append(contentsOf: Array("</quiz>".utf8))
            let (nodes, failure) = parse(part, lineOffset: lineOffset)
            if let failure { return (all + nodes, failure) }
            all += nodes
        }
        return (all, nil)
    }

    static let partSize = 4 << 20

    static func parse(_ data: Data, lineOffset: Int) -> ([Node], (line: Int, message: String)?) {
        let reader = MoodleXMLReader()
        reader.lineOffset = lineOffset
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        reader.parser = parser
        parser.delegate = reader
        if !parser.parse(), reader.failure == nil {
            reader.failure = (parser.lineNumber + lineOffset, "the XML cannot be read: \(parser.parserError?.localizedDescription ?? "malformed")")
        }
        if reader.failure == nil, reader.sawQuiz == false {
            reader.failure = (1, "not a Moodle XML question bank (no <quiz> element)")
        }
        return (reader.questions, reader.failure)
    }

    private var sawQuiz = false
    private var lineOffset = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "quiz", stack.isEmpty { sawQuiz = true }
        stack.append(Node(name: name, attributes: attributes, line: parser.lineNumber + lineOffset))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // The whitespace between a bank's questions is not kept.
        guard stack.count > 1 else { return }
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { stack.last?.text += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let node = stack.popLast() else { return }
        if name == "question", stack.count == 1 { questions.append(node); return }
        stack.last?.children.append(node)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if failure == nil { failure = (parser.lineNumber + lineOffset, "the XML cannot be read: \(error.localizedDescription)") }
    }

    // MARK: Conversion

    /// Each `<question>` as a bank question.
    static func convert(_ nodes: [Node]) -> [BankQuestion] {
        var category: String?
        var out: [BankQuestion] = []
        for node in nodes {
            let type = node.attributes["type"] ?? ""
            if type == "category" {
                category = node.child("category")?.value.trimmingCharacters(in: .whitespacesAndNewlines)
                continue
            }
            var q = BankQuestion(line: node.line, category: category)
            convert(node, type: type, into: &q)
            out.append(q)
        }
        return out
    }

    /// A Moodle text element as Markdown, in its format; images named in it must be carried.
    static func text(_ node: Node?, _ q: inout BankQuestion) -> String {
        guard let node else { return "" }
        let raw = node.value
        let format = node.attributes["format"] ?? "html"
        var files: [String: Data] = [:]
        for f in node.all("file") {
            if let name = f.attributes["name"], let data = Data(base64Encoded: f.text.filter { !$0.isWhitespace }) { files[name] = data }
        }
        switch format {
        case "markdown": return raw.trimmingCharacters(in: .whitespacesAndNewlines)
        case "plain_text", "moodle_auto_format":
            return HTMLText.markdown(fromPlain: HTMLText.decodeEntities(raw)).trimmingCharacters(in: .whitespacesAndNewlines)
        default:
            var (md, hadImage) = HTMLText.markdown(from: raw)
            if hadImage {
                for (src, alt) in imageSources(raw) {
                    let name = src.hasPrefix("@@PLUGINFILE@@/") ? String(src.dropFirst("@@PLUGINFILE@@/".count)).removingPercentEncoding ?? src : src
                    if let data = files[name], !name.contains("/"), !name.hasPrefix(".") {
                        q.images.append((name, data))
                        // Quiz text is not resolved like the lesson's links: the path is from
                        // the lesson's page (courses/<course>/<lesson>/) to the course folder.
                        md += "\n\n![\(HTMLText.escape(alt))](../\(name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name))"
                    } else {
                        q.skipped = "it shows an image (`\(src)`) that the bank does not carry"
                    }
                }
            }
            return md
        }
    }

    /// Each `<img>`'s `src` and `alt`.
    static func imageSources(_ html: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var rest = Substring(html)
        while let r = rest.range(of: "<img", options: .caseInsensitive) {
            let tail = rest[r.upperBound...]
            let end = tail.firstIndex(of: ">") ?? tail.endIndex
            let tag = String(tail[..<end])
            if let src = HTMLText.attribute("src", in: tag) {
                out.append((HTMLText.decodeEntities(src), HTMLText.decodeEntities(HTMLText.attribute("alt", in: tag) ?? "")))
            }
            rest = tail[end...]
        }
        return out
    }

    static func convert(_ node: Node, type: String, into q: inout BankQuestion) {
        let questionText = text(node.child("questiontext"), &q)
        let general = text(node.child("generalfeedback"), &q)
        let explanation = general.isEmpty ? nil : general
        func fraction(_ a: Node) -> Double { Double(a.attributes["fraction"] ?? "0") ?? 0 }
        q.shuffle = node.child("shuffleanswers").map { ["1", "true"].contains($0.value.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? false
        let answers = node.all("answer")
        var answer: Answer?
        switch type {
        case "multichoice":
            let single = node.child("single").map { ["1", "true"].contains($0.value.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? true
            let options = answers.map { a -> Option in
                let feedback = text(a.child("feedback"), &q)
                return Option(text: text(a, &q), correct: fraction(a) > 0, feedback: feedback.isEmpty ? nil : feedback)
            }
            let right = options.filter(\.correct).count
            if options.count < 2 || right == 0 {
                q.skipped = right == 0 ? "no answer has a positive fraction" : "a choice question needs at least two answers"
            } else if single && right == 1 {
                answer = .single(options)
            } else {
                answer = .multiple(options)
                q.partial = answers.contains { (0.01..<99.99).contains(fraction($0)) }
            }
        case "truefalse":
            if let right = answers.first(where: { fraction($0) >= 100 }) {
                answer = .trueFalse(right.value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == "true")
            } else { q.skipped = "neither true nor false has full credit" }
        case "shortanswer":
            let accepted = answers.filter { fraction($0) >= 100 }.map { HTMLText.decodeEntities($0.value.trimmingCharacters(in: .whitespacesAndNewlines)) }
                .filter { !$0.isEmpty }
            if accepted.isEmpty { q.skipped = "no answer has full credit" } else { answer = .shortAnswer(accepted) }
            if answers.contains(where: { (0.01..<99.99).contains(fraction($0)) }) {
                q.notes.append("answers with part credit were left out; Latih accepts an answer or not")
            }
            if node.child("usecase")?.value.trimmingCharacters(in: .whitespaces) == "1" {
                q.notes.append("Moodle matched case; Latih ignores case, spaces and final punctuation")
            }
        case "numerical":
            var ranges: [NumericRange] = []
            for a in answers where fraction(a) > 0 {
                let v = a.value.trimmingCharacters(in: .whitespacesAndNewlines)
                let tol = Double(a.child("tolerance")?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0
                guard let x = Double(v) else { q.skipped = "answer `\(v)` is not a number"; break }
                ranges.append(NumericRange(low: x - abs(tol), high: x + abs(tol), credit: min(1, fraction(a) / 100)))
            }
            if q.skipped == nil {
                if !ranges.contains(where: { $0.credit >= 1 }) { q.skipped = "no answer has full credit" }
                else if ranges.count == 1 { answer = .numeric(value: (ranges[0].low + ranges[0].high) / 2, tolerance: (ranges[0].high - ranges[0].low) / 2) }
                else { answer = .numericSet(ranges) }
            }
        case "matching":
            let pairs = node.all("subquestion").compactMap { s -> (String, String)? in
                let left = text(s, &q)
                let right = HTMLText.decodeEntities(s.child("answer")?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
                return left.isEmpty || right.isEmpty ? nil : (left, right)
            }
            if pairs.count < 2 { q.skipped = "a matching question needs at least two pairs" } else { answer = .matching(pairs) }
        case "description":
            answer = .description
        case "essay":
            answer = .essay
        case "multianswer": q.skipped = "cloze (multianswer) questions have no Latih equivalent"
        case "calculated", "calculatedsimple", "calculatedmulti": q.skipped = "calculated questions need Moodle to compute their answers"
        case "ddwtos", "ddimageortext", "ddmarker", "gapselect": q.skipped = "drag-and-drop questions have no Latih equivalent"
        default: q.skipped = "question type `\(type)` has no Latih equivalent"
        }
        guard q.skipped == nil, let answer else { return }
        if questionText.isEmpty { q.skipped = "the question has no text"; return }
        q.question = Question(text: questionText, answer: answer, explanation: answer == .description ? nil : explanation, line: q.line)
    }
}

/// A bank's bytes, read before XMLParser sees them: for what it cannot be given, and for
/// the places it may be cut.
struct BankBytes {
    let b: [UInt8]

    func at(_ i: Int, _ s: String) -> Bool {
        let u = Array(s.utf8)
        return i + u.count <= b.count && Array(b[i..<i + u.count]) == u
    }

    /// Calls `body` with the index and line of each `<` from `start` that is outside
    /// comments and CDATA sections (where a `<` starts no markup), until it returns false.
    func eachTag(from start: Int, line first: Int, _ body: (Int, Int) -> Bool) {
        var i = start, line = first
        while i < b.count {
            if b[i] == 10 { line += 1 }
            if b[i] == UInt8(ascii: "<") {
                if at(i, "<![CDATA[") || at(i, "<!--") {
                    let close = at(i, "<!--") ? "-->" : "]]>"
                    var j = i + 4
                    while j < b.count, !at(j, close) { if b[j] == 10 { line += 1 }; j += 1 }
                    i = j + close.utf8.count
                    continue
                }
                if !body(i, line) { return }
            }
            i += 1
        }
    }

    /// The line of the first byte that is not UTF-8, or nil when all are.
    func firstInvalidUTF8Line() -> Int? {
        guard String(validating: b, as: UTF8.self) == nil else { return nil }
        var line = 1
        var it = b.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let c) = decoder.decode(&it) { if c == "\n" { line += 1 } }
        return line
    }

    /// The line of the first processing instruction (`<?…?>`), but for the XML
    /// declaration that may open the file.
    func processingInstruction() -> Int? {
        var i = at(0, "\u{FEFF}") ? 3 : 0, line = 1
        if at(i, "<?xml "), let end = (i..<b.count).first(where: { at($0, "?>") }) {
            line += b[i..<end].filter { $0 == 10 }.count
            i = end + 2
        }
        var found: Int?
        eachTag(from: i, line: line) { j, line in
            if at(j, "<?") { found = line }
            return found == nil
        }
        return found
    }

    /// The questions in parts of about `size` bytes: byte ranges inside `<quiz>…</quiz>`
    /// that end after a `</question>`, with the lines before each. Nil when the bank has
    /// no such shape (it is then read whole, and XMLParser says why).
    func parts(of size: Int) -> [(Range<Int>, Int)]? {
        guard let open = (0..<b.count).first(where: { at($0, "<quiz>") || at($0, "<quiz ") }),
              let openEnd = b[open...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        var out: [(Range<Int>, Int)] = []
        var start = openEnd + 1
        var startLine = 1 + b[..<start].filter { $0 == 10 }.count
        var closed = false
        eachTag(from: start, line: startLine) { i, line in
            if at(i, "</question>"), i + 11 - start >= size {
                out.append((start..<i + 11, startLine - 1))
                (start, startLine) = (i + 11, line)
            } else if at(i, "</quiz>") {
                out.append((start..<i, startLine - 1))
                closed = true
                return false
            }
            return true
        }
        return closed ? out : nil
    }
}
