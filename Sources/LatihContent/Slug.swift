/// Names in `content/` and the slugs made from them.
public enum Slug {
    /// Whether `s` is a valid slug: `[a-z0-9][a-z0-9-]*`, at most 80 characters.
    public static func isValid(_ s: String) -> Bool {
        guard s.utf8.count <= 80, let f = s.unicodeScalars.first,
              ("a"..."z").contains(f) || ("0"..."9").contains(f) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Splits `NN-name` into its order and its slug; nil when there is no number prefix.
    public static func ordered(_ name: String) -> (order: Int, slug: String)? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
        let rest = name.dropFirst(digits.count)
        guard rest.first == "-" else { return nil }
        return (n, String(rest.dropFirst()))
    }

    /// Top-level output names that a page slug may not take.
    public static let reservedPageSlugs: Set<String> = ["courses", "paths", "assets", "search", "index", "404", "sitemap", "progress", "kemajuan"]
}
