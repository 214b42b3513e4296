import Foundation
@testable import LatihQuiz
@testable import LatihReport
@testable import LatihSite
import LatihTestSupport
import Testing

/// The report's (and the certificates') completion and JP rules against
/// Tests/vectors/completion.tsv, the table the site's progress is held to as well
/// (Tests/js/completion.test.js).
@Suite struct CompletionRules {
    let summary: CatalogueSummary = {
        func quiz(_ id: String) -> Quiz { Quiz(id: id, line: 1) }
        let lessons = [
            CatalogueSummary.Lesson(id: "k/a", slug: "a", title: "A", minutes: 60, quizzes: []),
            CatalogueSummary.Lesson(id: "k/b", slug: "b", title: "B", minutes: 45, quizzes: [quiz("k/b/1")]),
            CatalogueSummary.Lesson(id: "k/c", slug: "c", title: "C", minutes: 30, quizzes: [quiz("k/c/1"), quiz("k/c/2")]),
        ]
        return CatalogueSummary(title: "Uji", language: "id", organisation: "", baseURL: nil,
                                courses: [.init(slug: "k", title: "K", summary: "", lessons: lessons)])
    }()

    @Test func theSharedTableHolds() throws {
        let index = CatalogueIndex(summary)
        let builder = ReportBuilder(index: index, year: YearWindow(2026))
        let table = VectorTable("completion.tsv")
        #expect(table.rows.count >= 10)
        let quizIndex = Dictionary(uniqueKeysWithValues: index.quizzes.enumerated().map { ($1.quiz.id, $0) })
        for row in table.rows {
            let events: [Event] = row[1].split(separator: ";").map { item in
                let parts = item.split(separator: " ").map(String.init)
                let time = Event.micros(ISOTime.seconds(parts[2]) ?? 0)
                if parts[0] == "read" {
                    let lesson = summary.courses[0].lessons.firstIndex { $0.id == parts[1] }!
                    return Event(time: time, id: .none, learner: 1, activity: index.code(.lesson(course: 0, lesson: lesson)), kind: .completed)
                }
                var e = Event(time: time, id: .none, learner: 1, activity: index.code(.quiz(quizIndex[parts[1]]!)),
                              kind: parts[0] == "pass" ? .passed : .failed)
                e.score = parts[0] == "pass" ? 100 : 0
                return e
            }.sorted { $0.time < $1.time }
            let y = builder.fold(events[...], strings: StringTable())
            let inYear = YearWindow(2026)
            var counted = y
            counted.lessonCompleted = y.lessonCompleted.filter { inYear.contains($0.value) }
            let complete = summary.courses[0].lessons.indices.filter { y.lessonCompleted[$0] != nil }.map { summary.courses[0].lessons[$0].id }
            #expect(complete.joined(separator: " ") == row[2], "\(row[0])")
            #expect((y.courseCompleted[0] != nil ? "yes" : "no") == row[3], "\(row[0])")
            #expect(builder.jp(counted) == Double(row[4]), "\(row[0])")
        }
    }
}
