import Foundation
import LatihContent
import LatihDiagnostics
import LatihMarkdown

/// Turns links as authors write them (relative to the Markdown file, pointing at other
/// `.md` files and images) into links between published pages, and reports those that
/// lead nowhere.
public struct LinkResolver: Sendable {
    /// Output path for every source file that becomes part of the site, by content path.
    let targets: [String: String]

    public init(targets: [String: String]) {
        self.targets = targets
    }

    /// What a link resolved to.
    public struct Resolution {
        /// The rewritten destination, or nil to keep the link as written.
        public var url: String?
        public var diagnostic: Diagnostic?
        /// An anchor to check once every page's headings are known: (target output path, id).
        public var anchor: (page: String, id: String, location: SourceLocation)?
        /// The content file the link leads to, for finding files no page uses.
        public var source: String?
    }

    /// Resolves one link found in `doc`, which is published at `pageOutput`.
    public func resolve(_ ref: LinkReference, in doc: Document, pageOutput: String) -> Resolution {
        let dest = ref.destination
        let location = SourceLocation(path: doc.path, line: ref.line, column: ref.column)
        if dest.isEmpty || dest.hasPrefix("//") || hasScheme(dest) { return Resolution() }
        if dest.hasPrefix("#") {
            let id = String(dest.dropFirst())
            return Resolution(anchor: id.isEmpty ? nil : (pageOutput, decode(id), location))
        }
        if dest.hasPrefix("/") {
            return Resolution(diagnostic: .error(.linkRootRelative, location, "link `\(dest)` starts at the site root",
                                                 hint: "write links relative to this file (e.g. ../02-lanjut.md), so the site works under any sub-path and from disk"))
        }
        var pathPart = Substring(dest)
        var fragment: Substring?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = pathPart[pathPart.index(after: hash)...]
            pathPart = pathPart[..<hash]
        }
        if let q = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<q] }
        let baseDir = doc.path.split(separator: "/").dropLast().map(String.init)
        guard let source = normalise(baseDir + decode(String(pathPart)).split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
            return Resolution(diagnostic: .error(.linkOutsideContent, location, "link `\(dest)` points outside the content folder"))
        }
        guard let target = targets[source] else {
            let what = ref.isImage ? "image `\(dest)` not found" : "link to missing page `\(dest)`"
            var hint = "no file \(source) in content/"
            let closest = Suggestion.closest(to: source, in: targets.keys.sorted()).map { relative(from: doc.path, to: $0) }
            if let closest { hint += "; did you mean `\(closest)`?" }
            return Resolution(diagnostic: .error(ref.isImage ? .linkMissingImage : .linkMissingPage, location, what, hint: hint,
                                                 suggestion: closest))
        }
        var url = relative(from: pageOutput, to: target)
        var anchor: (String, String, SourceLocation)?
        if let f = fragment, !f.isEmpty {
            url = url.split(separator: "#").first.map(String.init)! + "#" + f
            if source.hasSuffix(".md") { anchor = (target.split(separator: "#").first.map(String.init)!, decode(String(f)), location) }
        }
        return Resolution(url: url, anchor: anchor, source: source)
    }

    func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    func decode(_ s: String) -> String { s.removingPercentEncoding ?? s }

    /// Resolves `.` and `..`; nil if the path climbs above the root.
    func normalise(_ parts: [String]) -> String? {
        var out: [String] = []
        for p in parts {
            switch p {
            case "", ".": continue
            case "..":
                guard !out.isEmpty else { return nil }
                out.removeLast()
            default: out.append(p)
            }
        }
        return out.joined(separator: "/")
    }
}

/// The relative URL from the page at `from` to the file at `to` (both relative to the site root).
func relative(from: String, to: String) -> String {
    let fromDir = from.split(separator: "/").dropLast()
    let toParts = to.split(separator: "/")
    var common = 0
    while common < fromDir.count, common < toParts.count - 1, fromDir[fromDir.startIndex + common] == toParts[common] {
        common += 1
    }
    let ups = String(repeating: "../", count: fromDir.count - common)
    return ups + toParts[common...].joined(separator: "/")
}
