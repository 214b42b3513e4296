import LatihDiagnostics

/// A theme script made of several files: `templates/assets/<name>.bundle` lists files of
/// the assets folder, one per line (`#` begins a comment), and the theme publishes them
/// joined, in that order, as `<name>.js`. A theme author edits small readable modules; a
/// learner's browser makes one request, and a classic script still runs from `file://`,
/// where browsers refuse ES modules.
struct AssetBundle: Equatable {
    /// The published script's path, relative to `templates/assets/`.
    let output: String
    /// The files joined, relative to `templates/assets/`, with the line that lists each.
    let parts: [(path: String, line: Int)]

    static func == (a: AssetBundle, b: AssetBundle) -> Bool {
        a.output == b.output && a.parts.map(\.path) == b.parts.map(\.path) && a.parts.map(\.line) == b.parts.map(\.line)
    }

    /// Reads the bundle file at `rel` (relative to `templates/assets/`) from its `text`.
    static func parse(_ text: String, rel: String) -> AssetBundle {
        var parts: [(String, Int)] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            parts.append((line, i + 1))
        }
        return AssetBundle(output: String(rel.dropLast(".bundle".count)) + ".js", parts: parts)
    }

    /// The published script from the parts' (compacted) texts, or the diagnostics of the
    /// parts that are missing, each at the line of the bundle that names it.
    func join(_ texts: [String: String], displayPath: String) -> (text: String?, missing: [Diagnostic]) {
        var out = "", missing: [Diagnostic] = []
        for part in parts {
            guard let text = texts[part.path] else {
                missing.append(.error(.themeBundlePartMissing, SourceLocation(path: displayPath, line: part.line, column: 1),
                                      "bundle part '\(part.path)' is not a file of the assets folder",
                                      hint: "paths are relative to the folder that holds the .bundle file"))
                continue
            }
            out += text
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return (missing.isEmpty ? out : nil, missing)
    }
}
