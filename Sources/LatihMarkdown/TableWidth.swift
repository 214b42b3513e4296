/// GFM table width, found before cmark-gfm sees a document: cmark-gfm's table extension
/// takes time that grows with the square of a table's columns (a 2 MB lesson holding one
/// table of 5,000 columns takes 13.5 s to parse), so a table wider than `limit` is refused
/// instead of parsed. One pass over the lines, outside fenced code.
public enum TableWidth {
    /// The most columns a table may have. Training material has a handful; a table this
    /// wide is pasted data, which belongs in a file to download.
    public static let limit = 100

    /// The first table wider than `limit`: the line of its delimiter row (counted from
    /// `firstLine`) and its columns; nil when there is none.
    public static func firstTooWide(_ text: String, firstLine: Int = 1) -> (line: Int, columns: Int)? {
        var text = text
        // Over the bytes in place: splitting the String's UTF-8 view into lines cost as
        // much as a tenth of the Markdown stage.
        return text.withUTF8 { bytes in
            var fence: (char: UInt8, length: Int)?
            var line = firstLine
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { line += 1; start = end + 1 }
                var i = start
                while i < end, bytes[i] == UInt8(ascii: " ") { i += 1 }
                let indent = i - start
                if indent < 4, i < end, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") {
                    let first = bytes[i]
                    var j = i
                    while j < end, bytes[j] == first { j += 1 }
                    if j - i >= 3 {
                        if let f = fence { if f.char == first && j - i >= f.length { fence = nil } } else { fence = (first, j - i) }
                        continue
                    }
                }
                if fence != nil { continue }
                if let columns = delimiterColumns(UnsafeBufferPointer(rebasing: bytes[i..<end])), columns > limit { return (line, columns) }
            }
            return nil
        }
    }

    /// The cells of a table's delimiter row (`| --- | :-: |`), or nil if `row` is not one.
    static func delimiterColumns(_ row: String) -> Int? {
        var row = row
        return row.withUTF8 { delimiterColumns($0) }
    }

    static func delimiterColumns(_ row: UnsafeBufferPointer<UInt8>) -> Int? {
        var cells = 0, inCell = false, dashes = false, pipes = 0
        for b in row {
            switch b {
            case UInt8(ascii: "|"):
                pipes += 1
                if inCell { guard dashes else { return nil }; cells += 1 }
                inCell = false
                dashes = false
            case UInt8(ascii: "-"): inCell = true; dashes = true
            case UInt8(ascii: ":"): inCell = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            default: return nil
            }
        }
        if inCell { guard dashes else { return nil }; cells += 1 }
        return pipes > 0 && cells > 0 ? cells : nil
    }
}
