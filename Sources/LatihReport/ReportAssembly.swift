import Foundation
import LatihQuiz

/// A person in the report (from the roster, or an actor the roster does not list), as
/// much of their year as their certificates need: kept for every person, so it is small.
struct PersonYear: Sendable {
    var id: String
    var person: Person?
    /// The name the records give, when the roster gives none.
    var name: String?
    var jp: Double
    /// When the completed lessons first reached the year's target.
    var targetReached: Double?
    /// Courses completed, in catalogue order, and when.
    var completed: [(course: Int, at: Double)]
}

extension ReportBuilder {
    /// The report of what `buckets` hold, with their roster's people, folded a person at a
    /// time: only one person's events and year are in memory beside the tally.
    func report(_ buckets: PersonBuckets, skipped: Int) throws -> (Report, [PersonYear], PersonBuckets.Counts) {
        let strings = buckets.strings, slots = buckets.slots
        let builder = self
        // Each bucket's people are folded into a tally of their own, buckets on every core;
        // the tallies then add up (counts, sorted lists and histograms: no order to depend on).
        let (parts, counts) = try buckets.people({ ReportTally(builder: builder) }) { tally, slot, key, events in
            tally.add(slot: slot, id: key, person: slots.rosterPerson(slot), year: builder.fold(events, strings: strings))
        }
        var tally = ReportTally(builder: self)
        for part in parts { tally.merge(part) }
        tally.addPeopleWithoutRecords(slots)
        var c = Report.Counts()
        c.read = counts.read
        c.counted = counts.counted
        c.voided = counts.voided
        c.duplicates = counts.duplicates
        c.outOfYear = counts.outOfYear
        let (report, persons) = tally.report(counts: c, unknown: counts.unknown, skipped: skipped, strings: strings)
        return (report, persons, counts)
    }
}

/// The report counted a person at a time: each person's year adds to the courses,
/// lessons, months and item analysis as it is folded, and keeps only what their own row
/// and their certificates need.
struct ReportTally: Sendable {
    struct Key: Hashable { var quiz: Int; var number: Int }

    let builder: ReportBuilder
    /// Each person: their row and what their certificates need, with the courses they
    /// opened (for their unit's completion rate), in the order they were folded.
    private var persons: [(slot: Int, person: PersonYear, learner: Report.Learner, opened: Int)] = []
    /// The catalogue's ids, made once and shared by every person's row.
    private let courseIDs: [String]
    private var opened: [Int], completed: [Int], passed: [Int]
    private var days: [[Double]]
    private var lessonOpened: [Int], lessonCompleted: [Int]
    private var active = [Int](repeating: 0, count: 13), lessonsDone = [Int](repeating: 0, count: 13), coursesDone = [Int](repeating: 0, count: 13)
    /// Responses (numbers in the reading's strings) given to each question, and how often.
    private var chosen: [Key: [UInt32: Int]] = [:]
    private var histograms: [Key: ScoreHistogram] = [:]
    private var answeredBy: [Key: Int] = [:]

    init(builder: ReportBuilder) {
        self.builder = builder
        let courses = builder.index.summary.courses.count
        opened = Array(repeating: 0, count: courses)
        completed = opened
        passed = opened
        days = Array(repeating: [], count: courses)
        lessonOpened = Array(repeating: 0, count: builder.lessons.count)
        lessonCompleted = lessonOpened
        courseIDs = (0..<courses).map(builder.index.courseID)
    }

