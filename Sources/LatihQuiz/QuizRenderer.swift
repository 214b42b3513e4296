import Crypto
import Foundation
import LatihMarkdown

/// Turns a quiz into an accessible HTML form plus an answer key for the browser.
///
/// The page must not hand out the answers in plain sight, so the key holds salted
/// SHA-256 hashes of normalised answers where the question type allows (choices,
/// true/false, short answers). Numeric answers, and the correct order of ordering and
/// matching questions (needed to show the solution), are only base64-encoded. This
/// deters casual peeking in the page source; it is not security, since everything
/// needed to score runs in the learner's browser.
public struct QuizRenderer: Sendable {
    /// Interface strings in the site's language (the `quiz-*` keys are used).
    public let strings: [String: String]
    /// Whether raw HTML in question text is let through (the site's `raw-html`).
    public var rawHTML: Bool

    public init(strings: [String: String], rawHTML: Bool = false) {
        self.strings = strings
        self.rawHTML = rawHTML
    }

    func t(_ key: String) -> String { strings[key] ?? key }

    /// The salt for a quiz: derived from its id, so builds stay deterministic.
    public static func salt(for id: String) -> String {
        hex(SHA256.hash(data: Data("latih-quiz|\(id)".utf8))).prefix(16).description
    }

    /// The hash the browser compares against: 16 hex digits of SHA-256(salt|question|value).
    public static func answerHash(salt: String, question: Int, value: String) -> String {
        String(hex(SHA256.hash(data: Data("\(salt)|\(question)|\(value)".utf8))).prefix(16))
    }

