import Foundation

/// A word found in text, with where it stands in the text's UTF-8 bytes.
public struct Token: Sendable, Equatable {
    /// Lowercased, without diacritics: "Kerja", "kérja" → "kerja".
    public var word: String
    public var start: Int
    public var end: Int
}

/// Splits text into search words. Written by hand because the browser must split text
/// exactly the same way (`templates/assets/search/text.js`, `tokenize`), and both sides are small:
/// a word is a run of letters and digits, joined across single hyphens between them
/// ("buku-buku", "e-learning"); it is lowercased and loses its diacritics.
public enum Tokenizer {
    /// The words of `text`, in order.
    public static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        scan(text) { word, start, end in
            out.append(Token(word: String(decoding: word, as: UTF8.self), start: start, end: end))
        }
        return out
    }

    /// Calls `body` with each token of `text`: its folded UTF-8 bytes (valid only during
    /// the call), and where it starts and ends in `text`'s UTF-8. The index counts words
    /// through this, without making a String for every token.
    static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            // A token of lowercase ASCII letters, digits and inner hyphens (most of them)
            // is passed as its slice of `text`; any other is folded into `current`.
            var current: [UInt8] = []
            current.reserveCapacity(64)
            var pure = true
            var start = -1
            var last = 0
            var scalars = String.UnicodeScalarView()
            func flush() {
                if start >= 0 {
                    if pure {
                        body(UnsafeBufferPointer(rebasing: utf8[start..<last]), start, last)
                    } else {
                        // A trailing hyphen is not part of the word.
                        while current.last == 0x2D { current.removeLast() }
                        if !current.isEmpty { current.withUnsafeBufferPointer { body($0, start, last) } }
                    }
                }
                current.removeAll(keepingCapacity: true)
                start = -1
                pure = true
            }
            /// From here on the token is built in `current`.
            func unpure(at i: Int) {
                if pure, start >= 0 { current.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                pure = false
            }
            var i = 0
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                        // A run of lowercase letters and digits, in a loop of its own:
                        // most of the text, and this keeps the per-byte work to a compare.
                        if start < 0 { start = i }
                        var j = i + 1
                        while j < n {
                            let c = utf8[j]
                            guard (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) else { break }
                            j += 1
                        }
                        if !pure { current.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<j])) }
                        last = j
                        i = j
                        continue
                    } else if b >= 0x41 && b <= 0x5A {
                        if start < 0 { start = i }
                        unpure(at: i)
                        current.append(b + 0x20)
                        last = i + 1
                    } else if b == 0x2D, start >= 0, (pure ? utf8[i - 1] : current.last) != 0x2D, i + 1 < n, isWordByte(utf8[i + 1]) {
                        if !pure { current.append(b) }
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                // A non-ASCII scalar: decode it, fold it, and keep it when it is a letter or digit.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                let end = min(i + length, n)
                let scalarText = String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<end]), as: UTF8.self)
                var kept = false
                for scalar in scalarText.unicodeScalars where isLetterOrDigit(scalar) {
                    unpure(at: i)
                    scalars.removeAll()
                    scalars.append(scalar)
                    for folded in String(scalars).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                    where !isCombiningMark(folded) {
                        current.append(contentsOf: Array(String(folded).utf8))
                        kept = true
                    }
                }
                if kept {
                    if start < 0 { start = i }
                    last = end
                } else if !scalarText.unicodeScalars.allSatisfy(isCombiningMark) {
                    flush()
                } else {
                    unpure(at: i) // a combining mark inside a word is dropped
                }
                i = end
            }
            flush()
        }
    }

    /// Every search word of `text`: each token, and the parts of a hyphenated token,
    /// so that "e-learning" is found by "learning" too.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        scanWords(text) { word, _ in out.append(String(decoding: word, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with each search word of `text` as folded UTF-8 bytes (valid only
    /// during the call) and the index of its token: each token, then the parts of a
    /// hyphenated one. `token` hears of each token first, with its UTF-8 span.
    static func scanWords(_ text: String, token: (Int, Int) -> Void = { _, _ in },
                          _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var i = 0
        scan(text) { word, start, end in
            token(start, end)
            body(word, i)
            if word.contains(0x2D) {
                var from = 0
                for j in 0...word.count where j == word.count || word[j] == 0x2D {
                    if j > from { body(UnsafeBufferPointer(rebasing: word[from..<j]), i) }
                    from = j + 1
                }
            }
            i += 1
        }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        // The same classes as JavaScript's /[\p{L}\p{N}]/u.
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
