import Foundation
import LatihContent
import LatihTestSupport
import Testing
@testable import LatihRender

/// The theme's vocabulary is what `ViewModels` gives each page; templates are held to
/// their own page's names, and docs/theme.md names every one of them.
@Suite struct TemplateVocabularyTests {
    @Test func theSampleCatalogueHasOneOfEverything() {
        let input = TemplateVocabulary.sampleInput(.site)
        let c = input.catalogue
        #expect(c.courses.count == 2 && c.courses[0].modules.count == 1 && c.courses[0].lessons.count == 3)
        #expect(c.paths.count == 1 && c.pages.count == 1)
        let lesson = TemplateVocabulary.byTemplate["lesson"]!
        for name in [["lesson", "title"], ["lesson", "html"], ["prev", "url"], ["next", "title"], ["module", "title"],
                     ["outline", "lessonsHTML"], ["outline", "moduleTitle"], ["contentLang"], ["site", "logo"], ["reportsXAPI"], ["lms"]] {
            #expect(lesson.resolves(name), "the lesson page lacks \(name.joined(separator: "."))")
        }
        let course = TemplateVocabulary.byTemplate["course"]!
        for name in [["course", "updated"], ["course", "prerequisites", "url"], ["course", "sections", "lessons", "lessonDuration"],
                     ["course", "paths", "title"], ["courseJSONLD"]] {
            #expect(course.resolves(name), "the course page lacks \(name.joined(separator: "."))")
        }
        #expect(TemplateVocabulary.byTemplate["progress"]!.resolves(["issuesCertificates"]))
        #expect(TemplateVocabulary.byTemplate["sw"]!.resolves(["shellJSON"]))
        #expect(TemplateVocabulary.byTemplate["partials/outline-lesson"]!.resolves(["current"]))
    }

    @Test func aPageTemplateIsHeldToItsOwnPage() {
        func check(_ text: String, _ template: String) -> [String] {
            TemplateCheck.check(text, path: template + ".mustache", template: template, strings: ["title"], assets: [])
                .map(\.message)
        }
        #expect(check("{{course.title}}{{#course}}{{title}}{{#sections}}{{#lessons}}{{url}}{{/lessons}}{{/sections}}{{/course}}", "course") == [])
        #expect(check("{{course.minutes}}", "course") == ["template uses unknown variable `course.minutes`"])
        #expect(check("{{outline}}", "course") == ["template uses unknown variable `outline`"])
        #expect(check("{{outline}}{{lesson.minutes}}", "lesson") == [])
        // The layout and partials serve every page, the report's too.
        #expect(check("{{outline}}{{course.title}}{{#report}}{{crumbs}}{{/report}}", "layout") == [])
        #expect(check("{{lesson.tittle}}", "layout") == ["template uses unknown variable `tittle`"])
        #expect(check("{{t.title}}{{t.nope}}", "page") == ["template uses unknown interface string `nope`"])
        // The header and footer are rendered once for many pages: only site-wide values.
        #expect(check("{{home}}{{#nav}}{{url}}{{/nav}}{{#isSearch}}{{searchURL}}{{/isSearch}}{{#report}}x{{/report}}", "partials/site-header") == [])
        #expect(check("{{pageTitle}}", "partials/site-header") == ["template uses unknown variable `pageTitle`"])
        #expect(check("{{lesson.title}}", "partials/site-footer") == ["template uses unknown variable `lesson.title`"])
        #expect(check("{{#chrome}}{{{header}}}{{/chrome}}", "layout") == [])
    }

    /// Every page of a kind shows the header and footer that rendering the partials in
    /// its own place would give: the one rendering per key stands for each page.
    @Test func theHeaderRenderedOnceIsEachPagesOwn() throws {
        let (loaded, findings) = Theme.load(from: Repository.root + "/templates", language: "id")
        #expect(findings.isEmpty)
        let theme = try #require(loaded)
        for mode in [PageMode.site, .lms(.cmi5)] {
            let input = TemplateVocabulary.sampleInput(mode)
            let views = ViewModels(input: input, strings: theme.strings, library: theme.library)
            var checked = 0
            for job in PageRenderer.jobs(of: input.catalogue) {
                let (_, _, context) = views.pageContext(for: job, bodyEnd: "")
                let chrome = try #require(context["chrome"] as? [String: String])
                var inline = context
                inline["chrome"] = nil
                #expect(chrome["header"] == theme.library.render(inline, withTemplate: "partials/site-header"))
                #expect(chrome["footer"] == theme.library.render(inline, withTemplate: "partials/site-footer"))
                #expect(chrome["header"]?.contains("site-header") == true)
                checked += 1
            }
            #expect(checked > 10)
        }
    }

    /// docs/theme.md describes the values templates see; every name of the vocabulary is
    /// written there (in backticks, alone or in a dotted name).
    @Test func theThemeDocumentNamesEveryValue() throws {
        let doc = try String(contentsOfFile: Repository.root + "/docs/theme.md", encoding: .utf8)
        var written = Set<String>()
        // Every other piece between backticks is quoted.
        for (i, quoted) in doc.components(separatedBy: "`").enumerated() where i % 2 == 1 {
            for part in quoted.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) { written.insert(String(part)) }
        }
        #expect(written.count > 100)
        var names = TemplateVocabulary.anywhere.all
        names.subtract(["t", "assets"])
        let missing = names.subtracting(written).sorted()
        #expect(missing.isEmpty, "docs/theme.md does not name \(missing)")
    }
}

