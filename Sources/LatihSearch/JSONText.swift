/// Appends JSON as UTF-8 bytes. Written by hand, not with JSONEncoder, because the index
/// is mostly long integer arrays whose layout decides its size, its key order must be
/// fixed for byte-for-byte identical builds, and it is the build's hottest writer.
struct JSONText {
    var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// The JSON as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func raw(_ other: JSONText) { bytes.append(contentsOf: other.bytes) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func int(_ n: Int) {
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            int(-n)
            return
        }
        if n < 10 {
            bytes.append(0x30 + UInt8(n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 {
                buf[count] = 0x30 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buf[i]) }
        }
    }

    /// A JSON string that is also safe inside `<script>`: `<`, `>`, `&`, U+2028 and
    /// U+2029 are written as escapes.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                // Bytes that need no escape are copied a run at a time.
                var j = i
                while j < n, Self.isPlain(utf8[j]) { j += 1 }
                if j > i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<j])) }
                i = j
                if i == n { break }
                let b = utf8[i]
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                case UInt8(ascii: "<"): raw("\\u003c")
                case UInt8(ascii: ">"): raw("\\u003e")
                case UInt8(ascii: "&"): raw("\\u0026")
                case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    raw(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default:
                    if b < 0x20 {
                        raw("\\u00")
                        let hex = Array("0123456789abcdef".utf8)
                        bytes.append(hex[Int(b >> 4)])
                        bytes.append(hex[Int(b & 15)])
                    } else {
                        bytes.append(b) // 0xE2 that does not begin U+2028 or U+2029
                    }
                }
                i += 1
            }
        }
        bytes.append(0x22)
    }

    /// Whether `string(_:)` copies byte `b` as it is: not a control, `"`, `\\`, `<`, `>`, `&`,
    /// or 0xE2 (the first byte of U+2028 and U+2029).
    @inline(__always)
    static func isPlain(_ b: UInt8) -> Bool {
        b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26 && b != 0xE2
    }

    mutating func strings(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, s) in list.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(s)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func ints(_ list: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (i, n) in list.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            int(n)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
