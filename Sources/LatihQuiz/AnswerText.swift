import Foundation

/// Normalises typed answers so that `Aparatur Sipil Negara.` matches `aparatur  sipil negara`.
/// The browser does exactly the same (`normaliseAnswer` in templates/assets/site/quiz.js); the shared
/// vectors in `Tests/vectors/answers.tsv` hold both to it.
public enum AnswerText {
    static let trailing: Set<Character> = [".", ",", "!", "?", ";", ":", "…", "'", "\"", ")", "(", "-"]

    /// NFC, lowercase, whitespace runs collapsed to one space, trimmed, and trailing
    /// punctuation dropped.
    public static func normalise(_ s: String) -> String {
        let lowered = s.precomposedStringWithCanonicalMapping.lowercased()
        var out = ""
        var pendingSpace = false
        for c in lowered {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        while let last = out.last, trailing.contains(last) || last == " " { out.removeLast() }
        return out
    }

    /// Reads a number written with `.` or `,` as the decimal separator.
    public static func number(_ s: String) -> Double? {
        let t = s.trimmingSpaces()
        guard !t.isEmpty, t.count <= 32 else { return nil }
        var sawSep = false, sawDigit = false
        for (i, c) in t.enumerated() {
            if c.isASCII, c.isNumber { sawDigit = true; continue }
            if (c == "." || c == ","), !sawSep { sawSep = true; continue }
            if c == "-", i == 0 { continue }
            return nil
        }
        guard sawDigit else { return nil }
        return Double(t.replacingOccurrences(of: ",", with: "."))
    }
}
