import LatihParallel
import Foundation
import LatihOutput
import LatihDiagnostics
import LatihCredentials
import LatihFrontMatter

/// Reads `content/` into a `Catalogue`: finds every file, parses all front matter in
/// parallel, assembles courses, modules, lessons, paths and pages, and checks the
/// structure (required files, slugs, references between courses). Every problem is
/// collected; none stops the others from being found.
public struct ContentLoader: Sendable {
    public var root: String
    public var includeDrafts: Bool

    public init(root: String, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
    }

    /// What a Markdown file is, judged from where it stands.
    enum Role: Sendable {
        case course(course: String)
        case module(course: String, order: Int, module: String)
        case lesson(course: String, module: (order: Int, slug: String)?, order: Int, slug: String)
        case path(String)
        case page(String)

        /// The front-matter schema of a file in this role.
        var schema: Schema {
            switch self {
            case .course: return .course
            case .module: return .module
            case .lesson: return .lesson
            case .path: return .path
            case .page: return .page
            }
        }
    }

    public func load() -> (Catalogue, [Diagnostic]) {
        var diags: [Diagnostic] = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            let d = Diagnostic.error(.contentFolderNotFound, SourceLocation(path: root), "content folder not found",
                                     hint: "run latih in a folder that has content/, or pass --content <folder>")
            return (Catalogue(config: SiteConfig(), courses: [], paths: [], pages: [], assets: []), [d])
        }
        let tree = FileTree(root: root)
        diags += tree.diagnostics

        var config = SiteConfig()
        // site.conf
        if tree.files.contains("site.conf") {
            switch SourceReader.read(root + "/site.conf", displayPath: "site.conf") {
            case .success(let text):
                let (fm, d) = FrontMatterParser.parseConf(text, path: "site.conf", schema: .site)
                diags += d
                config = SiteConfig(title: fm.text("title") ?? "Latih", description: fm.text("description") ?? "",
                                    language: fm.text("language") ?? "id", organisation: fm.text("organisation") ?? "",
                                    baseURL: fm.text("base-url"), rawHTML: fm.bool("raw-html") ?? false)
                config.xapiEndpoints = fm.list("xapi-endpoints")
                config.certificateIssuer = fm.text("certificate-issuer") ?? (config.organisation.isEmpty ? config.title : config.organisation)
                if let field = fm.fields["logo"] {
                    let (logo, problem) = Self.logo(field, files: tree.files, root: root)
                    config.logo = logo
                    diags += problem.map { [$0] } ?? []
                }
                if let field = fm.fields["certificate-keys"] {
                    let (keys, problems) = Self.certificateKeys(field)
                    config.certificateKeys = keys
                    diags += problems
                }
            case .failure(let d):
                diags.append(d)
            }
        } else {
            diags.append(.error(.contentSiteConfMissing, SourceLocation(path: "site.conf"), "site.conf is missing",
                                hint: "create content/site.conf with at least `title: <name of the catalogue>`"))
        }

        var markdown: [(String, Role)] = []
        var assets: [Asset] = []
        var statusListFile: String?
        for path in tree.files {
            let parts = path.split(separator: "/").map(String.init)
            if path == "site.conf" { continue }
            if path == Self.statusListFile { statusListFile = path; continue }
            if let logo = config.logo, path == logo.sourcePath { assets.append(logo); continue }
            if let reason = parts.lazy.compactMap(Slug.unpublishableReason).first {
                diags.append(.error(.contentUnpublishableName, SourceLocation(path: path), "file name cannot be published: \(reason)",
                                    hint: "rename it using letters, digits, hyphens and dots"))
                continue
            }
            if path.hasSuffix(".md") {
                switch classify(parts) {
                case .success(let role): markdown.append((path, role))
                case .failure(let d): diags.append(d)
                }
            } else if parts.first == "courses", parts.count >= 3 {
                assets.append(Asset(sourcePath: path, outputPath: path))
            } else if parts.first == "pages", parts.count >= 2 {
                assets.append(Asset(sourcePath: path, outputPath: "files/" + parts.dropFirst().joined(separator: "/")))
            } else {
                diags.append(.warning(.contentIgnoredFile, SourceLocation(path: path), "file is not part of the catalogue and is ignored",
                                      hint: "put images and documents beside the lessons that use them, under courses/<course>/"))
            }
        }

