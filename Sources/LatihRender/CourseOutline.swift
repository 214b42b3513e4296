import Foundation
import LatihContent

/// A course's outline as its lesson pages show it, rendered once per course rather than
/// once per page: every lesson's row (`partials/outline-lesson.mustache`) is rendered
/// twice, as the page's own lesson and as another, and each page's outline is joined
/// from them. At 20 lessons a course this saves each lesson page some 120 template
/// lookups, two thirds of its rendering.
struct CourseOutline: Sendable {
    /// A module's lessons, or the lessons outside modules, in reading order.
    struct Group: Sendable {
        var moduleTitle: String
        /// Each lesson's row: as another lesson's, and as the page's own.
        var rows: [(plain: String, current: String)]
        /// The document paths of the group's lessons, in order.
        var lessons: [String]
        /// Every row as another lesson's, for pages outside the group.
        var plain: String
    }

    var groups: [Group]

    /// The template values of the outline of the lesson page `current` (a document path).
    func sections(current: String) -> [[String: Any]] {
        groups.map { group in
            var html = group.plain
            if let i = group.lessons.firstIndex(of: current) {
                html = ""
                for (j, row) in group.rows.enumerated() { html += j == i ? row.current : row.plain }
            }
            var section: [String: Any] = ["lessonsHTML": html]
            if !group.moduleTitle.isEmpty { section["moduleTitle"] = group.moduleTitle }
            return section
        }
    }
}
