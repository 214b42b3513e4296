/// HTML escaping for text that Latih writes into markup itself (heading ids, quiz forms).
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element
    /// content and inside a double- or single-quoted attribute.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
