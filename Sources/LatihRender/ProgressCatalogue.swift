import Foundation
import LatihContent

/// What the browser needs to compute a learner's progress: every course with its
/// lessons (stable ids, minutes, quiz ids), the learning paths, and the competencies.
/// It is embedded as JSON data in the progress page, so it also works from `file://`.
struct ProgressCatalogue: Encodable {
    struct LessonEntry: Encodable {
        var id: String
        var title: String
        var url: String
        var minutes: Int
        var quizzes: [String]
    }

    struct CourseEntry: Encodable {
        var id: String
        var title: String
        var url: String
        var level: String
        var competencies: [String]
        var lessons: [LessonEntry]
    }

    struct PathEntry: Encodable {
        var id: String
        var title: String
        var url: String
        var courses: [String]
    }

    var version = 1
    var courses: [CourseEntry]
    var paths: [PathEntry]

    init(input: RenderInput, title: (Lesson) -> String, root: String) {
        courses = input.catalogue.courses.map { course in
            CourseEntry(
                id: course.slug, title: course.title, url: root + course.outputPath, level: course.level,
                competencies: course.document.frontMatter.list("competencies"),
                lessons: course.lessons.map { lesson in
                    LessonEntry(id: "\(course.slug)/\(lesson.slug)", title: title(lesson),
                                url: root + lesson.outputPath, minutes: lesson.minutes ?? 0,
                                quizzes: input.quizIDs[lesson.document.path] ?? [])
                })
        }
        paths = input.catalogue.paths.map {
            PathEntry(id: $0.slug, title: $0.title, url: root + $0.outputPath, courses: $0.courseSlugs)
        }
    }

    func json() -> String { scriptSafeJSON(self) }
}

/// JSON safe inside `<script type="application/json">`: sorted keys for deterministic
/// output, and `<`, `>` and `&` escaped so that no text can close the element.
func scriptSafeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let text = (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    return text.replacingOccurrences(of: "<", with: "\\u003c")
        .replacingOccurrences(of: ">", with: "\\u003e")
        .replacingOccurrences(of: "&", with: "\\u0026")
}
