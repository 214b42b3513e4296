/// Writes `sitemap.xml`. Sitemaps need absolute URLs, so one is written only when
/// `site.conf` sets `base-url`.
enum Sitemap {
    static func xml(pages: [String], baseURL: String?) -> String? {
        guard let base = baseURL else { return nil }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page.hasSuffix(".html") && page != "404.html" {
            let path = page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page
            out += "  <url><loc>\(escape(prefix + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
