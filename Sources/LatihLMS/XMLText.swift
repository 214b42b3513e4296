import LatihMarkdown

/// Text and attribute values escaped for XML 1.0, with the characters XML cannot carry
/// at all (C0 controls but tab, newline and carriage return) left out.
enum XMLText {
    static func escape(_ s: String) -> String {
        HTML.escape(String(s.unicodeScalars.filter { c in
            c == "\t" || c == "\n" || c == "\r" || (c.value >= 0x20 && !(0xFFFE...0xFFFF).contains(c.value))
        }))
    }

    /// An `xsd:ID`: an XML name (letters, digits, `-`, `_`, `.`, starting with a letter or
    /// `_`), made from `parts` joined by `_`, with anything else as `-`.
    static func identifier(_ parts: String...) -> String {
        var out = ""
        for scalar in parts.joined(separator: "_").unicodeScalars {
            let ok = (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        if let first = out.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { out = "_" + out }
        return out
    }
}
