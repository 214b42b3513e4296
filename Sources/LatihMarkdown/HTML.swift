/// HTML escaping for text that Latih writes into markup: heading ids, quiz forms, and
/// (through `HTMLEscaping` in LatihRender) every `{{value}}` of a template.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` (as `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`,
    /// swift-mustache's own entities), so the result is safe both as element content and
    /// inside a double- or single-quoted attribute.
    ///
    /// Scans UTF-8 bytes, and returns text with nothing to escape as it is: templates
    /// escape every value of every page, and walking Characters cost 15 % of a
    /// 10,000-lesson build's CPU (`perf record`).
    public static func escape(_ s: String) -> String {
        var s = s
        let escaped: String? = s.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? s
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
