/// Makes heading ids the way GitHub does, so that anchors authors copy from GitHub work here:
/// lowercase, every character that is not a letter, mark, number, `_`, `-` or space dropped,
/// spaces turned into hyphens, and `-1`, `-2`, … appended to repeats.
public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        // Most headings are ASCII, where the rule is a compare a byte: letters and digits
        // kept (lowercased), `-` and `_` kept, a space made `-`. Reading Unicode's
        // properties for every character of every heading was a tenth of the Markdown
        // stage's CPU; a heading with any other byte takes the general rule.
        var text = text
        if let ascii = text.withUTF8({ asciiSlug($0) }) { return ascii }
        return unicodeSlug(text)
    }

    /// The slug of an all-ASCII heading, or nil when a byte is not ASCII.
    static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            switch b {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): out.append(b)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// GitHub's rule, character by character, through Unicode's properties.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            let p = scalar.properties
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || p.isAlphabetic || p.numericType != nil
                        || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A unique id for a heading with this text.
    public mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        if let n = used[base] {
            var k = n
            repeat {
                k += 1
                candidate = "\(base)-\(k)"
            } while used[candidate] != nil
            used[base] = k
        }
        if used[candidate] == nil { used[candidate] = 0 }
        return candidate
    }
}
