import LatihContent
import LatihFrontMatter
import LatihMarkdown
import LatihSearch

/// Turns the parsed catalogue and its rendered Markdown into what the search index reads,
/// so the index comes from the same parse as the pages. Order: each course followed by
/// its lessons, then learning paths, then pages.
enum SearchDocuments {
    static func make(_ catalogue: Catalogue, _ documents: [String: RenderedMarkdown]) -> ([SearchDocument], [SearchCourse]) {
        var docs: [SearchDocument] = []
        var courses: [SearchCourse] = []
        let siteLanguage = catalogue.config.language
        func text(_ doc: Document) -> String { documents[doc.path]?.plainText ?? "" }
        func headings(_ doc: Document) -> [String] { documents[doc.path]?.headings.map(\.text) ?? [] }
        for (ci, course) in catalogue.courses.enumerated() {
            let language = catalogue.language(of: course)
            let summary = course.summary
            let competencies = course.competencies
            let tags = course.tags
            courses.append(SearchCourse(title: course.title, category: course.category,
                                        level: course.level, competencies: competencies, tags: tags))
            docs.append(SearchDocument(kind: .course, title: course.title, path: course.outputPath, course: ci,
                                       minutes: course.minutes, language: language,
                                       headings: headings(course.document) + course.modules.map(\.title),
                                       meta: [summary, course.category] + competencies + tags,
                                       summary: summary, body: text(course.document)))
            let modules = Dictionary(uniqueKeysWithValues: course.modules.map { ($0.slug, $0.title) })
            for lesson in course.lessons {
                let rendered = documents[lesson.document.path]
                let title = lesson.title(leadingTitle: rendered?.leadingTitle)
                let lessonSummary = lesson.summary
                let lessonTags = lesson.tags
                docs.append(SearchDocument(kind: .lesson, title: title, path: lesson.outputPath, course: ci,
                                           module: lesson.moduleSlug.flatMap { modules[$0] }, minutes: lesson.minutes,
                                           language: language, headings: headings(lesson.document),
                                           meta: [lessonSummary] + lessonTags, summary: lessonSummary,
                                           body: text(lesson.document), tags: lessonTags))
            }
        }
        for path in catalogue.paths {
            let summary = path.summary
            docs.append(SearchDocument(kind: .path, title: path.title, path: path.outputPath, language: siteLanguage,
                                       headings: headings(path.document), meta: [summary] + path.competencies,
                                       summary: summary, body: text(path.document)))
        }
        for page in catalogue.pages {
            let summary = page.summary
            docs.append(SearchDocument(kind: .page, title: page.title, path: page.outputPath, language: siteLanguage,
                                       headings: headings(page.document), meta: [summary], summary: summary,
                                       body: text(page.document)))
        }
        return (docs, courses)
    }
}