        // Read and parse every Markdown file in parallel.
        let root = self.root
        let parsed: [(String, Role, Result<ParsedDocument, Diagnostic>)] = markdown.parallelMap { item in
            let (path, role) = item
            return (path, role, SourceReader.read(root + "/" + path, displayPath: path).map {
                FrontMatterParser.parseDocument($0, path: path, schema: role.schema)
            })
        }

        var assembler = Assembler(includeDrafts: includeDrafts)
        for (path, role, result) in parsed {
            switch result {
            case .failure(let d):
                diags.append(d)
                assembler.unreadable(role)
            case .success(let doc):
                diags += doc.diagnostics
                assembler.add(Document(path: path, frontMatter: doc.frontMatter, body: doc.body, bodyLine: doc.bodyLine,
                                       isComplete: doc.isComplete), role: role)
            }
        }
        var (catalogue, more) = assembler.finish(config: config, assets: assets)
        catalogue.statusListFile = statusListFile
        diags += more
        return (catalogue, diags)
    }

    /// The publisher's logo (`logo:` in site.conf): an image in the content folder,
    /// published at the site's root for the header as `logo.<hash>.<ext>`. It is on every
    /// page and in the offline worker's shell, so a new logo must be a new address: under
    /// one name, the worker would keep showing the old one.
    static func logo(_ field: Field, files: [String], root: String) -> (Asset?, Diagnostic?) {
        let path = field.raw.trimmingCharacters(in: .whitespaces)
        let loc = SourceLocation(path: "site.conf", line: field.line, column: field.valueColumn)
        let ext = (path as NSString).pathExtension.lowercased()
        guard ["svg", "png", "jpg", "jpeg", "webp"].contains(ext) else {
            return (nil, .error(.contentLogoInvalid, loc, "logo `\(path)` is not an SVG, PNG, JPEG or WebP image"))
        }
        guard files.contains(path) else {
            let closest = Suggestion.closest(to: path, in: files)
            return (nil, .error(.contentLogoInvalid, loc, "logo `\(path)` is not in the content folder",
                                hint: closest.map { "did you mean `\($0)`?" } ?? "put the image in content/ and give its path from there, e.g. `logo: logo.svg`",
                                suggestion: closest))
        }
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
            return (nil, .error(.contentLogoInvalid, loc, "logo `\(path)` cannot be read"))
        }
        return (Asset(sourcePath: path, outputPath: ContentHash.name("logo." + ext, data)), nil)
    }

    /// Where `latih certify` keeps the signed revocation list, in the content folder.
    public static let statusListFile = "certificates/status.json"

    /// The items of `certificate-keys`, each a public key with an optional window; an item
    /// that is neither is an error at its place.
    static func certificateKeys(_ field: Field) -> ([TrustList.Key], [Diagnostic]) {
        var keys: [TrustList.Key] = [], diags: [Diagnostic] = []
        let loc = SourceLocation(path: "site.conf", line: field.line, column: field.valueColumn)
        guard case .list(let items) = field.value else { return ([], []) }
        for item in items {
            switch TrustList.parseKey(item) {
            case .success(let k): keys.append(k)
            case .failure(.window):
                diags.append(.error(.frontMatterBadKeyItem, loc, "`\(item)` is not a key with a window",
                                    hint: "write each key as z6Mk… optionally followed by FROM/UNTIL dates, e.g. `z6Mk… 2026-01-01/2027-12-31`"))
            case .failure(.key(let p)):
                let why = p == .wrongPrefix ? "is not an Ed25519 public key (it should start z6Mk)" : p == .wrongLength ? "has the wrong length for an Ed25519 key" : "is not base58"
                diags.append(.error(.frontMatterBadKeyItem, loc, "`\(item.split(separator: " ").first ?? "")` \(why)",
                                    hint: "copy the public key that `latih certify key` printed; never the secret key"))
            }
        }
        return (keys, diags)
    }

    /// Decides a Markdown file's role from its path, or says why it has none.
    func classify(_ parts: [String]) -> Result<Role, Diagnostic> {
        let path = parts.joined(separator: "/")
        func bad(_ code: DiagnosticCode, _ message: String, _ hint: String) -> Result<Role, Diagnostic> {
            .failure(.error(code, SourceLocation(path: path), message, hint: hint))
        }
        let layoutHint = "lessons live in courses/<course>/NN-<lesson>.md or courses/<course>/NN-<module>/NN-<lesson>.md"
        func slugCheck(_ name: String, _ what: String) -> Diagnostic? {
            Slug.isValid(name) ? nil : .error(.contentInvalidSlug, SourceLocation(path: path), "`\(name)` is not a valid \(what) slug",
                                              hint: "use lowercase letters a-z, digits and hyphens, e.g. keamanan-siber")
        }
        switch parts.first {
        case "courses":
            guard parts.count >= 3 else { return bad(.contentMisplacedFile, "Markdown file is not inside a course folder", layoutHint) }
            let course = parts[1]
            if let d = slugCheck(course, "course") { return .failure(d) }
            let name = String(parts.last!.dropLast(3))
            if parts.count == 3 {
                if name == "course" { return .success(.course(course: course)) }
                guard let (order, slug) = Slug.ordered(name) else {
                    return bad(.contentUnnumberedLesson, "lesson file name `\(parts[2])` has no number prefix", "name lessons NN-<slug>.md, e.g. 01-pengantar.md; the number orders them")
                }
                if let d = slugCheck(slug, "lesson") { return .failure(d) }
                return .success(.lesson(course: course, module: nil, order: order, slug: slug))
            }
            if parts.count == 4, let (mOrder, mSlug) = Slug.ordered(parts[2]) {
                if let d = slugCheck(mSlug, "module") { return .failure(d) }
                if name == "module" { return .success(.module(course: course, order: mOrder, module: mSlug)) }
                guard let (order, slug) = Slug.ordered(name) else {
                    return bad(.contentUnnumberedLesson, "lesson file name `\(parts[3])` has no number prefix", "name lessons NN-<slug>.md, e.g. 01-pengantar.md; the number orders them")
                }
                if let d = slugCheck(slug, "lesson") { return .failure(d) }
                return .success(.lesson(course: course, module: (mOrder, mSlug), order: order, slug: slug))
            }
            return bad(.contentMisplacedFile, "Markdown file is not a lesson of any course", layoutHint)
        case "paths" where parts.count == 2:
            let slug = String(parts[1].dropLast(3))
            if let d = slugCheck(slug, "learning path") { return .failure(d) }
            return .success(.path(slug))
        case "pages" where parts.count == 2:
            let slug = String(parts[1].dropLast(3))
            if let d = slugCheck(slug, "page") { return .failure(d) }
            if SiteRoutes.reservedPageSlugs.contains(slug) {
                return bad(.contentReservedSlug, "page slug `\(slug)` is reserved", "the site uses /\(slug)/ itself; rename the page")
            }
            return .success(.page(slug))
        default:
            return bad(.contentMisplacedFile, "Markdown file is outside any course", layoutHint + "; learning paths in paths/, other pages in pages/")
        }
    }
}

