import Foundation
import LatihTestSupport
import Testing
@testable import LatihSite

/// The default theme's promises about script: values are escaped, raw HTML comes only
/// from Latih's own renderers, and every page forbids inline script.
@Suite struct ThemeSafetyTests {
    func templates() throws -> [(String, String)] {
        let dir = repoRoot + "/templates"
        return try (FileManager.default.subpaths(atPath: dir) ?? []).filter { $0.hasSuffix(".mustache") }.sorted().map {
            ($0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }

    /// Every unescaped (triple-stache or `&`) value in the default theme, by template. Each is
    /// HTML made by Latih itself: Markdown through cmark-gfm in safe mode, or the serve
    /// snippet. A new unescaped value must be added here deliberately.
    static let allowedUnescaped: Set<String> = [
        "course.mustache: html",        // course.md rendered by MarkdownRenderer
        "lesson.mustache: lesson.html", // the lesson rendered by MarkdownRenderer (quizzes by QuizRenderer)
        "lesson.mustache: lessonsHTML", // the outline's rows, rendered (escaped) from partials/outline-lesson.mustache
        "path.mustache: html",          // the path's Markdown
        "page.mustache: html",          // the page's Markdown
        "layout.mustache: bodyEnd",     // empty in builds; latih serve's reload script tag
        "layout.mustache: header",      // chrome.header: partials/site-header.mustache, rendered (escaped) once per kind of page
        "layout.mustache: footer",      // chrome.footer: partials/site-footer.mustache, likewise
        "layout.mustache: stringsJSON", // interface strings as JSON data, made script-safe by scriptSafeJSON
        "progress.mustache: catalogueJSON", // the progress catalogue as JSON data, made script-safe by scriptSafeJSON
        "certificate.mustache: catalogueJSON", // the same data, for the certificate
        "report.mustache: chart",       // an SVG chart drawn by LatihReport's SVGChart, every text in it escaped
        "verify.mustache: trustJSON",   // the trust list as canonical JSON, made script-safe by scriptSafe(json:)
        "verify.mustache: statusJSON",  // the signed status list, likewise
        "verify.mustache: verifyStringsJSON", // interface strings as JSON data, made script-safe by scriptSafeJSON
        "progress.mustache: trustJSON", "progress.mustache: statusJSON", "progress.mustache: verifyStringsJSON", // the same, for the learner's own certificates
        "course.mustache: courseJSONLD", // the course as schema.org JSON-LD, made script-safe by scriptSafeJSON
        "issued-certificate.mustache: certificate.qr", // the QR code as SVG, drawn by LatihQR from numbers alone
        "report.mustache: bodyHTML",    // a report table's rows, made by ReportPages.table, every text and URL escaped
        "sw.mustache: shellJSON", "search.mustache: searchStringsJSON",       // the service worker's list of files, made script-safe by scriptSafeJSON
    ]

    @Test func unescapedValuesAreOnlyLatihsOwnHTML() throws {
        var found: Set<String> = []
        for (name, text) in try templates() {
            for part in text.components(separatedBy: "{{{").dropFirst() {
                found.insert("\(name): \(part.components(separatedBy: "}}}")[0].trimmingCharacters(in: .whitespaces))")
            }
            for part in text.components(separatedBy: "{{&").dropFirst() {
                found.insert("\(name): \(part.components(separatedBy: "}}")[0].trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found == Self.allowedUnescaped)
    }

    @Test func themeHasNoInlineScriptOrEventHandlers() throws {
        for (name, text) in try templates() {
            #expect(text.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) == nil, "\(name) has an inline event handler")
            // Scripts come from files; the only inline <script> elements hold JSON data, which never runs.
            for tag in text.components(separatedBy: "<script").dropFirst() {
                let head = tag.components(separatedBy: ">")[0]
                #expect(head.contains("src=") || head.contains(#"type="application/json""#) || head.contains(#"type="application/ld+json""#),
                        "\(name) has an inline <script>")
            }
            #expect(!text.lowercased().contains("javascript:"), "\(name) has a javascript: URL")
        }
    }

    @Test func everyPageCarriesAStrictContentSecurityPolicy() throws {
        let out = try temporaryFolder() + "/site"
        let r = SiteBuilder.build(BuildOptions(contentDir: repoRoot + "/content", templatesDir: repoRoot + "/templates", outputDir: out))
        #expect(r.succeeded)
        let pages = (FileManager.default.subpaths(atPath: out) ?? []).filter { $0.hasSuffix(".html") }
        #expect(pages.count == r.pageCount)
        for page in pages {
            let html = try String(contentsOfFile: out + "/" + page, encoding: .utf8)
            #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';"#), "\(page)")
            #expect(!html.contains("'unsafe-inline'"), "\(page)")
            // The only <script> elements without src hold JSON data (quiz keys, a course's
            // JSON-LD for search engines), which never runs.
            for tag in html.components(separatedBy: "<script").dropFirst() {
                let head = tag.components(separatedBy: ">")[0]
                #expect(head.contains("src=") || head.contains(#"type="application/json""#) || head.contains(#"type="application/ld+json""#),
                        "\(page): \(head)")
            }
        }
    }
}
