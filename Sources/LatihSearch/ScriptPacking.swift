/// Binary data as the text of a JavaScript string literal, 8 bytes in about 9.1 UTF-8
/// bytes where base64 takes 10.7: the term shards and document records are stored once,
/// as scripts (see `SearchIndexBuilder`), and base64 made them a third larger on disk
/// than the deflated bytes they carry. `unpackText` in `index-format.js` reads it back;
/// `docs/search.md` specifies it.
///
/// The bytes are read as a stream of 7-bit groups, most significant bit first, the last
/// group padded with zero bits. A group is written as the ASCII character of its value,
/// except the five a string literal cannot hold as they are (NUL, LF, CR, `"`, `\`): such
/// a group, with the group after it, is one two-byte character, U+0080 + 128 × i + next,
/// `i` being its place in `forbidden`; at the very end, U+0300 + i. This is the idea of
/// Kevin Albertson's base-122, with its own choice of characters; no maintained Swift or
/// JavaScript library implements an encoding of this kind for string literals.
enum ScriptPacking {
    /// The group values that are written as two-byte characters.
    static let forbidden: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x5C]

    /// The UTF-8 text of `bytes`, to stand between the quotes of a string literal.
    static func pack(_ bytes: [UInt8]) -> [UInt8] {
        var groups: [UInt8] = []
        groups.reserveCapacity((bytes.count * 8 + 6) / 7)
        var acc: UInt32 = 0, bits = 0
        for b in bytes {
            acc = (acc << 8 | UInt32(b)) & 0x7FFF
            bits += 8
            while bits >= 7 {
                bits -= 7
                groups.append(UInt8((acc >> UInt32(bits)) & 0x7F))
            }
        }
        if bits > 0 { groups.append(UInt8((acc << UInt32(7 - bits)) & 0x7F)) }
        var out: [UInt8] = []
        out.reserveCapacity(groups.count + groups.count / 16)
        var i = 0
        while i < groups.count {
            let g = groups[i]
            if let f = forbidden.firstIndex(of: g) {
                let point = i + 1 < groups.count ? 0x80 + 128 * f + Int(groups[i + 1]) : 0x300 + f
                out.append(UInt8(0xC0 | point >> 6))
                out.append(UInt8(0x80 | point & 0x3F))
                i += 2
            } else {
                out.append(g)
                i += 1
            }
        }
        return out
    }
}
