import Foundation
import LatihContent
import LatihDiagnostics
import LatihFrontMatter
import Mustache

/// A theme folder: Mustache templates, interface strings per language, and static assets.
///
/// ```
/// templates/layout.mustache       the page shell every page template inherits from
/// templates/<page>.mustache       catalogue, course, lesson, path, paths, page, 404
/// templates/partials/*.mustache   pieces the page templates include
/// templates/i18n/<lang>.conf      interface strings, one `key: value` table per language
/// templates/assets/*              CSS and JavaScript, published with content-hashed names
/// ```
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Interface strings in the site's language.
    public let strings: [String: String]
    /// Asset files, by path relative to `templates/assets/`, sorted.
    public let assets: [(path: String, data: Data)]

    /// The theme's scripts that the site's own pages never load: the LMS runtime (in
    /// packages) and the report's (in `latih report`'s folder). The offline worker does not
    /// precache them, and packages leave out the others.
    public static let lmsScript = "latih-lms.js"
    public static let reportScript = "latih-report.js"
    /// The xAPI reporter, which the site's pages load only when `site.conf` names a learning
    /// record store.
    public static let xapiScript = "latih-xapi.js"
    /// The scripts of the search and verification pages, which the offline worker caches
    /// when those pages are first opened rather than on every learner's first visit.
    public static let searchScript = "latih-search.js"
    public static let verifyScript = "latih-verify.js"

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "catalogue", "course", "lesson", "path", "paths", "page", "404", "progress", "certificate", "search", "verify", "sw", "partials/outline-lesson"]

    /// Loads a theme, reporting every broken or missing template and string table.
    public static func load(from dir: String, language: String) -> (Theme?, [Diagnostic]) {
        var diags: [Diagnostic] = []
        var library = MustacheLibrary()
        _ = HTMLEscaping.registered
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            return (nil, [.error(.themeFolderNotFound, SourceLocation(path: dir), "templates folder not found",
                                 hint: "run latih where templates/ is, or pass --templates <folder>")])
        }
        let files = (fm.subpaths(atPath: dir) ?? []).sorted()
        var names: Set<String> = []
        var sources: [(display: String, name: String, text: String)] = []
        for rel in files where rel.hasSuffix(".mustache") {
            let display = dir + "/" + rel
            // A template that exists but is broken is reported once, not also as missing.
            names.insert(String(rel.dropLast(".mustache".count)))
            switch SourceReader.read(dir + "/" + rel, displayPath: display) {
            case .failure(let d):
                diags.append(d)
            case .success(let text):
                sources.append((display, String(rel.dropLast(".mustache".count)), text))
                do {
                    // Every template escapes with `HTMLEscaping` (the same output, faster);
                    // the line it adds shifts error positions by one line, undone below.
                    let template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                    let name = String(rel.dropLast(".mustache".count))
                    library.register(template, named: name)
                    names.insert(name)
                } catch let error as MustacheTemplate.ParserError {
                    diags.append(.error(.templateSyntax, SourceLocation(path: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                                        "template syntax error: \(describe(error.error))",
                                        hint: "check that every {{#section}} is closed by a matching {{/section}}"))
                } catch {
                    diags.append(.error(.templateSyntax, SourceLocation(path: display), "template cannot be parsed: \(error)"))
                }
            }
        }
        for name in requiredTemplates where !names.contains(name) {
            diags.append(.error(.templateMissing, SourceLocation(path: "\(dir)/\(name).mustache"), "template is missing",
                                hint: "every theme needs \(requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", "))"))
        }

        var strings: [String: String] = [:]
        let table = "i18n/\(language).conf"
        switch SourceReader.read(dir + "/" + table, displayPath: dir + "/" + table) {
        case .failure(let d): diags.append(d)
        case .success(let text):
            let (t, d) = FrontMatterParser.parseTable(text, path: dir + "/" + table)
            strings = t
            diags += d
        }

        var assets: [(String, Data)] = []
        var bundles: [(AssetBundle, String)] = []
        var scriptTexts: [String: String] = [:]
        for rel in files where rel.hasPrefix("assets/") {
            let full = dir + "/" + rel
            var sub: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
            guard let data = fm.contents(atPath: full) else {
                diags.append(.error(.themeAssetUnreadable, SourceLocation(path: dir + "/" + rel), "asset cannot be read"))
                continue
            }
            let path = String(rel.dropFirst("assets/".count))
            if path.hasSuffix(".bundle") {
                bundles.append((AssetBundle.parse(String(decoding: data, as: UTF8.self), rel: path), dir + "/" + rel))
                continue
            }
            // Scripts are published without their comments (see `ScriptCompactor`).
            let compact = rel.hasSuffix(".js") ? String(data: data, encoding: .utf8).flatMap(ScriptCompactor.compact) : nil
            let published = compact.map { Data($0.utf8) } ?? data
            if rel.hasSuffix(".js") { scriptTexts[path] = String(decoding: published, as: UTF8.self) }
            assets.append((path, published))
        }
        // Files joined into a bundle are published only as part of it.
        var joined: Set<String> = []
        for (bundle, display) in bundles {
            let (text, missing) = bundle.join(scriptTexts, displayPath: display)
            if let text { assets.append((bundle.output, Data(text.utf8))) }
            diags += missing
            joined.formUnion(bundle.parts.map(\.path))
        }
        assets = assets.filter { !joined.contains($0.0) }.sorted { $0.0 < $1.0 }
        let assetKeys = Set(assets.map { $0.0.replacingOccurrences(of: ".", with: "-") })
        for (display, name, text) in sources {
            diags += TemplateCheck.check(text, path: display, template: name, strings: Set(strings.keys), assets: assetKeys)
        }
        if diags.hasErrors { return (nil, diags) }
        return (Theme(library: library, strings: strings, assets: assets), diags)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "section closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "unfinished tag name"
        case MustacheTemplate.Error.expectedSectionEnd: return "section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}
