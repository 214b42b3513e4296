import LatihDiagnostics
import Testing
@testable import LatihQuiz

/// `retry:`, what a learner may do after the last attempt without passing: never a dead
/// end, and written in either language.
@Suite struct QuizRetryTests {
    func parse(_ settings: String) -> (Quiz, [Diagnostic]) {
        QuizParser.parse(settings + "\n\n? Benar?\n= benar\n", path: "lesson.md", firstLine: 10, defaultID: "k/l/1")
    }

    @Test(arguments: [
        ("retry: review", Quiz.Retry.review), ("retry: ulang", .review),
        ("retry: wait 24 jam", .wait(minutes: 1440)), ("retry: tunggu 1 jam 30 menit", .wait(minutes: 90)),
        ("retry: contact bpsdm@jakarta.go.id", .contact("bpsdm@jakarta.go.id")),
        ("retry: hubungi Subbag Diklat, ext. 214", .contact("Subbag Diklat, ext. 214")),
    ])
    func readsEachWay(_ line: String, _ expected: Quiz.Retry) {
        let (quiz, diags) = parse("attempts: 3\n" + line)
        #expect(diags.isEmpty, "\(diags)")
        #expect(quiz.retry == expected)
    }

    @Test func aQuizWithoutRetryMayBeReviewedAndTriedAgain() {
        #expect(parse("attempts: 3").0.retry == .review)
    }

    @Test(arguments: ["retry: later", "retry: wait", "retry: wait sebentar", "retry: contact", "retry: review now"])
    func refusesWhatItCannotRead(_ line: String) {
        let (_, diags) = parse(line)
        #expect(diags.map(\.code) == [.quizBadSetting], "\(line)")
        #expect(diags.first?.location.line == 10 && diags.first?.location.column == 8)
    }

    @Test func thePageCarriesTheWayForward() {
        let renderer = QuizRenderer(strings: [:])
        var quiz = parse("attempts: 2\nretry: hubungi <b>admin</b>").0
        let html = renderer.html(quiz, index: 0)
        #expect(html.contains(#"data-attempts="2" data-retry="contact" data-retry-contact="&lt;b&gt;admin&lt;/b&gt;""#))
        quiz.retry = .wait(minutes: 60)
        #expect(renderer.html(quiz, index: 0).contains(#"data-retry="wait" data-retry-minutes="60""#))
        quiz.attempts = nil
        #expect(!renderer.html(quiz, index: 0).contains("data-retry"))
    }
}