    mutating func add(slot: Int, id: String, person: Person?, year: consuming ReportBuilder.Year) {
        let y = year
        let b = builder
        for (c, o) in y.courseOpened {
            opened[c] += 1
            if let d = y.courseCompleted[c] { days[c].append(max(0, d - o) / 86400) }
        }
        for (c, t) in y.courseCompleted {
            completed[c] += 1
            coursesDone[b.year.month(t)] += 1
            if b.coursePassed(y, c) { passed[c] += 1 }
        }
        for f in Set(y.lessonOpened.keys).union(y.lessonCompleted.keys) { lessonOpened[f] += 1 }
        for (f, t) in y.lessonCompleted {
            lessonCompleted[f] += 1
            lessonsDone[b.year.month(t)] += 1
        }
        for m in y.activeMonths { active[m] += 1 }
        for a in y.answers { chosen[Key(quiz: a.quiz, number: a.number), default: [:]][a.response, default: 0] += 1 }
        var answered: Set<Key> = []
        for attempt in y.attempts {
            for (n, right) in attempt.right {
                let k = Key(quiz: attempt.quiz, number: n)
                histograms[k, default: ScoreHistogram()].add(right: right, score: attempt.score)
                answered.insert(k)
            }
        }
        for k in answered { answeredBy[k, default: 0] += 1 }
        // Counted: what is left is the person's own row and certificates.
        let index = b.index, courses = index.summary.courses
        let completed = courses.indices.filter { y.courseCompleted[$0] != nil }
        let started = courses.indices.filter { y.courseOpened[$0] != nil && y.courseCompleted[$0] == nil }
        let scores = index.quizzes.indices.compactMap { q -> Report.QuizScore? in
            guard let attempts = y.quizAttempts[q], attempts > 0 else { return nil }
            return Report.QuizScore(quiz: index.quizzes[q].quiz.id, best: Self.round(y.quizBest[q] ?? 0, 1), attempts: attempts,
                                    passed: y.quizPassed[q] != nil)
        }
        let jp = b.jp(y)
        let learner = Report.Learner(id: id, name: person?.name ?? y.name ?? id, nip: person?.nip, unit: person?.unit,
                                     position: person?.position, jp: jp, belowTarget: jp < Double(ReportBuilder.targetJP),
                                     completed: completed.map { courseIDs[$0] }, inProgress: started.map { courseIDs[$0] },
                                     notStarted: courses.count - completed.count - started.count, quizScores: scores,
                                     lastActivity: y.last.map(ISOTime.string), inRoster: person != nil)
        let kept = PersonYear(id: id, person: person, name: y.name, jp: jp, targetReached: b.targetReached(y),
                              completed: completed.map { ($0, y.courseCompleted[$0]!) })
        persons.append((slot, kept, learner, y.courseOpened.count))
    }

    static func round(_ x: Double, _ places: Double) -> Double { (x * pow(10, places)).rounded() / pow(10, places) }

    /// Adds the roster's people that no record named: they are in the report too, with
    /// nothing done.
    mutating func addPeopleWithoutRecords(_ slots: PersonSlots) {
        let seen = Set(persons.map(\.slot))
        for slot in slots.person.indices where !seen.contains(slot) {
            add(slot: slot, id: slots.fallbackID(slot), person: slots.rosterPerson(slot), year: ReportBuilder.Year())
        }
    }

    /// Adds another tally of other people (of the same catalogue and year).
    mutating func merge(_ other: ReportTally) {
        persons += other.persons
        for i in opened.indices {
            opened[i] += other.opened[i]
            completed[i] += other.completed[i]
            passed[i] += other.passed[i]
            days[i] += other.days[i]
        }
        for i in lessonOpened.indices {
            lessonOpened[i] += other.lessonOpened[i]
            lessonCompleted[i] += other.lessonCompleted[i]
        }
        for m in active.indices {
            active[m] += other.active[m]
            lessonsDone[m] += other.lessonsDone[m]
            coursesDone[m] += other.coursesDone[m]
        }
        for (k, responses) in other.chosen {
            for (r, n) in responses { chosen[k, default: [:]][r, default: 0] += n }
        }
        for (k, h) in other.histograms { histograms[k, default: ScoreHistogram()].merge(h) }
        for (k, n) in other.answeredBy { answeredBy[k, default: 0] += n }
    }

