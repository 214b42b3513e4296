extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: spaces (Unicode's Zs) and tabs off both
    /// ends. Foundation's version bridges through NSString on every call, and quizzes
    /// trim every line they read.
    func trimmingSpaces() -> String { trimming(newlines: false) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`: the same, and line breaks
    /// (U+000A–U+000D, U+0085, U+2028, U+2029).
    func trimmingSpacesAndNewlines() -> String { trimming(newlines: true) }

    private func trimming(newlines: Bool) -> String {
        func isTrimmed(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x20, 0x09: return true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
            case 0..<0x80: return false
            default: return s.properties.generalCategory == .spaceSeparator
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !isTrimmed($0) })!)
        // Scalar boundaries, so the bytes between them are whole UTF-8.
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }
}
