/// Names in `content/` and the slugs made from them.
public enum Slug {
    /// Whether `s` is a valid slug: `[a-z0-9][a-z0-9-]*`, at most 80 characters, and not
    /// a name Windows reserves (`con`, `nul`, `com1`, …), so the site can be copied to any host.
    public static func isValid(_ s: String) -> Bool {
        guard s.utf8.count <= 80, let f = s.unicodeScalars.first,
              ("a"..."z").contains(f) || ("0"..."9").contains(f) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !isWindowsReserved(s)
    }

    /// Device names that Windows refuses as file names, with any extension.
    public static func isWindowsReserved(_ name: String) -> Bool {
        let base = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if ["con", "prn", "aux", "nul"].contains(base) { return true }
        if base.count == 4, base.hasPrefix("com") || base.hasPrefix("lpt"), let d = base.last, ("1"..."9").contains(d) { return true }
        return false
    }

    /// Why a published file name (an image, a PDF) cannot be copied to every host, or nil.
    /// Characters Windows forbids, control characters, and trailing dots or spaces are refused.
    public static func unpublishableReason(_ name: String) -> String? {
        if isWindowsReserved(name) { return "`\(name)` is a name Windows reserves" }
        if let bad = name.unicodeScalars.first(where: { "<>:\"|?*\\".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) {
            let what = bad.value < 0x20 || bad.value == 0x7F ? "a control character" : "`\(bad)`"
            return "the name contains \(what), which Windows hosts refuse"
        }
        if name.hasSuffix(".") || name.hasSuffix(" ") { return "`\(name)` ends with a dot or a space, which Windows hosts drop" }
        return nil
    }

    /// Splits `NN-name` into its order and its slug; nil when there is no number prefix.
    public static func ordered(_ name: String) -> (order: Int, slug: String)? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
        let rest = name.dropFirst(digits.count)
        guard rest.first == "-" else { return nil }
        return (n, String(rest.dropFirst()))
    }

}
