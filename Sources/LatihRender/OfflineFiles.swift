import Crypto
import Foundation
import LatihContent

/// The files that make the site work offline and installable: the service worker
/// (rendered from the theme's `sw.mustache`) and the web app manifest.
public enum OfflineFiles {
    /// Pages every visitor gets cached, besides the assets.
    static let shellPages = SiteRoutes.builtInPages.filter(\.offline).map(\.path)

    /// What `sw.mustache` is given: the worker's version, and the files it caches first.
    static func workerValues(version: String, shell: [String]) -> [String: Any] {
        ["version": version, "shellJSON": scriptSafeJSON(shell)]
    }

    public static func render(theme: Theme, config: SiteConfig, assetPaths: [String: String]) -> [OutputFile] {
        // What the site's pages load, and no script that only a package or a report does.
        // The search and verification pages' scripts are cached with those pages, when opened.
        var unused: Set<String> = [Theme.lmsScript, Theme.reportScript, Theme.searchScript, Theme.verifyScript]
        if config.xapiEndpoints.isEmpty { unused.insert(Theme.xapiScript) }
        // The logo is on every page; its name carries its hash, so a new logo is a new version.
        let logo = config.logo.map { [$0.outputPath] } ?? []
        let shell = shellPages + (assetPaths.filter { !unused.contains($0.key) }.values + logo).sorted()
        // A new version whenever a content-hashed name changes.
        let version = SHA256.hash(data: Data(shell.joined(separator: "\n").utf8)).prefix(6)
            .map { String(format: "%02x", $0) }.joined()
        let worker = theme.library.render(workerValues(version: String(version), shell: shell), withTemplate: "sw") ?? ""
        struct Icon: Encodable { var src: String; var sizes: String; var type: String }
        struct Manifest: Encodable {
            var name: String
            var short_name: String
            var description: String
            var lang: String
            var start_url = "./index.html"
            var scope = "./"
            var display = "standalone"
            var background_color = "#ffffff"
            var theme_color = "#0d2b4a"
            var icons: [Icon]
        }
        let icons = assetPaths["icon.svg"].map { [Icon(src: $0, sizes: "any", type: "image/svg+xml")] } ?? []
        let manifest = Manifest(name: config.title, short_name: config.title.count <= 12 ? config.title : String(config.title.split(separator: " ").first ?? ""), description: config.description,
                                lang: config.language, icons: icons)
        return [
            OutputFile(path: "sw.js", contents: worker),
            OutputFile(path: "manifest.webmanifest", contents: scriptSafeJSON(manifest) + "\n"),
        ]
    }
}