    /// An opaque token for item `item` of question `question`, used as a form value (and
    /// so as the response in xAPI statements).
    public static func token(salt: String, question: Int, item: Int) -> String {
        String(hex(SHA256.hash(data: Data("\(salt)|t|\(question)|\(item)".utf8))).prefix(8))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline Markdown (emphasis, code, links) without the surrounding paragraph.
    func inline(_ text: String) -> String {
        var html = MarkdownRenderer.render(text, options: MarkdownOptions(rawHTML: rawHTML)).html
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html.trimmingSpacesAndNewlines()
    }

    /// Block Markdown, for explanations and feedback.
    func block(_ text: String) -> String {
        MarkdownRenderer.render(text, options: MarkdownOptions(rawHTML: rawHTML)).html
    }

    /// The quiz's HTML. `index` numbers quizzes within a page, for element ids.
    public func html(_ quiz: Quiz, index: Int) -> String {
        let salt = Self.salt(for: quiz.id)
        let base = "kuis-\(index + 1)"
        var h = "<section class=\"quiz\" id=\"\(base)\" data-quiz=\"\(HTML.escape(quiz.id))\" data-pass=\"\(quiz.pass)\""
        h += " data-attempts=\"\(quiz.attempts ?? 0)\""
        if quiz.attempts != nil {
            switch quiz.retry {
            case .review: h += " data-retry=\"review\""
            case .wait(let minutes): h += " data-retry=\"wait\" data-retry-minutes=\"\(minutes)\""
            case .contact(let who): h += " data-retry=\"contact\" data-retry-contact=\"\(HTML.escape(who))\""
            }
        }
        h += " data-shuffle=\"\(quiz.shuffle)\" data-partial=\"\(quiz.partial)\" aria-labelledby=\"\(base)-judul\">\n"
        h += "<h2 id=\"\(base)-judul\">\(HTML.escape(quiz.title ?? t("quiz-title")))</h2>\n"
        var meta = fill("quiz-pass-mark", ["n": String(quiz.pass)])
        if let a = quiz.attempts { meta += " · " + fill("quiz-attempts-allowed", ["n": String(a)]) }
        h += "<p class=\"quiz-meta\">\(HTML.escape(meta))</p>\n<p class=\"quiz-best\" hidden></p>\n"
        h += "<form class=\"quiz-form\" novalidate>\n<ol class=\"quiz-questions\">\n"
        var keys: [String] = []
        var number = 0
        for (q, question) in quiz.questions.enumerated() {
            let name = "\(base)-q\(q + 1)"
            if case .description = question.answer {
                // Text between questions: not numbered, nothing to answer.
                h += "<li class=\"quiz-text\" data-kind=\"description\" data-q=\"\(q)\">\n\(block(question.text))</li>\n"
                keys.append("{\"k\":\"description\"}")
                continue
            }
            number += 1
            let unscored = question.answer.isScored ? "" : " question-unscored"
            h += "<li class=\"question\(unscored)\" value=\"\(number)\" data-kind=\"\(question.answer.kind)\" data-q=\"\(q)\">\n<fieldset>\n"
            h += "<legend>\(inline(question.text))</legend>\n"
            let (body, key) = answerHTML(question.answer, q: q, name: name, salt: salt)
            h += body
            h += "<p class=\"question-result\" hidden></p>\n"
            if let x = question.explanation {
                h += "<div class=\"explanation\" hidden>\(block(x))</div>\n"
            }
            h += "</fieldset>\n</li>\n"
            keys.append(key)
        }
        h += "</ol>\n<div class=\"quiz-actions\">"
        h += "<button type=\"submit\" class=\"button quiz-check\" hidden>\(HTML.escape(t("quiz-check")))</button> "
        h += "<button type=\"button\" class=\"button quiz-retry\" hidden>\(HTML.escape(t("quiz-retry")))</button></div>\n"
        h += "<p class=\"quiz-status\" role=\"status\" tabindex=\"-1\"></p>\n</form>\n"
        h += "<noscript><p class=\"callout\">\(HTML.escape(t("quiz-needs-js")))</p></noscript>\n"
        // The interface strings the quiz's script shows are the page's (`quiz-*`, in its
        // `latih-strings`), once a page rather than once a quiz.
        h += "<script type=\"application/json\" class=\"quiz-key\">{\"salt\":\(json(salt)),\"q\":[\(keys.joined(separator: ","))]}</script>\n"
        h += "</section>\n"
        return h
    }

    func answerHTML(_ answer: Answer, q: Int, name: String, salt: String) -> (String, String) {
        func hash(_ v: String) -> String { json(Self.answerHash(salt: salt, question: q, value: v)) }
        func token(_ i: Int) -> String { Self.token(salt: salt, question: q, item: i) }
        switch answer {
        case .single(let options), .multiple(let options):
            let multiple = answer.kind == "multiple"
            var h = "<ul class=\"options\">\n"
            for (i, o) in options.enumerated() {
                let tk = token(i)
                h += "<li><label><input type=\"\(multiple ? "checkbox" : "radio")\" name=\"\(name)\" value=\"\(tk)\"> <span>\(inline(o.text))</span></label>"
                h += "<span class=\"option-answer\" data-for=\"\(tk)\" hidden></span>"
                if let f = o.feedback { h += "<div class=\"option-feedback\" data-for=\"\(tk)\" hidden>\(block(f))</div>" }
                h += "</li>\n"
            }
            h += "</ul>\n"
            let right = options.indices.filter { options[$0].correct }.map { hash(token($0)) }
            return (h, "{\"k\":\"\(answer.kind)\",\"h\":[\(right.joined(separator: ","))]}")
        case .trueFalse(let value):
            var h = "<ul class=\"options\">\n"
            for (v, label) in [("benar", t("quiz-true")), ("salah", t("quiz-false"))] {
                h += "<li><label><input type=\"radio\" name=\"\(name)\" value=\"\(v)\"> <span>\(HTML.escape(label))</span></label>"
                h += "<span class=\"option-answer\" data-for=\"\(v)\" hidden></span></li>\n"
            }
            h += "</ul>\n"
            return (h, "{\"k\":\"truefalse\",\"h\":[\(hash(value ? "benar" : "salah"))]}")
        case .numeric(let value, let tolerance):
            let h = "<p><label>\(HTML.escape(t("quiz-your-answer"))) <input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" name=\"\(name)\"></label></p>\n"
            let r = base64(tolerance > 0 ? "\(format(value)) ± \(format(tolerance))" : format(value))
            return (h, "{\"k\":\"numeric\",\"v\":\(json(base64(String(value)))),\"t\":\(json(base64(String(tolerance)))),\"r\":\(json(r))}")
        case .shortAnswer(let accepted):
            let h = "<p><label>\(HTML.escape(t("quiz-your-answer"))) <input type=\"text\" autocomplete=\"off\" name=\"\(name)\"></label></p>\n"
            let hashes = Set(accepted.map { AnswerText.normalise($0) }).sorted().map(hash)
            return (h, "{\"k\":\"short\",\"h\":[\(hashes.joined(separator: ","))],\"r\":\(json(base64(accepted[0])))}")
        case .ordering(let items):
            let tokens = items.indices.map(token)
            // Shown in a fixed order that is never the answer: sorted by token, rotated if that is the answer.
            var shown = items.indices.sorted { tokens[$0] < tokens[$1] }
            if shown == Array(items.indices) { shown = Array(shown.dropFirst()) + [shown[0]] }
            var h = "<ol class=\"ordering\">\n"
            for i in shown {
                h += "<li data-token=\"\(tokens[i])\"><span class=\"item-text\">\(inline(items[i]))</span>"
                // Each button names its item for screen readers: "Naikkan: Hapus surel …".
                let named = "<span class=\"visually-hidden\">: \(HTML.escape(items[i]))</span>"
                h += " <span class=\"move\" hidden><button type=\"button\" class=\"move-up\">\(HTML.escape(t("quiz-move-up")))\(named)</button>"
                h += " <button type=\"button\" class=\"move-down\">\(HTML.escape(t("quiz-move-down")))\(named)</button></span></li>\n"
            }
            h += "</ol>\n"
            return (h, "{\"k\":\"ordering\",\"h\":[\(hash(tokens.joined(separator: ",")))],\"r\":\(json(base64(tokens.joined(separator: ","))))}")
        case .numericSet(let ranges):
            let h = "<p><label>\(HTML.escape(t("quiz-your-answer"))) <input type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" name=\"\(name)\"></label></p>\n"
            let set = ranges.map { "[\(json(base64(String($0.low)))),\(json(base64(String($0.high)))),\($0.credit)]" }.joined(separator: ",")
            let full = ranges.first { $0.credit == 1 } ?? ranges[0]
            let shown = full.low == full.high ? format(full.low) : "\(format(full.low)) – \(format(full.high))"
            return (h, "{\"k\":\"numeric-set\",\"s\":[\(set)],\"r\":\(json(base64(shown)))}")
        case .essay:
            // Kept in the browser by site/quiz.js, in the progress export; never scored.
            var h = "<p class=\"quiz-unscored\" id=\"\(name)-catatan\">\(HTML.escape(t("quiz-essay-unscored")))</p>\n"
            h += "<p><label for=\"\(name)\">\(HTML.escape(t("quiz-your-answer")))</label>"
            h += "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"5\" aria-describedby=\"\(name)-catatan\" data-essay=\"\(q)\"></textarea></p>\n"
            h += "<p class=\"essay-status\" role=\"status\"></p>\n"
            return (h, "{\"k\":\"essay\"}")
        case .description:
            return ("", "{\"k\":\"description\"}")
        case .matching(let pairs):
            let rightTokens = pairs.indices.map(token)
            let shown = pairs.indices.sorted { rightTokens[$0] < rightTokens[$1] }
            var h = "<ul class=\"matching\">\n"
            var hashes: [String] = []
            for (i, pair) in pairs.enumerated() {
                let id = "\(name)-\(i + 1)"
                h += "<li><label for=\"\(id)\">\(inline(pair.0))</label> <select id=\"\(id)\" name=\"\(id)\" data-left=\"\(i)\">"
                h += "<option value=\"\">\(HTML.escape(t("quiz-choose")))</option>"
                for j in shown { h += "<option value=\"\(rightTokens[j])\">\(HTML.escape(pairs[j].1))</option>" }
                h += "</select><span class=\"option-answer\" data-for=\"\(i)\" hidden></span></li>\n"
                hashes.append(hash("\(i)=\(rightTokens[i])"))
            }
            h += "</ul>\n"
            return (h, "{\"k\":\"matching\",\"h\":[\(hashes.joined(separator: ","))],\"r\":\(json(base64(rightTokens.joined(separator: ","))))}")
        }
    }

    func fill(_ key: String, _ values: [String: String]) -> String {
        var s = t(key)
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    func base64(_ s: String) -> String { Data(s.utf8).base64EncodedString() }
}

/// A JSON string literal, safe inside `<script type="application/json">`: `<` is
/// written as `\u003c` so no `</script>` can end the block early.
func json(_ s: String) -> String {
    // Over UTF-8 bytes: every escaped character is ASCII but U+2028 and U+2029
    // (E2 80 A8 and E2 80 A9), which JavaScript once read as line ends.
    var out: [UInt8] = [UInt8(ascii: "\"")]
    out.reserveCapacity(s.utf8.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    func unicodeEscape(_ value: UInt32) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(hex[Int((value >> UInt32(shift)) & 15)]) }
    }
    var s = s
    s.withUTF8 { bytes in
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case 10: out += [92, UInt8(ascii: "n")]
            case 13: out += [92, UInt8(ascii: "r")]
            case 9: out += [92, UInt8(ascii: "t")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): unicodeEscape(UInt32(b))
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default:
                if b < 0x20 { unicodeEscape(UInt32(b)) } else { out.append(b) }
            }
            i += 1
        }
    }
    out.append(UInt8(ascii: "\""))
    return String(decoding: out, as: UTF8.self)
}
