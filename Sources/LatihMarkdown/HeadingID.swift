/// Makes heading ids the way GitHub does, so that anchors authors copy from GitHub work here:
/// lowercase, every character that is not a letter, mark, number, `_`, `-` or space dropped,
/// spaces turned into hyphens, and `-1`, `-2`, … appended to repeats.
public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
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