extension ContentLoader {
    /// Reads and parses one Markdown file of the catalogue again (for `latih serve`),
    /// with the schema its place implies. Paths are relative to the content folder.
    public func loadDocument(_ path: String) -> (Document?, [Diagnostic]) {
        let parts = path.split(separator: "/").map(String.init)
        let role: Role
        switch classify(parts) {
        case .success(let r): role = r
        case .failure(let d): return (nil, [d])
        }
        switch SourceReader.read(root + "/" + path, displayPath: path) {
        case .failure(let d):
            return (nil, [d])
        case .success(let text):
            let doc = FrontMatterParser.parseDocument(text, path: path, schema: role.schema)
            return (Document(path: path, frontMatter: doc.frontMatter, body: doc.body, bodyLine: doc.bodyLine,
                             isComplete: doc.isComplete), doc.diagnostics)
        }
    }
}

extension ContentLoader {
    /// A catalogue from Markdown texts held in memory, by path relative to a content
    /// folder, with the site's settings given: what `load` makes of a folder holding
    /// them. Other files (images) are not read; the theme's vocabulary is made from such
    /// a catalogue (`TemplateVocabulary`).
    public static func catalogue(texts: [(path: String, text: String)], config: SiteConfig) -> (Catalogue, [Diagnostic]) {
        let loader = ContentLoader(root: "")
        var diags: [Diagnostic] = []
        var assembler = Assembler(includeDrafts: false)
        for (path, text) in texts {
            switch loader.classify(path.split(separator: "/").map(String.init)) {
            case .failure(let d): diags.append(d)
            case .success(let role):
                let doc = FrontMatterParser.parseDocument(text, path: path, schema: role.schema)
                diags += doc.diagnostics
                assembler.add(Document(path: path, frontMatter: doc.frontMatter, body: doc.body, bodyLine: doc.bodyLine,
                                       isComplete: doc.isComplete), role: role)
            }
        }
        let (catalogue, more) = assembler.finish(config: config, assets: [])
        return (catalogue, diags + more)
    }
}
