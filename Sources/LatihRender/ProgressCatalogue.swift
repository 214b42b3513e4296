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
    /// Quizzes with an attempt limit, by id.
    var limits: [String: QuizLimit]

    init(input: RenderInput, title: (Lesson) -> String, root: String) {
        courses = input.catalogue.courses.map { course in
            CourseEntry(
                id: course.slug, title: course.title, url: root + course.outputPath, level: course.level,
                competencies: course.competencies,
                lessons: course.lessons.map { lesson in
                    LessonEntry(id: lesson.progressID, title: title(lesson),
                                url: root + lesson.outputPath, minutes: lesson.minutes ?? 0,
                                quizzes: input.quizIDs[lesson.document.path] ?? [])
                })
        }
        paths = input.catalogue.paths.map {
            PathEntry(id: $0.slug, title: $0.title, url: root + $0.outputPath, courses: $0.courseSlugs)
        }
        limits = input.quizLimits
    }

    func json() -> String { scriptSafeJSON(self) }
}

/// JSON safe inside `<script type="application/json">`: sorted keys for deterministic
/// output, and `<`, `>` and `&` escaped so that no text can close the element.
func scriptSafeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let json = try? encoder.encode(value) else { return "{}" }
    return scriptSafe(json: json)
}

/// JSON text made safe to embed in a `<script type="application/json">` element: `<`, `>`
/// and `&` as `\u00XX` escapes, which read back as the same JSON.
public func scriptSafe<Bytes: Collection>(json: Bytes) -> String where Bytes.Element == UInt8 {
    // One pass over the bytes: the progress page's catalogue lists every lesson.
    var out: [UInt8] = []
    out.reserveCapacity(json.count + json.count / 32)
    let hex = Array("0123456789abcdef".utf8)
    for byte in json {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        default:
            out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
