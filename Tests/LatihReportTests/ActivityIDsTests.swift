import Foundation
import LatihContent
@testable import LatihQuiz
@testable import LatihReport
import LatihTestSupport
import Testing

/// The activity-id scheme against Tests/vectors/activity-ids.tsv, the table that the
/// browser's `xapi.ids` is held to as well (Tests/js/xapi.test.js); and the report reads
/// every id of the table back to what it names.
@Suite struct ActivityIDsTests {
    let table = VectorTable("activity-ids.tsv")

    func base(_ field: String) -> String? { field == "-" ? nil : field }

    func made(_ row: [String]) -> String {
        let ids = ActivityIDs(baseURL: base(row[0]))
        switch row[1] {
        case "course": return ids.course(row[2])
        case "lesson": return ids.lesson(course: row[2], lesson: row[3])
        case "quiz": return ids.quiz(row[4])
        default: return ids.question(quiz: row[4], number: Int(row[5])!)
        }
    }

    @Test func theSharedTableHolds() {
        #expect(table.rows.count >= 12)
        for row in table.rows { #expect(made(row) == row[6], "\(row)") }
    }

    @Test func theReportReadsEveryIdBackToWhatItNames() {
        // A catalogue that holds every course, lesson and quiz the table names.
        var lessons: [String: [String]] = [:]
        var quizzes: [String: Int] = [:]
        for row in table.rows {
            if row[1] == "lesson" { lessons[row[2], default: []].append(row[3]) }
            if row[1] == "course" { lessons[row[2], default: []] += [] }
            if row[1] == "question" || row[1] == "quiz" { quizzes[row[4]] = max(quizzes[row[4]] ?? 1, Int(row[5]) ?? 1) }
        }
        for base in Set(table.rows.map { base($0[0]) }) {
            var courses: [CatalogueSummary.Course] = []
            for slug in lessons.keys.sorted() {
                var entries = Set(lessons[slug]!).sorted().map { CatalogueSummary.Lesson(id: "\(slug)/\($0)", slug: $0, title: $0, minutes: 10, quizzes: []) }
                if courses.isEmpty {
                    // The quizzes sit in a lesson of the first course; where does not matter to their ids.
                    entries[0].quizzes = quizzes.keys.sorted().map { id in
                        var quiz = Quiz(id: id, line: 1)
                        quiz.questions = (0..<quizzes[id]!).map { _ in Question(text: "?", answer: .trueFalse(true), line: 1) }
                        return quiz
                    }
                }
                courses.append(.init(slug: slug, title: slug, summary: "", lessons: entries))
            }
            let index = CatalogueIndex(CatalogueSummary(title: "Uji", language: "id", organisation: "", baseURL: base, courses: courses))
            for row in table.rows where self.base(row[0]) == base {
                let target = index.target(row[6])
                switch (row[1], target) {
                case ("course", .course(let c)?): #expect(courses[c].slug == row[2])
                case ("lesson", .lesson(let c, let l)?): #expect(courses[c].lessons[l].id == row[2] + "/" + row[3])
                case ("quiz", .quiz(let q)?): #expect(index.quizzes[q].quiz.id == row[4])
                case ("question", .question(let q, let n)?): #expect(index.quizzes[q].quiz.id == row[4] && n == Int(row[5]))
                default: Issue.record("\(row[6]) read as \(String(describing: target))")
                }
            }
        }
    }
}
