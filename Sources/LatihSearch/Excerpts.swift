/// Short passages of a document around the first occurrence of a key, shown under a
/// search result with the matched words marked by the browser.
enum Excerpts {
    static let before = 6
    static let after = 16

    /// A passage around body token `at`; the summary, or the start of the body, when the
    /// key is only in the title or metadata (`at` is nil).
    static func passage(_ doc: SearchDocument, _ tokens: [TokenSpan], around at: Int?) -> String {
        guard let at else {
            return doc.summary.isEmpty ? passage(doc.body, tokens, from: 0, to: min(tokens.count - 1, after)) : doc.summary
        }
        return passage(doc.body, tokens, from: max(0, at - before), to: min(tokens.count - 1, at + after))
    }

    static func passage(_ body: String, _ tokens: [TokenSpan], from lo: Int, to hi: Int) -> String {
        guard !tokens.isEmpty, lo <= hi else { return "" }
        var slice = Array(body.utf8[body.utf8.index(body.utf8.startIndex, offsetBy: Int(tokens[lo].start))..<body.utf8.index(body.utf8.startIndex, offsetBy: Int(tokens[hi].end))])
        // Line breaks stay (a page shows them as spaces): they tell the browser where a
        // paragraph or heading ends, for the text fragment of a result's link.
        for i in slice.indices where slice[i] == 0x0D || slice[i] == 0x09 { slice[i] = 0x20 }
        var text = String(decoding: slice, as: UTF8.self)
        if lo > 0 { text = "… " + text }
        if hi < tokens.count - 1 { text += " …" }
        return text
    }
}
