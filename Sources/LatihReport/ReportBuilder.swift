import Foundation
import LatihQuiz

/// Folds events into the report: each person's year, then units, courses, questions and
/// months. Completion follows the site's rules (templates/assets/site/progress.js, held
/// equal by Tests/vectors/completion.tsv): a lesson with quizzes is complete when every one
/// of its quizzes is passed (a cmi5 AU's `passed` passes them), and never by a `completed`
/// alone; any other lesson when completed, or when its course is; a course when every
/// lesson is complete and every quiz passed; JP are the minutes of the lessons completed in
/// the year, over 45, to one decimal.
struct ReportBuilder {
    static let jpMinutes = 45.0
    static let targetJP = 20

    let index: CatalogueIndex
    let year: YearWindow
    /// Lessons in catalogue order, flattened: (course, lesson).
    let lessons: [(course: Int, lesson: Int)]
    let lessonFlat: [[Int]]
    /// Quiz indexes by course, and by course and lesson.
    let courseQuizzes: [[Int]]
    let lessonQuizzes: [[[Int]]]

    init(index: CatalogueIndex, year: YearWindow) {
        self.index = index
        self.year = year
        var flat: [(Int, Int)] = [], byCourse: [[Int]] = []
        for (ci, c) in index.summary.courses.enumerated() {
            byCourse.append(c.lessons.indices.map { li in flat.append((ci, li)); return flat.count - 1 })
        }
        lessons = flat
        lessonFlat = byCourse
        var cq = index.summary.courses.map { _ in [Int]() }
        var lq = index.summary.courses.map { $0.lessons.map { _ in [Int]() } }
        for (qi, q) in index.quizzes.enumerated() {
            cq[q.course].append(qi)
            lq[q.course][q.lesson].append(qi)
        }
        courseQuizzes = cq
        lessonQuizzes = lq
    }

    /// One person's year.
    struct Year {
        var name: String?
        var lessonOpened: [Int: Double] = [:]
        var lessonCompleted: [Int: Double] = [:]
        var courseOpened: [Int: Double] = [:]
        var courseCompleted: [Int: Double] = [:]
        var quizBest: [Int: Double] = [:]
        var quizAttempts: [Int: Int] = [:]
        var quizPassed: [Int: Double] = [:]
        var last: Double?
        var activeMonths: Set<Int> = []
        /// Every attempt at a quiz: its score and which questions were right; and every
        /// answer, its response a number in the reading's strings. The report counts
        /// these into its item analysis and then lets them go (`ReportTally`).
        var attempts: [(quiz: Int, score: Double, right: [Int: Bool])] = []
        var answers: [(quiz: Int, number: Int, success: Bool, response: UInt32)] = []
    }

    /// A person's events (sorted by time) folded into their year; `strings` holds their
    /// names and responses.
    func fold(_ events: ArraySlice<Event>, strings: StringTable) -> Year {
        var y = Year()
        func earliest(_ d: inout [Int: Double], _ k: Int, _ t: Double) { if d[k].map({ t < $0 }) ?? true { d[k] = t } }
        func openCourse(_ c: Int, _ t: Double) { earliest(&y.courseOpened, c, t) }
        func openLesson(_ c: Int, _ l: Int, _ t: Double) { openCourse(c, t); earliest(&y.lessonOpened, lessonFlat[c][l], t) }
        // Answers of the attempt in progress, per quiz: (start time in µs, numbers → right).
        var pending: [Int: (start: Int64, right: [Int: Bool])] = [:]
        func closeAttempt(_ q: Int, score: Double?) {
            guard let p = pending.removeValue(forKey: q) else { return }
            let count = index.quizzes[q].quiz.questions.count
            let s = score ?? Double(p.right.values.filter { $0 }.count) / Double(max(count, 1)) * 100
            y.attempts.append((q, s, p.right))
            if score == nil {
                // No quiz statement came with the answers (cmi5): the answers are the attempt.
                y.quizAttempts[q, default: 0] += 1
                y.quizBest[q] = max(y.quizBest[q] ?? 0, s)
                if s >= Double(index.quizzes[q].quiz.pass) { earliest(&y.quizPassed, q, Double(p.start) / 1_000_000) }
            }
        }
        for e in events {
            let time = e.seconds
            if y.name == nil, let n = strings.optional(e.name), !n.isEmpty { y.name = n }
            y.last = max(y.last ?? time, time)
            y.activeMonths.insert(year.month(time))
            // An attempt's answers arrive together; a later answer, or one to a question
            // already answered, starts the next attempt.
            if !pending.isEmpty {
                for (q, p) in pending where e.time - p.start > 10_000_000 { closeAttempt(q, score: nil) }
            }
            switch index.targets[Int(e.activity)] {
            case .course(let c):
                openCourse(c, time)
                if e.kind == .completed || e.kind == .passed { earliest(&y.courseCompleted, c, time) }
            case .lesson(let c, let l):
                openLesson(c, l, time)
                if e.kind == .completed || e.kind == .passed, lessonQuizzes[c][l].isEmpty { earliest(&y.lessonCompleted, lessonFlat[c][l], time) }
                if e.kind == .passed {
                    for qi in lessonQuizzes[c][l] { earliest(&y.quizPassed, qi, time) }
                }
            case .quiz(let q):
                let entry = index.quizzes[q]
                openLesson(entry.course, entry.lesson, time)
                switch e.kind {
                case .passed, .failed:
                    closeAttempt(q, score: e.scoreValue)
                    y.quizAttempts[q, default: 0] += 1
                    if let s = e.scoreValue { y.quizBest[q] = max(y.quizBest[q] ?? 0, s) }
                    if e.kind == .passed { earliest(&y.quizPassed, q, time) }
                case .quizSummary:
                    y.quizAttempts[q, default: 0] += Int(e.attempts)
                    if let s = e.scoreValue { y.quizBest[q] = max(y.quizBest[q] ?? 0, s) }
                    if e.success == true { earliest(&y.quizPassed, q, time) }
                default: break
                }
            case .question(let q, let n):
                let entry = index.quizzes[q]
                openLesson(entry.course, entry.lesson, time)
                guard e.kind == .answered else { break }
                if pending[q]?.right[n] != nil { closeAttempt(q, score: nil) }
                var p = pending[q] ?? (e.time, [:])
                p.right[n] = e.success ?? false
                pending[q] = p
                y.answers.append((q, n, e.success ?? false, e.response))
            }
        }
        for q in Array(pending.keys) { closeAttempt(q, score: nil) }
        // The site's rules, applied until nothing changes (a course completes its lessons).
        for (ci, course) in index.summary.courses.enumerated() {
            if let t = y.courseCompleted[ci] {
                for (li, f) in lessonFlat[ci].enumerated() where lessonQuizzes[ci][li].isEmpty { earliest(&y.lessonCompleted, f, t) }
            }
            for li in course.lessons.indices {
                let quizzes = lessonQuizzes[ci][li]
                if !quizzes.isEmpty, quizzes.allSatisfy({ y.quizPassed[$0] != nil }) {
                    earliest(&y.lessonCompleted, lessonFlat[ci][li], quizzes.compactMap { y.quizPassed[$0] }.max()!)
                }
            }
            let flats = lessonFlat[ci]
            let quizzes = courseQuizzes[ci]
            if y.courseCompleted[ci] == nil, !flats.isEmpty, flats.allSatisfy({ y.lessonCompleted[$0] != nil }),
               quizzes.allSatisfy({ y.quizPassed[$0] != nil }) {
                y.courseCompleted[ci] = (flats.compactMap { y.lessonCompleted[$0] } + quizzes.compactMap { y.quizPassed[$0] }).max()
            }
        }
        return y
    }

