/// Appends JSON to a string. Written by hand, not with JSONEncoder, because the index
/// is mostly long integer arrays whose layout decides its size, its key order must be
/// fixed for byte-for-byte identical builds, and it is the build's hottest writer.
struct JSONText {
    var text = ""

    init(capacity: Int = 1024) { text.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { text += s }

    mutating func int(_ n: Int) { text += String(n) }

    /// A JSON string that is also safe inside `<script>`: `<`, `>`, `&`, U+2028 and
    /// U+2029 are written as escapes.
    mutating func string(_ s: String) {
        text += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(u)
                }
            }
        }
        text += "\""
    }

    mutating func strings(_ list: [String]) {
        text += "["
        for (i, s) in list.enumerated() {
            if i > 0 { text += "," }
            string(s)
        }
        text += "]"
    }

    mutating func ints(_ list: [Int]) {
        text += "["
        for (i, n) in list.enumerated() {
            if i > 0 { text += "," }
            text += String(n)
        }
        text += "]"
    }
}
