import LatihContent
import LatihSite

/// A course's `cmi5.xml` (the cmi5 course structure), valid against the schema of the
/// cmi5 specification: the course, one block for it, a block per module, and one AU per
/// lesson with a relative `url` (the LMS resolves it against where it unpacked the zip).
///
/// A lesson with quizzes moves on when it is completed and passed, with its quizzes'
/// shared pass mark as `masteryScore` (0–1); a lesson without moves on when completed.
/// Ids are IRIs under the site's `base-url`, or `urn:latih:` names without one: they
/// must stay the same from one version of the package to the next, since the LMS keeps
/// learners' records under them.
enum Cmi5Manifest {
    static func xml(_ course: CourseForLMS) -> String {
        let e = XMLText.escape
        let lang = e(course.language)
        func text(_ s: String, _ indent: String) -> String {
            "\(indent)<langstring lang=\"\(lang)\">\(e(s))</langstring>\n"
        }
        func titled(_ title: String, _ description: String, _ indent: String) -> String {
            "\(indent)<title>\n\(text(title, indent + "  "))\(indent)</title>\n" +
            "\(indent)<description>\n\(text(description.isEmpty ? title : description, indent + "  "))\(indent)</description>\n"
        }
        var x = """
        <?xml version="1.0" encoding="UTF-8"?>
        <courseStructure xmlns="http://aicc.org/CMI5/CourseStructure.xsd">
          <course id="\(e(courseID(course)))">

        """
        x += titled(course.title, course.summary, "    ")
        x += "  </course>\n"
        x += "  <block id=\"\(e(courseID(course) + "#isi"))\">\n"
        x += titled(course.title, course.summary, "    ")
        func au(_ lesson: CourseForLMS.Lesson, _ indent: String) -> String {
            var attributes = "id=\"\(e(lessonID(course, lesson)))\""
            if lesson.passMarks.isEmpty {
                attributes += " moveOn=\"Completed\""
            } else {
                attributes += " moveOn=\"Completed And Passed\""
                if let m = ScormManifest.mastery(lesson) { attributes += " masteryScore=\"\(decimal(m))\"" }
            }
            var s = "\(indent)<au \(attributes) launchMethod=\"AnyWindow\">\n"
            s += titled(lesson.title, lesson.summary, indent + "  ")
            s += "\(indent)  <url>\(e(lesson.href))</url>\n"
            s += "\(indent)  <launchParameters/>\n\(indent)  <entitlementKey/>\n"
            return s + "\(indent)</au>\n"
        }
        for group in course.groups {
            if let module = group.module {
                x += "    <block id=\"\(e(courseID(course) + "#" + Module.anchor(module.slug)))\">\n"
                x += titled(module.title, module.summary, "      ")
                for lesson in group.lessons { x += au(lesson, "      ") }
                x += "    </block>\n"
            } else {
                for lesson in group.lessons { x += au(lesson, "    ") }
            }
        }
        x += "  </block>\n</courseStructure>\n"
        return x
    }

    static func courseID(_ course: CourseForLMS) -> String {
        ActivityIDs(baseURL: course.baseURL).course(course.slug)
    }

    static func lessonID(_ course: CourseForLMS, _ lesson: CourseForLMS.Lesson) -> String {
        ActivityIDs(baseURL: course.baseURL).lesson(course: course.slug, lesson: lesson.slug)
    }

    /// 70 → "0.7", 100 → "1", 0 → "0".
    static func decimal(_ percent: Int) -> String {
        if percent >= 100 { return "1" }
        if percent <= 0 { return "0" }
        var digits = String(percent)
        if digits.count == 1 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }
}