    /// JP of the lessons completed in the year.
    func jp(_ y: Year) -> Double {
        Self.jp(minutes: y.lessonCompleted.keys.reduce(0) { $0 + minutes(ofLesson: $1) })
    }

    /// The JP rule: minutes over 45, to one decimal.
    static func jp(minutes: Int) -> Double { (Double(minutes) / jpMinutes * 10).rounded() / 10 }

    func minutes(ofLesson flat: Int) -> Int {
        index.summary.courses[lessons[flat].course].lessons[lessons[flat].lesson].minutes
    }

    /// When the lessons completed, in the order of their completion, first reached the
    /// year's target by the JP rule; nil if they never did.
    func targetReached(_ y: Year) -> Double? {
        var minutes = 0
        for (flat, t) in y.lessonCompleted.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            minutes += self.minutes(ofLesson: flat)
            if Self.jp(minutes: minutes) >= Double(Self.targetJP) { return t }
        }
        return nil
    }

    /// The funnel's last step: the course completed with every quiz passed (a course
    /// without quizzes is passed when completed).
    func coursePassed(_ y: Year, _ c: Int) -> Bool {
        y.courseCompleted[c] != nil && courseQuizzes[c].allSatisfy { y.quizPassed[$0] != nil }
    }
}

/// The median of `values`, or nil when there are none.
func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// The point-biserial correlation of a right/wrong item with a score: (M₁ − M₀) / s · √(pq),
/// with s the scores' population standard deviation; nil without both kinds of answer or
/// without spread in the scores.
func pointBiserial(_ pairs: [(right: Bool, score: Double)]) -> Double? {
    var histogram = ScoreHistogram()
    for p in pairs { histogram.add(right: p.right, score: p.score) }
    return histogram.pointBiserial()
}

/// The answers to one question, as how many were right and wrong at each attempt score:
/// all that item analysis needs, in memory that grows with the distinct scores, not with
/// the answers. Sums run in score order, so that the figures do not depend on the order
/// in which people were read.
struct ScoreHistogram: Sendable {
    private var bins: [Double: (right: Int, wrong: Int)] = [:]

    mutating func add(right: Bool, score: Double, count: Int = 1) {
        var b = bins[score] ?? (0, 0)
        if right { b.right += count } else { b.wrong += count }
        bins[score] = b
    }

    mutating func merge(_ other: ScoreHistogram) {
        for (score, b) in other.bins {
            add(right: true, score: score, count: b.right)
            add(right: false, score: score, count: b.wrong)
        }
    }

    var right: Int { bins.values.reduce(0) { $0 + $1.right } }
    var total: Int { bins.values.reduce(0) { $0 + $1.right + $1.wrong } }

    func pointBiserial() -> Double? {
        let sorted = bins.sorted { $0.key < $1.key }
        var n = 0.0, nRight = 0.0, sum = 0.0, sumRight = 0.0
        for (score, b) in sorted {
            n += Double(b.right + b.wrong)
            nRight += Double(b.right)
            sum += score * Double(b.right + b.wrong)
            sumRight += score * Double(b.right)
        }
        guard nRight > 0, nRight < n else { return nil }
        let mean = sum / n
        let variance = sorted.reduce(0.0) { $0 + Double($1.value.right + $1.value.wrong) * ($1.key - mean) * ($1.key - mean) } / n
        let sd = variance.squareRoot()
        guard sd > 0 else { return nil }
        let p = nRight / n
        let m1 = sumRight / nRight, m0 = (sum - sumRight) / (n - nRight)
        return (m1 - m0) / sd * (p * (1 - p)).squareRoot()
    }
}
