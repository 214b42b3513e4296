import Foundation
import LatihDiagnostics

/// Finds names in templates that their pages do not provide. Mustache renders an unknown
/// name as nothing, so a typo such as `{{lesson.tittle}}` would silently blank part of
/// every page; swift-mustache exposes no token API, so the tags are scanned here.
///
/// A page template is held to what its page is given (`TemplateVocabulary`): on a course
/// page `{{course.title}}` is known and `{{course.minutes}}` or `{{outline}}` is not.
/// The layout and the partials, which several pages share, are held to every page's
/// names; `t.<key>` must name an interface string and `assets.<key>` a theme asset.
enum TemplateCheck {
    static func check(_ text: String, path: String, template: String, strings: Set<String>, assets: Set<String>) -> [Diagnostic] {
        let page = TemplateVocabulary.byTemplate[template]
        let other = TemplateVocabulary.otherTemplates[template]
        let names = page ?? TemplateVocabulary.anywhere
        func known(_ segments: [String]) -> Bool {
            if let other { return segments.allSatisfy { other.contains($0) || TemplateVocabulary.anywhere.all.contains($0) } }
            return names.resolves(segments)
        }
        var diags: [Diagnostic] = []
        let bytes = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        while i + 1 < bytes.count {
            if bytes[i] == 10 { line += 1; lineStart = i + 1 }
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            let tagStart = i
            let triple = i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "{")
            var j = i + (triple ? 3 : 2)
            while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")) { j += 1 }
            guard j + 1 < bytes.count else { break }
            let inner = String(decoding: bytes[(i + (triple ? 3 : 2))..<j], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // Newlines inside a tag still count for positions.
            for k in i..<j where bytes[k] == 10 { line += 1; lineStart = k + 1 }
            i = j + 2 + (triple ? 1 : 0)
            if inner.hasPrefix("=") { break } // custom delimiters: stop checking this file
            var name = inner
            // Closing tags repeat their opening tag's name, which is checked there; blocks,
            // parents, partials, comments and pragmas name no variable.
            if let sigil = name.first, "!></ $%".contains(sigil) || name == "." { continue }
            if let sigil = name.first, "#^&".contains(sigil) { name = String(name.dropFirst()).trimmingCharacters(in: .whitespaces) }
            // A transform such as `uppercased(name)` applies to the name inside the brackets.
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            if name.isEmpty || name == "." { continue }
            let segments = name.split(separator: ".").map(String.init)
            var problem: (code: DiagnosticCode, text: String)?
            if segments.first == "t", segments.count == 2, !strings.contains(segments[1]) {
                problem = (.templateUnknownString, "unknown interface string `\(segments[1])`")
            } else if segments.first == "assets", segments.count == 2, !assets.contains(segments[1]) {
                problem = (.templateUnknownAsset, "unknown asset `\(segments[1])`")
            } else if segments.first != "t", segments.first != "assets", !known(segments) {
                // The first part that no page has, else the whole name, which this page lacks.
                let everywhere = TemplateVocabulary.anywhere.all.union(other ?? [])
                let unknown = segments.first { !everywhere.contains($0) } ?? name
                problem = (.templateUnknownVariable, "unknown variable `\(unknown)`")
            }
            if let problem {
                let column = tagStart - lineStart + 1
                var hint = "the names each page's template can use are listed in docs/theme.md"
                if segments.first == "t" { hint = "add it to every i18n/<lang>.conf table, or fix the spelling" }
                let closest = Suggestion.closest(to: segments.last!, in: segments.first == "t" ? Array(strings) : Array(names.all.union(other ?? [])))
                if let closest { hint = "did you mean `\(closest)`?" }
                diags.append(.error(problem.code, SourceLocation(path: path, line: line, column: column), "template uses \(problem.text)",
                                    hint: hint, suggestion: closest))
            }
        }
        return diags
    }
}
