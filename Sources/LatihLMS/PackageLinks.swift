/// Links in a page of an LMS package. The package holds one course, and its pages run in
/// the LMS's frame or window: a link that left the course there would take the learner
/// away from the lesson the LMS is tracking.
///
/// - a link to a page or file the package holds stays as it is;
/// - a link to the rest of the site leads to the published site (`base-url`) in a new
///   window, or, without one, is no longer a link;
/// - a link to another site opens in a new window.
///
/// Both kinds are described to screen readers by the layout's `luar-kursus` or
/// `luar-paket` text. The pages are Latih's own output, where `href="` only ever starts
/// an attribute (cmark-gfm and Mustache escape quotes in text), so a scan for it is exact.
enum PackageLinks {
    /// The page's HTML with its links rewritten. `held` lists the package's paths.
    static func rewrite(_ html: String, page: String, held: Set<String>, baseURL: String?) -> String {
        let marker = Array(" href=\"".utf8)
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == marker[0], i + marker.count <= bytes.count, Array(bytes[i..<i + marker.count]) == marker,
                  let end = bytes[(i + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let value = String(decoding: bytes[(i + marker.count)..<end], as: UTF8.self)
            out += Array(attributes(for: value, page: page, held: held, baseURL: baseURL).utf8)
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The attributes that replace ` href="value"`.
    static func attributes(for value: String, page: String, held: Set<String>, baseURL: String?) -> String {
        let keep = " href=\"\(value)\""
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            return keep + " target=\"_blank\" rel=\"noopener\" aria-describedby=\"luar-kursus\""
        }
        guard let target = target(of: unescape(value), from: page), !held.contains(target) else { return keep }
        guard let baseURL else { return " data-outside-course aria-describedby=\"luar-paket\"" }
        let fragment = value.firstIndex(of: "#").map { String(value[$0...]) } ?? ""
        return " href=\"\(join(baseURL, target))\(fragment)\" target=\"_blank\" rel=\"noopener\" data-outside-course aria-describedby=\"luar-kursus\""
    }

    /// The site path that a relative URL on `page` leads to, without query or fragment;
    /// nil for URLs with a scheme, fragments alone, and paths that climb above the root.
    static func target(of url: String, from page: String) -> String? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        var path = Substring(url)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        var joined = parts.joined(separator: "/")
        if path.hasSuffix("/") || path.isEmpty { joined += joined.isEmpty ? "index.html" : "/index.html" }
        return joined
    }

    /// `base` and a site path joined by one slash.
    static func join(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }

    static func unescape(_ s: String) -> String {
        s.contains("&") ? s.replacingOccurrences(of: "&amp;", with: "&") : s
    }
}
