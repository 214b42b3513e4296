/// One line of a source file, without its line ending.
struct SourceLine {
    /// 1-based line number.
    var number: Int
    var text: Substring
}

/// Splits text into lines on LF, dropping a trailing CR, so that CRLF files read like LF ones.
///
/// Swift's `Character` treats "\r\n" as one grapheme, so splitting on `"\n"` as a
/// Character would miss CRLF endings; this works on the UTF-8 view instead.
func splitLines(_ text: Substring) -> [SourceLine] {
    var lines: [SourceLine] = []
    var start = text.startIndex
    var number = 1
    let utf8 = text.utf8
    var i = utf8.startIndex
    while i < utf8.endIndex {
        if utf8[i] == UInt8(ascii: "\n") {
            lines.append(SourceLine(number: number, text: dropCR(text[start..<i])))
            number += 1
            start = utf8.index(after: i)
        }
        i = utf8.index(after: i)
    }
    if start < text.endIndex {
        lines.append(SourceLine(number: number, text: dropCR(text[start...])))
    }
    return lines
}

private func dropCR(_ s: Substring) -> Substring {
    s.utf8.last == UInt8(ascii: "\r") ? Substring(s.utf8.dropLast()) : s
}

/// Removes a leading UTF-8 byte-order mark.
func dropBOM(_ text: String) -> Substring {
    text.unicodeScalars.first == "\u{FEFF}" ? Substring(text.unicodeScalars.dropFirst()) : Substring(text)
}

extension Substring {
    /// The 1-based byte column of `index` within this line.
    func column(of index: Substring.Index) -> Int {
        utf8.distance(from: startIndex, to: index) + 1
    }

    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
