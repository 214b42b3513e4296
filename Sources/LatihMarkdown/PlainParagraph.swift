/// What cmark-gfm makes of a snippet of plain prose, found without parsing it.
///
/// A quiz renders each question, option, explanation and feedback on its own, and most
/// of them are a few plain words ("Benar", "Laporan bulanan"). Each went through a whole
/// cmark-gfm parse: a parser, five extensions attached, and the process-wide lock that
/// inline parsing must hold (see `MarkdownRenderer.inlineLock`), taken a quarter of a
/// million times on 10,000 lessons, with both cores queueing on it.
///
/// A snippet is plain when no Markdown construct or extension can read anything in it:
/// one line, starting with an ASCII letter or a character beyond ASCII (so no list,
/// heading, quote, fence, table or indented code can open it), ending with no space, holding only letters, digits,
/// spaces and punctuation that no inline syntax uses (none of `` *_`[]<>&!\#|~:@ ``),
/// and no "www." (the autolink extension's other trigger). cmark-gfm then gives one
/// paragraph of the text as it stands, with `"` escaped. `PlainParagraphTests` hold this
/// equal to the parse on random snippets of that alphabet and beyond.
enum PlainParagraph {
    /// The paragraph's HTML and plain text, or nil when `source` is not plain.
    static func render(_ source: String) -> RenderedMarkdown? {
        var source = source
        return source.withUTF8 { bytes -> RenderedMarkdown? in
            guard let first = bytes.first, let last = bytes.last, isLetter(first), last != 0x20 else { return nil }
            var quoted = false
            for (i, b) in bytes.enumerated() {
                switch b {
                case 0x80...: continue
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    continue
                case UInt8(ascii: "."):
                    // "www." opens an autolink; a dot anywhere else is prose.
                    if i >= 3, lowered(bytes[i - 1]) == 0x77, lowered(bytes[i - 2]) == 0x77, lowered(bytes[i - 3]) == 0x77 { return nil }
                case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "'"),
                     UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "-"),
                     UInt8(ascii: "+"), UInt8(ascii: "="):
                    continue
                case UInt8(ascii: "\""):
                    quoted = true
                default:
                    return nil
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let escaped = quoted ? text.replacingQuotes() : text
            return RenderedMarkdown(html: "<p>" + escaped + "</p>\n", plainText: text + "\n")
        }
    }

    /// An ASCII letter, or the first byte of a character beyond ASCII.
    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0xC0
    }

    private static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}

private extension String {
    /// `"` as cmark-gfm writes it in text. Not `HTML.escape`, which also writes `'` as
    /// `&#39;`, where cmark-gfm leaves it.
    func replacingQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for c in unicodeScalars {
            if c == "\"" { out += "&quot;" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