    func report(counts: Report.Counts, unknown: [String: Int], skipped: Int, strings: StringTable) -> (Report, [PersonYear]) {
        let b = builder, index = b.index, year = b.year
        // Sorted by unit, then name: keys first, so that the sort moves indexes, not rows.
        let keys = persons.map { s in (s.person.person?.unit ?? "\u{10FFFF}", s.person.person?.name ?? s.person.name ?? s.person.id, s.person.id, s.slot) }
        let order = persons.indices.sorted { keys[$0] < keys[$1] }
        let learners = order.map { self.persons[$0].learner }
        let coursesOpened = order.map { self.persons[$0].opened }
        let persons = order.map { self.persons[$0].person }
        let courses = index.summary.courses
        let round = Self.round

        var unitNames: [String] = []
        var unitMembers: [String: [Int]] = [:]
        for (i, p) in persons.enumerated() {
            let u = p.person?.unit ?? ""
            if unitMembers[u] == nil { unitNames.append(u) }
            unitMembers[u, default: []].append(i)
        }
        let units: [Report.Unit] = unitNames.map { u in
            let members = unitMembers[u]!
            let jps = members.map { learners[$0].jp }
            let opened = members.reduce(0) { $0 + coursesOpened[$1] }
            let done = members.reduce(0) { $0 + persons[$1].completed.count }
            return Report.Unit(unit: u, people: members.count, reachedTarget: jps.filter { $0 >= Double(ReportBuilder.targetJP) }.count,
                               medianJP: round(median(jps) ?? 0, 1), completionRate: opened == 0 ? nil : round(Double(done) / Double(opened), 3))
        }

        let courseRows: [Report.Course] = courses.indices.map { c in
            let funnel = courses[c].lessons.indices.map { l in
                Report.LessonFunnel(id: index.lessonID(c, l), title: courses[c].lessons[l].title,
                                    opened: lessonOpened[b.lessonFlat[c][l]], completed: lessonCompleted[b.lessonFlat[c][l]])
            }
            return Report.Course(id: index.courseID(c), slug: courses[c].slug, title: courses[c].title,
                                 opened: opened[c], completed: completed[c], passed: passed[c],
                                 medianDaysToComplete: median(days[c]).map { round($0, 1) }, lessons: funnel)
        }

        var questions: [Report.Question] = []
        for (q, entry) in index.quizzes.enumerated() {
            let salt = QuizRenderer.salt(for: entry.quiz.id)
            // Reflections and text between questions are not scored, so not analysed.
            for (qi, question) in entry.quiz.questions.enumerated() where question.answer.isScored {
                let n = qi + 1
                let key = Key(quiz: q, number: n)
                let histogram = histograms[key] ?? ScoreHistogram()
                let attempts = histogram.total
                var tokens: [Substring: Int] = [:]
                for (response, count) in chosen[key] ?? [:] {
                    for token in responseItems(strings.optional(response)) { tokens[token, default: 0] += count }
                }
                let share = attempts == 0 ? nil : round(Double(histogram.right) / Double(attempts), 3)
                let disc = histogram.pointBiserial().map { round($0, 3) }
                var options: [Report.OptionCount] = []
                switch question.answer {
                case .single(let opts), .multiple(let opts):
                    options = opts.enumerated().map { i, o in
                        Report.OptionCount(text: o.text, correct: o.correct,
                                           chosen: tokens[Substring(QuizRenderer.token(salt: salt, question: qi, item: i))] ?? 0)
                    }
                case .trueFalse(let truth):
                    options = [Report.OptionCount(text: "benar", correct: truth, chosen: tokens["benar"] ?? 0),
                               Report.OptionCount(text: "salah", correct: !truth, chosen: tokens["salah"] ?? 0)]
                default: break
                }
                var flags: [String] = []
                if attempts >= 5, let share {
                    if share > 0.9 { flags.append("too-easy") }
                    if share < 0.3 { flags.append("too-hard") }
                    if let disc, disc < 0 { flags.append("negative-discrimination") }
                }
                questions.append(Report.Question(id: index.questionID(q, n), quiz: entry.quiz.id, number: n, text: question.text,
                                                 kind: question.answer.kind, attempts: attempts, people: answeredBy[key] ?? 0,
                                                 correctShare: share, discrimination: disc, options: options, flags: flags))
            }
        }

        let months: [Report.Month] = (1...12).map { m in
            Report.Month(month: String(format: "%04d-%02d", year.year, m), activeLearners: active[m],
                         lessonsCompleted: lessonsDone[m], coursesCompleted: coursesDone[m])
        }
        var counts = counts
        counts.unknownActivities = unknown.values.reduce(0, +)
        let report = Report(year: year.year, targetJP: ReportBuilder.targetJP, skipped: skipped, statements: counts,
                            unknownActivities: unknown.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { Report.Unknown(id: $0.key, statements: $0.value) },
                            learners: learners, units: units, courses: courseRows, questions: questions, months: months)
        return (report, persons)
    }
}

/// The items of an xAPI response, which lists several with `[,]` between them.
func responseItems(_ response: String?) -> [Substring] {
    guard let r = response, !r.isEmpty else { return [] }
    guard r.contains("[,]") else { return [Substring(r)] }
    var out: [Substring] = []
    var rest = Substring(r)
    while let cut = rest.range(of: "[,]") {
        if cut.lowerBound > rest.startIndex { out.append(rest[..<cut.lowerBound]) }
        rest = rest[cut.upperBound...]
    }
    if !rest.isEmpty { out.append(rest) }
    return out
}
