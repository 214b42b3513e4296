/// Finds the closest known word to a misspelt one, for "did you mean …?" hints.
public enum Suggestion {
    /// The candidate with the smallest edit distance to `word`, if it is close enough
    /// to be a plausible typo (at most a third of the word's length, and at most 3 edits).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let length = word.count
        var best: (String, Int)?
        for c in candidates {
            // The distance is at least the difference in length: skip hopeless candidates cheaply.
            if abs(c.count - length) > limit { continue }
            let d = editDistance(word, c)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && c < best!.0) {
                best = (c, d)
            }
        }
        return best?.0
    }

    /// Damerau–Levenshtein distance (optimal string alignment) over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = Swift.min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
