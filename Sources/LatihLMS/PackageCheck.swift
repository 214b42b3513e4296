import LatihContent
import LatihDiagnostics
import LatihRender
import LatihSite

/// What stops a course from going into an LMS, or changes how it works there: links out
/// of the course (a warning: the package does not hold their pages), titles longer than
/// LMS fields take, and a theme without the LMS runtime. Run by `latih package` and
/// `latih check`.
public enum PackageCheck {
    /// The theme's scripts that LMS packages leave out, by their names in the theme.
    static let siteOnlyScripts = ["latih.js", Theme.searchScript, Theme.reportScript, Theme.verifyScript, Theme.xapiScript]

    /// What would stop the site's courses from going into an LMS (`latih check --lms`).
    public static func diagnostics(_ site: SiteContent, _ options: BuildOptions) -> [Diagnostic] {
        // Content findings by paths relative to the content folder, shown at the end.
        var diags: [Diagnostic] = []
        var theme: [Diagnostic] = []
        if !site.theme.assets.contains(where: { $0.path == Theme.lmsScript }) {
            theme.append(.error(.lmsRuntimeMissing, SourceLocation(path: options.templatesDir + "/assets/latih-lms.js"), "theme has no LMS runtime",
                                hint: "LMS packages need assets/latih-lms.js; copy it from Latih's default theme"))
        }
        let base = site.catalogue.config.baseURL
        for course in site.catalogue.courses {
            let held = Set([course.outputPath] + course.lessons.map(\.outputPath) + contentFiles(of: course, site).map(\.output))
            var titled: [(Document, String, String)] = [(course.document, course.title, "course")]
            titled += course.modules.map { ($0.document, $0.title, "module") }
            titled += course.lessons.map { ($0.document, site.title(of: $0), "lesson") }
            for (doc, title, what) in titled where title.count > LMSFormat.titleLimit {
                let field = doc.frontMatter["title"]
                let at = SourceLocation(path: doc.path, line: field?.line ?? 1, column: field?.valueColumn ?? 1)
                diags.append(.error(.lmsTitleTooLong, at, "\(what) title is \(title.count) characters, longer than an LMS keeps (\(LMSFormat.titleLimit))",
                                    hint: "shorten it; SCORM 1.2 and cmi5 LMSs cut or refuse longer titles"))
            }
            for doc in documents(of: course) {
                guard let result = site.result(for: doc.path) else { continue }
                for ref in result.rendered.links {
                    guard let url = site.context.resolver.resolve(ref, in: doc, pageOutput: result.output).url,
                          let target = PackageLinks.target(of: url, from: result.output), !held.contains(target) else { continue }
                    let hint = base.map { "in the LMS package it opens \(PackageLinks.join($0, target)) in a new window" }
                        ?? "in the LMS package it is not a link; set `base-url` in site.conf to lead to the published site"
                    diags.append(.warning(.lmsLinkOutOfCourse, SourceLocation(path: doc.path, line: ref.line, column: ref.column),
                                          "link leads out of the course `\(course.slug)`, to a page its LMS package does not hold",
                                          hint: hint))
                }
            }
        }
        return theme + diags.map(options.shown)
    }

    static func documents(of course: Course) -> [Document] {
        [course.document] + course.modules.map(\.document) + course.lessons.map(\.document)
    }

    /// The content files (images, downloads) that the course's pages use: source → output
    /// path.
    static func contentFiles(of course: Course, _ site: SiteContent) -> [(source: String, output: String)] {
        var used: Set<String> = []
        for doc in documents(of: course) {
            if let result = site.result(for: doc.path) { used.formUnion(result.sources) }
        }
        return used.sorted().compactMap { s in site.assetOutputs[s].map { (s, $0) } }
    }

}
