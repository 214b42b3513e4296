import LatihSite

/// A course's `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's
/// extensions), valid against the four schemas the package carries beside it.
///
/// One organization, the course; one item per module holding one item per lesson, in
/// course order; each lesson a SCO whose resource lists the files its page uses through
/// a shared asset resource. A lesson with quizzes that share a pass mark has it as its
/// `adlcp:masteryscore`: the lesson's score is its lowest quiz score, so the LMS's
/// "score ≥ mastery" and the page's "every quiz passed" agree.
enum ScormManifest {
    /// The schemas a SCORM 1.2 package carries at its root.
    static let schemas = ["adlcp_rootv1p2.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"]

    static func xml(_ course: CourseForLMS) -> String {
        let e = XMLText.escape
        let org = XMLText.identifier("org", course.slug)
        var x = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="\(XMLText.identifier("latih", course.slug))" version="1.0"
                  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
          <metadata>
            <schema>ADL SCORM</schema>
            <schemaversion>1.2</schemaversion>
          </metadata>
          <organizations default="\(org)">
            <organization identifier="\(org)">
              <title>\(e(course.title))</title>

        """
        func item(_ lesson: CourseForLMS.Lesson, indent: String) -> String {
            var s = "\(indent)<item identifier=\"\(XMLText.identifier("item", course.slug, lesson.slug))\" identifierref=\"\(XMLText.identifier("sco", course.slug, lesson.slug))\">\n"
            s += "\(indent)  <title>\(e(lesson.title))</title>\n"
            if let mastery = mastery(lesson) { s += "\(indent)  <adlcp:masteryscore>\(mastery)</adlcp:masteryscore>\n" }
            return s + "\(indent)</item>\n"
        }
        for group in course.groups {
            if let module = group.module {
                x += "      <item identifier=\"\(XMLText.identifier("module", course.slug, module.slug))\">\n"
                x += "        <title>\(e(module.title))</title>\n"
                for lesson in group.lessons { x += item(lesson, indent: "        ") }
                x += "      </item>\n"
            } else {
                for lesson in group.lessons { x += item(lesson, indent: "      ") }
            }
        }
        x += "    </organization>\n  </organizations>\n  <resources>\n"
        let shared = XMLText.identifier("shared", course.slug)
        let pages = Set(course.lessons.map(\.href))
        for lesson in course.lessons {
            x += "    <resource identifier=\"\(XMLText.identifier("sco", course.slug, lesson.slug))\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"\(e(lesson.href))\">\n"
            x += "      <file href=\"\(e(lesson.href))\"/>\n"
            x += "      <dependency identifierref=\"\(shared)\"/>\n"
            x += "    </resource>\n"
        }
        x += "    <resource identifier=\"\(shared)\" type=\"webcontent\" adlcp:scormtype=\"asset\">\n"
        for file in course.files where !pages.contains(file.path) {
            x += "      <file href=\"\(e(file.path))\"/>\n"
        }
        x += "    </resource>\n  </resources>\n</manifest>\n"
        return x
    }

    /// The lesson's mastery score: its quizzes' pass mark when they share one.
    static func mastery(_ lesson: CourseForLMS.Lesson) -> Int? {
        guard let first = lesson.passMarks.first, lesson.passMarks.allSatisfy({ $0 == first }) else { return nil }
        return first
    }
}
