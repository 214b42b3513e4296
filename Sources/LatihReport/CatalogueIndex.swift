import LatihContent
import LatihQuiz
import LatihSite

/// What an activity id names in the catalogue.
enum Target: Hashable, Sendable {
    case course(Int)
    case lesson(course: Int, lesson: Int)
    case quiz(Int)
    case question(quiz: Int, number: Int)
}

/// The catalogue's courses, lessons, quizzes and questions, and the activity ids that
/// name them. Ids are matched by their Latih-made tail (`courses/<course>/<lesson>/`,
/// `kuis/<quiz>#soal-<n>`, `urn:latih:…`), whatever address the site or LMS served them
/// from: the same lesson has one address on the site and another inside an LMS package.
struct CatalogueIndex: Sendable {
    struct QuizEntry: Sendable {
        var quiz: Quiz
        var course: Int
        var lesson: Int
    }

    let summary: CatalogueSummary
    let quizzes: [QuizEntry]
    private let byTail: [String: Target]
    private let quizIndex: [String: Int]
    /// Every course, lesson, quiz and question, numbered: the codes events hold.
    let targets: [Target]
    private let codes: [Target: Int32]
    /// The ids the report writes, under the site's `base-url` or `urn:latih:`.
    let ids: ActivityIDs
    /// What those ids start with.
    var idBase: String { ids.prefix }

    init(_ summary: CatalogueSummary) {
        self.summary = summary
        var tails: [String: Target] = [:]
        var quizzes: [QuizEntry] = []
        var quizIndex: [String: Int] = [:]
        // Ids are matched by what follows the base: the same scheme with an empty base.
        let tail = ActivityIDs(baseURL: ""), urn = ActivityIDs(baseURL: nil)
        for (ci, course) in summary.courses.enumerated() {
            tails[tail.course(course.slug)] = .course(ci)
            tails[urn.course(course.slug)] = .course(ci)
            for (li, lesson) in course.lessons.enumerated() {
                tails[tail.lesson(course: course.slug, lesson: lesson.slug)] = .lesson(course: ci, lesson: li)
                tails[urn.lesson(course: course.slug, lesson: lesson.slug)] = .lesson(course: ci, lesson: li)
                for quiz in lesson.quizzes {
                    quizIndex[quiz.id] = quizzes.count
                    quizzes.append(QuizEntry(quiz: quiz, course: ci, lesson: li))
                }
            }
        }
        byTail = tails
        self.quizzes = quizzes
        var all: [Target] = []
        for (ci, course) in summary.courses.enumerated() {
            all.append(.course(ci))
            for li in course.lessons.indices { all.append(.lesson(course: ci, lesson: li)) }
        }
        for (qi, q) in quizzes.enumerated() {
            all.append(.quiz(qi))
            for n in q.quiz.questions.indices { all.append(.question(quiz: qi, number: n + 1)) }
        }
        targets = all
        codes = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, Int32($0)) })
        self.quizIndex = quizIndex
        ids = ActivityIDs(baseURL: summary.baseURL)
    }

    /// The code events hold for `target`.
    func code(_ target: Target) -> Int32 { codes[target]! }

    /// What `id` names, or nil for an activity the catalogue does not know.
    func target(_ id: String) -> Target? {
        var id = Substring(id)
        if let q = id.firstIndex(of: "?") { id = id[..<q] }
        var question: Int?
        if let r = id.range(of: "#soal-") {
            guard let n = Int(id[r.upperBound...]), n >= 1 else { return nil }
            question = n
            id = id[..<r.lowerBound]
        } else if let hash = id.firstIndex(of: "#") {
            id = id[..<hash]
        }
        if question == nil, let t = byTail[String(id)] { return t }
        // kuis/<quiz id>, where the quiz id may itself hold slashes.
        var search = id.startIndex
        while let r = id.range(of: "kuis/", range: search..<id.endIndex) {
            if let qi = quizIndex[String(id[r.upperBound...])] {
                guard let n = question else { return .quiz(qi) }
                return n <= quizzes[qi].quiz.questions.count ? .question(quiz: qi, number: n) : nil
            }
            search = r.upperBound
        }
        guard question == nil else { return nil }
        search = id.startIndex
        while let r = id.range(of: "courses/", range: search..<id.endIndex) {
            var tail = String(id[r.lowerBound...])
            if !tail.hasSuffix("/") { tail += "/" }
            if let t = byTail[tail] { return t }
            search = r.upperBound
        }
        return nil
    }

    /// The activity id the report gives a course, a lesson, a quiz's question.
    func courseID(_ c: Int) -> String { ids.course(summary.courses[c].slug) }

    func lessonID(_ c: Int, _ l: Int) -> String {
        ids.lesson(course: summary.courses[c].slug, lesson: summary.courses[c].lessons[l].slug)
    }

    func questionID(_ q: Int, _ n: Int) -> String { ids.question(quiz: quizzes[q].quiz.id, number: n) }
}
