/// Reads durations as authors write them: `45 menit`, `1 jam 30 menit`, `90m`, `1h30m`
/// (and `2 jam`, `1h`, `45 min`, or English `1 hour 30 minutes`).
public enum DurationReader {
    static let hourWords: Set<String> = ["jam", "h", "hour", "hours"]
    static let minuteWords: Set<String> = ["menit", "m", "min", "mnt", "minute", "minutes"]

    /// Total minutes, or nil when the text is not a duration or is zero.
    public static func minutes(_ raw: String) -> Int? {
        // Tokenise into alternating numbers and unit words, with or without spaces between.
        var tokens: [String] = []
        var current = ""
        var currentIsDigit = false
        for c in raw.lowercased() {
            if c == " " {
                if !current.isEmpty { tokens.append(current); current = "" }
                continue
            }
            let digit = c.isASCII && c.isNumber
            if !current.isEmpty, digit != currentIsDigit {
                tokens.append(current)
                current = ""
            }
            current.append(c)
            currentIsDigit = digit
        }
        if !current.isEmpty { tokens.append(current) }
        guard !tokens.isEmpty, tokens.count % 2 == 0 else { return nil }
        var total = 0
        var sawHours = false, sawMinutes = false
        for i in stride(from: 0, to: tokens.count, by: 2) {
            guard tokens[i].count <= 5, let n = Int(tokens[i]) else { return nil }
            let unit = tokens[i + 1]
            if hourWords.contains(unit), !sawHours, !sawMinutes {
                sawHours = true
                total += n * 60
            } else if minuteWords.contains(unit), !sawMinutes {
                sawMinutes = true
                total += n
            } else {
                return nil
            }
        }
        return total > 0 ? total : nil
    }
}
