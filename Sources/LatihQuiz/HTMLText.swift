/// HTML from a question bank (Moodle's `[html]` GIFT text, Moodle XML's `format="html"`),
/// turned into Markdown that Latih's safe renderer then renders like any author text.
///
/// Nothing of the bank's markup reaches the page: `<script>` and `<style>` go with their
/// content, every other tag is dropped or becomes its Markdown (bold, italics, code,
/// links, line breaks), attributes and event handlers are gone with their tags, and link
/// URLs go through the renderer's check (no `javascript:`). Text is escaped so that it
/// stays text. Written by hand because no HTML sanitiser is among the packages in reach
/// (SwiftSoup is not), and this needs only a tag scanner, not an HTML parser: what is not
/// understood is dropped, never passed on.
public enum HTMLText {
    /// The Markdown for `html`, and whether it had an image (which a bank must carry).
    public static func markdown(from html: String) -> (text: String, hadImage: Bool) {
        var out = ""
        var hadImage = false
        var chars = Substring(html)
        var link: String?
        var linkText = ""
        func emit(_ s: String) { if link != nil { linkText += s } else { out += s } }
        while let lt = chars.firstIndex(of: "<") {
            emit(escape(decodeEntities(String(chars[..<lt]))))
            guard let gt = chars[lt...].firstIndex(of: ">") else { chars = chars[chars.endIndex...]; break }
            let tag = chars[chars.index(after: lt)..<gt]
            chars = chars[chars.index(after: gt)...]
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch name {
            case "script", "style", "iframe", "object", "template", "noscript", "svg", "math":
                // Gone with everything inside.
                if !closing, let end = chars.range(of: "</\(name)", options: .caseInsensitive) {
                    chars = chars[end.upperBound...]
                    if let gt = chars.firstIndex(of: ">") { chars = chars[chars.index(after: gt)...] }
                }
            case "br": emit("  \n")
            case "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
                emit(closing || name == "p" || name == "div" ? "\n\n" : "")
            case "b", "strong": emit("**")
            case "i", "em": emit("*")
            case "code", "tt": emit("`")
            case "img": hadImage = true
            case "a":
                if closing, let href = link {
                    link = nil
                    out += href.isEmpty ? linkText : "[\(linkText)](<\(href.replacingOccurrences(of: ">", with: "%3E"))>)"
                    linkText = ""
                } else if !closing {
                    link = attribute("href", in: String(tag)).map(decodeEntities) ?? ""
                }
            default: break
            }
        }
        emit(escape(decodeEntities(String(chars))))
        if link != nil { out += linkText }
        // Collapse the blank lines block tags leave.
        var lines: [String] = []
        for line in out.components(separatedBy: "\n") {
            let t = line.trimmingSpaces()
            if t.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line.hasSuffix("  ") ? line : t)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (lines.joined(separator: "\n"), hadImage)
    }

    /// Plain text as Markdown that shows it as written (`[plain]`, `[moodle]`, `format="plain_text"`).
    public static func markdown(fromPlain text: String) -> String { escape(text) }

    /// Markdown's punctuation escaped, so that text stays text.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#!|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// An attribute's value in a tag's text (`src` in `img src="a.png" alt=""`).
    public static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: name + "=", options: .caseInsensitive) else { return nil }
        var rest = tag[r.upperBound...]
        guard let q = rest.first else { return nil }
        if q == "\"" || q == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: q).map { String(rest[..<$0]) }
        }
        return String(rest.prefix { !$0.isWhitespace })
    }

    /// `&amp;`, `&lt;`, `&#233;`, `&#xE9;`, `&nbsp;` and the other common entities.
    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–",
                     "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“"]
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let entity = String(after[..<semi])
                var scalar: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    scalar = named[entity]
                }
                if let scalar {
                    out += scalar
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
