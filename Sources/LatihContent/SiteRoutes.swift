/// The outputs that the site makes itself, beside the pages of `content/`: one table, from
/// which the reserved page slugs, the offline shell, the page renderer's lookup and the
/// pages an edit of a lesson's title reaches are all read, so that no list can forget one.
public enum SiteRoutes {
    /// A page the theme renders from the catalogue as a whole.
    public struct BuiltInPage: Sendable, Equatable {
        /// Its output path.
        public let path: String
        /// Whether it shows lesson titles, durations or quizzes (it is rendered again when
        /// a lesson's change those).
        public let namesLessons: Bool
        /// Whether every visitor gets it cached for offline use when the site is first opened
        /// (the others are cached when first visited): what a learner needs offline, within
        /// a first visit's 60 KB.
        public let offline: Bool
    }

    public static let catalogue = BuiltInPage(path: "index.html", namesLessons: true, offline: true)
    public static let notFound = BuiltInPage(path: "404.html", namesLessons: false, offline: true)
    public static let progress = BuiltInPage(path: "kemajuan/index.html", namesLessons: true, offline: true)
    public static let certificate = BuiltInPage(path: "sertifikat/index.html", namesLessons: true, offline: true)
    public static let paths = BuiltInPage(path: "paths/index.html", namesLessons: true, offline: true)
    /// Searching offline needs the index's shards, which are cached as queries fetch them:
    /// the page and its engine are cached with them, on the first search.
    public static let search = BuiltInPage(path: "search/index.html", namesLessons: true, offline: false)
    /// Where anyone checks a certificate the agency signed (a certificate's QR code opens it).
    /// A verifier's page, not a learner's: cached when first opened, and then it checks
    /// certificates offline.
    public static let verify = BuiltInPage(path: "verifikasi/index.html", namesLessons: false, offline: false)

    /// The signed revocation list of the agency's certificates, and the trust list (issuer
    /// and keys) that the verification page embeds, published beside it; `did.json` is the
    /// issuer's DID document, where `did:web` resolves a site's address.
    public static let statusList = "verifikasi/status.json"
    public static let trustList = "verifikasi/trust.json"
    public static let didDocument = "did.json"

    /// Every built-in page, in a fixed order.
    public static let builtInPages = [catalogue, notFound, progress, certificate, paths, search, verify]

    /// Folders and files at the top of `site/` that the site writes besides those pages.
    public static let otherOutputs = ["courses", "assets", "files", "search", "sw.js", "manifest.webmanifest", "sitemap.xml", didDocument]

    /// Top-level names that a page of `content/pages/` may not take, since its output
    /// (`<slug>/index.html`) would replace one of the site's own.
    public static let reservedPageSlugs: Set<String> = {
        var out = Set(otherOutputs.map { $0.split(separator: ".").first.map(String.init) ?? $0 })
        for page in builtInPages {
            let top = page.path.split(separator: "/").first.map(String.init) ?? page.path
            out.insert(top.hasSuffix(".html") ? String(top.dropLast(5)) : top)
        }
        out.remove("")
        return out
    }()
}
