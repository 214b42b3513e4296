/// Short passages of a document around the first occurrence of a key, shown under a
/// search result with the matched words marked by the browser.
enum Excerpts {
    static let before = 8
    static let after = 18

    /// For each key: a passage around the first body word that is the key or stems to it,
    /// else around the first word that shares the key's stem; the summary, or the start
    /// of the body, when the key is only in the title or metadata.
    static func find(keys: Set<String>, in doc: SearchDocument, stem: (String) -> String) -> [String: String] {
        let bytes = Array(doc.body.utf8)
        let tokens = Tokenizer.tokens(doc.body)
        var first: [String: Int] = [:]
        var firstByStem: [String: Int] = [:]
        for (i, t) in tokens.enumerated() {
            var forms = [t.word, stem(t.word)]
            if t.word.contains("-") {
                for part in t.word.split(separator: "-") { forms += [String(part), stem(String(part))] }
            }
            for f in forms where keys.contains(f) && first[f] == nil { first[f] = i }
            for f in forms.dropFirst() where firstByStem[f] == nil { firstByStem[f] = i }
        }
        var out: [String: String] = [:]
        let fallback = doc.summary.isEmpty ? passage(bytes, tokens, around: 0, before: 0) : doc.summary
        for key in keys {
            let at = first[key] ?? firstByStem[stem(key)]
            out[key] = at.map { passage(bytes, tokens, around: $0, before: before) } ?? fallback
        }
        return out
    }

    static func passage(_ bytes: [UInt8], _ tokens: [Token], around i: Int, before: Int) -> String {
        guard !tokens.isEmpty else { return "" }
        let lo = max(0, i - before)
        let hi = min(tokens.count - 1, i + after)
        var text = String(decoding: bytes[tokens[lo].start..<tokens[hi].end], as: UTF8.self)
        text = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if lo > 0 { text = "… " + text }
        if hi < tokens.count - 1 { text += " …" }
        return text
    }
}
