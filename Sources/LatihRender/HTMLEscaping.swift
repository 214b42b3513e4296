import Mustache

/// HTML escaping for `{{name}}` in templates: the same five characters as swift-mustache's
/// own (`<`, `>`, `&`, `"`, `'`) with the same replacements, so pages are byte for byte
/// the same.
///
/// Written here because the library's walks a string Character by Character and looks
/// each one up in a dictionary, and builds a new string even when there is nothing to
/// escape: 15 % of a whole build's CPU at 10,000 lessons (`perf record`). This one scans
/// UTF-8 bytes, and returns a string with nothing to escape as it is. The library lets a
/// template choose a content type by name (`{{% CONTENT_TYPE: LATIH_HTML}}`), so `Theme`
/// registers this one and puts that line above every template it loads.
struct HTMLEscaping: MustacheContentType {
    /// The name templates choose it by.
    static let name = "LATIH_HTML"
    /// The line `Theme` puts above each template (standalone, so it renders as nothing).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let escaped: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        switch escaped {
        case .some(.some(let result)): return result
        case .some(.none): return text
        case .none:
            // A string without contiguous UTF-8 (bridged): make it native and try again.
            var copy = text
            copy.makeContiguousUTF8()
            return escape(copy)
        }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }
}
