import LatihDiagnostics

extension Catalogue {
    /// Every output path that two sources would write: one file of `site/` each, or the
    /// later silently replaces the earlier (a file `courses/a/intro/index.html` beside the
    /// lesson `intro`; a page file that lands where another page's file does). Reported at
    /// the second source, naming the first, as Zola's `from_collisions` does.
    public func outputCollisions() -> [Diagnostic] {
        var claims: [(output: String, source: String)] = SiteRoutes.builtInPages.map { ($0.path, "the site's own page") }
        for course in courses {
            claims.append((course.outputPath, course.document.path))
            for lesson in course.lessons { claims.append((lesson.outputPath, lesson.document.path)) }
        }
        claims += paths.map { ($0.outputPath, $0.document.path) }
        claims += pages.map { ($0.outputPath, $0.document.path) }
        claims += assets.map { ($0.outputPath, $0.sourcePath) }
        var first: [String: String] = [:]
        var out: [Diagnostic] = []
        for claim in claims {
            // Output paths are compared as a case-insensitive file system would store them.
            let key = claim.output.lowercased()
            if let earlier = first[key] {
                let builtIn = earlier == "the site's own page"
                out.append(.error(.siteOutputCollision, SourceLocation(path: claim.source),
                                  "`\(claim.output)` would be written twice: by this file and by \(builtIn ? earlier : "`\(earlier)`")",
                                  hint: "rename one of them",
                                  notes: builtIn ? [] : [DiagnosticNote(SourceLocation(path: earlier), "also writes `\(claim.output)`")]))
            } else {
                first[key] = claim.source
            }
        }
        return out
    }
}
