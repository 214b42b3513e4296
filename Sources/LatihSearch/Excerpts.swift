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
        let start = Int(tokens[lo].start), end = Int(tokens[hi].end)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start + 8)
        if lo > 0 { bytes.append(contentsOf: "… ".utf8) }
        var body = body
        body.withUTF8 { utf8 in
            // Line breaks stay (a page shows them as spaces): they tell the browser where a
            // paragraph or heading ends, for the text fragment of a result's link.
            for b in UnsafeBufferPointer(rebasing: utf8[start..<end]) { bytes.append(b == 0x0D || b == 0x09 ? 0x20 : b) }
        }
        if hi < tokens.count - 1 { bytes.append(contentsOf: " …".utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
