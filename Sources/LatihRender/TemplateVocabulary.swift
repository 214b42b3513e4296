import LatihContent
import LatihMarkdown

/// The names a template may use: each name, and the names inside its value (a section
/// over a list sees the names of its items).
public struct TemplateNames: Sendable, Equatable {
    public var children: [String: TemplateNames] = [:]

    /// The names of a template value as `ViewModels` makes it: dictionaries name their
    /// keys; a list names what its items do; text and flags name nothing inside.
    static func of(_ value: Any) -> TemplateNames {
        var names = TemplateNames()
        if let strings = value as? [String: String] {
            for key in strings.keys { names.children[key] = TemplateNames() }
        } else if let dictionary = value as? [String: Any] {
            for (key, inner) in dictionary { names.children[key, default: TemplateNames()].merge(of(inner)) }
        } else if let list = value as? [Any] {
            for item in list { names.merge(of(item)) }
        }
        return names
    }

    mutating func merge(_ other: TemplateNames) {
        for (key, inner) in other.children { children[key, default: TemplateNames()].merge(inner) }
    }

    /// Every name, at any depth.
    public var all: Set<String> {
        var out = Set(children.keys)
        for inner in children.values { out.formUnion(inner.all) }
        return out
    }

    /// Whether a dotted name (`course.title`) can be found: its first part where a
    /// section may have opened a context (anywhere), the rest inside it.
    func resolves(_ parts: [String]) -> Bool {
        guard let first = parts.first else { return true }
        if let found = children[first], found.follows(parts.dropFirst()) { return true }
        return children.values.contains { $0.resolves(parts) }
    }

    private func follows(_ parts: ArraySlice<String>) -> Bool {
        guard let first = parts.first else { return true }
        return children[first]?.follows(parts.dropFirst()) ?? false
    }
}

/// What each template of the theme may name, made by the code that gives the values
/// rather than listed beside it: `ViewModels` renders a catalogue that has one of
/// everything (a course with a module, lessons before and after, a path, a page, a logo,
/// an LRS, certificates), in the site's mode and a package's, and the names of what it
/// gave each page template are that template's vocabulary. `TemplateCheck` holds
/// templates to it, and a test holds `docs/theme.md` to it.
public enum TemplateVocabulary {
    /// Names by template (`lesson`, `partials/outline-lesson`, `sw`, …).
    public static let byTemplate: [String: TemplateNames] = {
        var out: [String: TemplateNames] = [:]
        for mode in [PageMode.site, .lms(.cmi5)] {
            let views = ViewModels(input: sampleInput(mode), strings: [:], library: .init())
            for job in PageRenderer.jobs(of: views.input.catalogue) {
                let (template, path, context) = views.pageContext(for: job, bodyEnd: "")
                out[template, default: TemplateNames()].merge(.of(context))
                // The header and footer (`ViewModels.chrome`); the page's context holds its kind's flags.
                let chrome = TemplateNames.of(views.chromeContext(outputPath: path, root: context["root"] as? String ?? "", values: context))
                out["partials/site-header", default: TemplateNames()].merge(chrome)
                out["partials/site-footer", default: TemplateNames()].merge(chrome)
            }
            // A row of a lesson page's outline (`CourseOutline`).
            for section in views.sections(views.input.catalogue.courses[0], root: "", current: nil) {
                for row in section["lessons"] as? [[String: Any]] ?? [] {
                    var context = row
                    context["t"] = [String: String]()
                    context["root"] = ""
                    context["current"] = true
                    out["partials/outline-lesson", default: TemplateNames()].merge(.of(context))
                }
            }
        }
        out["sw"] = .of(OfflineFiles.workerValues(version: "", shell: []))
        return out
    }()

    /// Templates that other commands render with values of their own: the monitoring
    /// report's pages (`latih report`) and issued certificates (`latih certify`), which
    /// inherit the layout. Their names are not checked by place.
    public static let otherTemplates: [String: Set<String>] = [
        "report": [
            "report", "crumbs", "heading", "eyebrow", "lead", "figures", "items", "links", "sections", "sectionId",
            "sectionTitle", "note", "chart", "chartCaption", "table", "sortable", "columns", "numeric", "rows",
            "flagged", "cells", "sort", "text", "rowHeader", "privacy", "hasCrumbs", "hasFigures", "hasLinks",
            "bodyHTML", "label", "value", "url", "title", "id",
        ],
        "issued-certificate": [
            "certificate", "agency", "learner", "nip", "for", "achievement", "jp", "date", "narrative", "signed",
            "qr", "verifyAddress", "title", "name", "url", "id",
        ],
    ]

    /// Every name any template may use: what the layout and the partials, which several
    /// pages share, are held to.
    public static let anywhere: TemplateNames = {
        var all = TemplateNames()
        for names in byTemplate.values { all.merge(names) }
        for names in otherTemplates.values {
            for name in names { all.children[name, default: TemplateNames()].merge(TemplateNames()) }
        }
        return all
    }()

    /// A catalogue with one of everything a page can show.
    static func sampleInput(_ mode: PageMode) -> RenderInput {
        let lesson = "---\ntitle: Pelajaran\nsummary: Ringkasan\nduration: 10 menit\n---\n\nIsi.\n"
        let texts: [(path: String, text: String)] = [
            ("courses/alpha/course.md", "---\ntitle: Alpha\nsummary: Ringkasan\nlevel: dasar\ncategory: Umum\ntags: a\ncompetencies: k\n" +
                "authors: Penulis\nupdated: 2026-01-02\nprerequisites: beta\nlanguage: en\n---\n\nIsi.\n"),
            ("courses/alpha/01-modul/module.md", "---\ntitle: Modul\nsummary: Ringkasan\n---\n"),
            ("courses/alpha/01-modul/01-satu.md", lesson),
            ("courses/alpha/01-modul/02-dua.md", lesson),
            ("courses/alpha/02-tiga.md", lesson),
            ("courses/beta/course.md", "---\ntitle: Beta\nsummary: Ringkasan\nlevel: lanjut\n---\n"),
            ("courses/beta/01-satu.md", lesson),
            ("paths/jalur.md", "---\ntitle: Jalur\nsummary: Ringkasan\ncourses: alpha, beta\ncompetencies: k\n---\n\nIsi.\n"),
            ("pages/tentang.md", "---\ntitle: Tentang\nsummary: Ringkasan\n---\n\nIsi.\n"),
        ]
        var config = SiteConfig(title: "Contoh", description: "Deskripsi", organisation: "Organisasi", baseURL: "https://contoh.go.id/")
        config.xapiEndpoints = ["https://lrs.contoh.go.id"]
        config.logo = Asset(sourcePath: "logo.svg", outputPath: "logo.svg")
        let (catalogue, _) = ContentLoader.catalogue(texts: texts, config: config)
        var documents: [String: RenderedMarkdown] = [:]
        var quizzes: [String: [String]] = [:]
        for (path, _) in texts { documents[path] = RenderedMarkdown(html: "<p>Isi.</p>", leadingTitle: "Judul") }
        for course in catalogue.courses {
            for lesson in course.lessons { quizzes[lesson.document.path] = [lesson.progressID + "/1"] }
        }
        var input = RenderInput(catalogue: catalogue, documents: documents, assetPaths: [:], quizIDs: quizzes,
                                searchIndex: "search/index")
        input.mode = mode
        input.trustJSON = "{}"
        input.statusJSON = "{}"
        return input
    }
}
