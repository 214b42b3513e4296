import Foundation
import LatihQuiz

/// A person in the report: from the roster, or an actor the roster does not list.
struct PersonYear {
    var id: String
    var person: Person?
    var year: ReportBuilder.Year
}

extension ReportBuilder {
    /// The report of `events`, with the people of `roster` (nil: no roster given). The
    /// events are consumed: once grouped by person they are let go, so that a year's
    /// events are not held twice.
    func report(_ events: consuming [Event], roster: [Person]?, counts: Report.Counts, unknown: [String: Int], skipped: Int) -> (Report, [PersonYear]) {
        var events = consume events
        let people = roster ?? []
        var byEmail: [String: Int] = [:], byNIP: [String: Int] = [:]
        for (i, p) in people.enumerated() {
            if !p.email.isEmpty { byEmail[p.email] = i }
            if !p.nip.isEmpty { byNIP[p.nip] = i }
        }
        // Events by person: a roster row (matched by email or by account name = NIP), or the actor.
        var slots: [String: Int] = [:]
        var groups: [[Event]] = people.map { _ in [] }
        var ids: [String?] = people.map { _ in nil }
        var slotPerson: [Int?] = people.indices.map { $0 }
        for e in events {
            let slot: Int
            if let s = slots[e.learner] { slot = s } else {
                var match: Int?
                if e.learner.hasPrefix("mailto:") { match = byEmail[String(e.learner.dropFirst(7))] }
                else if e.learner.hasPrefix("account:"), let bar = e.learner.lastIndex(of: "|") { match = byNIP[String(e.learner[e.learner.index(after: bar)...])] }
                if let match { slot = match } else {
                    slot = groups.count
                    groups.append([])
                    ids.append(nil)
                    slotPerson.append(nil)
                }
                slots[e.learner] = slot
            }
            if ids[slot] == nil { ids[slot] = e.learner }
            groups[slot].append(e)
        }
        let counted = events.count
        events = []
        var persons: [PersonYear] = []
        for (slot, evs) in groups.enumerated() {
            let y = fold(evs.sorted { $0.time < $1.time })
            let person = slotPerson[slot].map { people[$0] }
            let id = ids[slot] ?? person.map { $0.email.isEmpty ? "account:|\($0.nip)" : "mailto:\($0.email)" } ?? ""
            persons.append(PersonYear(id: id, person: person, year: y))
        }
        // Sorted by unit, then name: keys first, so that the sort moves indexes, not years.
        let keys = persons.map { p in (p.person?.unit ?? "\u{10FFFF}", p.person?.name ?? p.year.name ?? p.id, p.id) }
        let order = persons.indices.sorted { keys[$0] < keys[$1] }
        persons = order.map { persons[$0] }
        let courses = index.summary.courses
        func round(_ x: Double, _ places: Double) -> Double { (x * pow(10, places)).rounded() / pow(10, places) }

        let learners: [Report.Learner] = persons.map { p in
            let y = p.year
            let completed = courses.indices.filter { y.courseCompleted[$0] != nil }
            let started = courses.indices.filter { y.courseOpened[$0] != nil && y.courseCompleted[$0] == nil }
            let scores = index.quizzes.indices.compactMap { q -> Report.QuizScore? in
                guard let attempts = y.quizAttempts[q], attempts > 0 else { return nil }
                return Report.QuizScore(quiz: index.quizzes[q].quiz.id, best: round(y.quizBest[q] ?? 0, 1), attempts: attempts,
                                        passed: y.quizPassed[q] != nil)
            }
            let jp = self.jp(y)
            return Report.Learner(id: p.id, name: p.person?.name ?? y.name ?? p.id, nip: p.person?.nip, unit: p.person?.unit,
                                  position: p.person?.position, jp: jp, belowTarget: jp < Double(Self.targetJP),
                                  completed: completed.map(index.courseID), inProgress: started.map(index.courseID),
                                  notStarted: courses.count - completed.count - started.count, quizScores: scores,
                                  lastActivity: y.last.map(ISOTime.string), inRoster: p.person != nil)
        }

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
            let opened = members.reduce(0) { $0 + persons[$1].year.courseOpened.count }
            let done = members.reduce(0) { $0 + persons[$1].year.courseCompleted.count }
            return Report.Unit(unit: u, people: members.count, reachedTarget: jps.filter { $0 >= Double(Self.targetJP) }.count,
                               medianJP: round(median(jps) ?? 0, 1), completionRate: opened == 0 ? nil : round(Double(done) / Double(opened), 3))
        }

        // Courses, lessons and months counted in one pass over the people: a year holds a
        // dozen dictionaries, and a pass per course and lesson copied every one of them.
        var opened = [Int](repeating: 0, count: courses.count), completed = opened, passed = opened
        var days = courses.map { _ in [Double]() }
        var lessonOpened = [Int](repeating: 0, count: lessons.count), lessonCompleted = lessonOpened
        var active = [Int](repeating: 0, count: 13), lessonsDone = active, coursesDone = active
        for p in persons {
            let y = p.year
            for (c, o) in y.courseOpened {
                opened[c] += 1
                if let d = y.courseCompleted[c] { days[c].append(max(0, d - o) / 86400) }
            }
            for (c, t) in y.courseCompleted {
                completed[c] += 1
                coursesDone[year.month(t)] += 1
                if coursePassed(y, c) { passed[c] += 1 }
            }
            for f in Set(y.lessonOpened.keys).union(y.lessonCompleted.keys) { lessonOpened[f] += 1 }
            for (f, t) in y.lessonCompleted {
                lessonCompleted[f] += 1
                lessonsDone[year.month(t)] += 1
            }
            for m in y.activeMonths { active[m] += 1 }
        }
        let courseRows: [Report.Course] = courses.indices.map { c in
            let funnel = courses[c].lessons.indices.map { l in
                Report.LessonFunnel(id: index.lessonID(c, l), title: courses[c].lessons[l].title,
                                    opened: lessonOpened[lessonFlat[c][l]], completed: lessonCompleted[lessonFlat[c][l]])
            }
            return Report.Course(id: index.courseID(c), slug: courses[c].slug, title: courses[c].title,
                                 opened: opened[c], completed: completed[c], passed: passed[c],
                                 medianDaysToComplete: median(days[c]).map { round($0, 1) }, lessons: funnel)
        }

        // Every answer once: attempts and options chosen, by quiz and question number.
        struct Key: Hashable { var quiz: Int; var number: Int }
        var chosenBy: [Key: [Substring: Int]] = [:]
        var pairsBy: [Key: [(right: Bool, score: Double)]] = [:]
        var peopleBy: [Key: Int] = [:]
        for p in persons {
            for a in p.year.answers {
                for token in responseItems(a.response) { chosenBy[Key(quiz: a.quiz, number: a.number), default: [:]][token, default: 0] += 1 }
            }
            var answered: Set<Key> = []
            for attempt in p.year.attempts {
                for (n, right) in attempt.right {
                    let k = Key(quiz: attempt.quiz, number: n)
                    pairsBy[k, default: []].append((right, attempt.score))
                    answered.insert(k)
                }
            }
            for k in answered { peopleBy[k, default: 0] += 1 }
        }
        var questions: [Report.Question] = []
        for (q, entry) in index.quizzes.enumerated() {
            let salt = QuizRenderer.salt(for: entry.quiz.id)
            // Reflections and text between questions are not scored, so not analysed.
            for (qi, question) in entry.quiz.questions.enumerated() where question.answer.isScored {
                let n = qi + 1
                let pairs = pairsBy[Key(quiz: q, number: n)] ?? []
                let attempts = pairs.count
                let chosen = chosenBy[Key(quiz: q, number: n)] ?? [:]
                let share = pairs.isEmpty ? nil : round(Double(pairs.filter(\.right).count) / Double(pairs.count), 3)
                let disc = pointBiserial(pairs).map { round($0, 3) }
                var options: [Report.OptionCount] = []
                switch question.answer {
                case .single(let opts), .multiple(let opts):
                    options = opts.enumerated().map { i, o in
                        Report.OptionCount(text: o.text, correct: o.correct,
                                           chosen: chosen[Substring(QuizRenderer.token(salt: salt, question: qi, item: i))] ?? 0)
                    }
                case .trueFalse(let truth):
                    options = [Report.OptionCount(text: "benar", correct: truth, chosen: chosen["benar"] ?? 0),
                               Report.OptionCount(text: "salah", correct: !truth, chosen: chosen["salah"] ?? 0)]
                default: break
                }
                var flags: [String] = []
                if attempts >= 5, let share {
                    if share > 0.9 { flags.append("too-easy") }
                    if share < 0.3 { flags.append("too-hard") }
                    if let disc, disc < 0 { flags.append("negative-discrimination") }
                }
                questions.append(Report.Question(id: index.questionID(q, n), quiz: entry.quiz.id, number: n, text: question.text,
                                                 kind: question.answer.kind, attempts: attempts, people: peopleBy[Key(quiz: q, number: n)] ?? 0,
                                                 correctShare: share, discrimination: disc, options: options, flags: flags))
            }
        }

        let months: [Report.Month] = (1...12).map { m in
            Report.Month(month: String(format: "%04d-%02d", year.year, m), activeLearners: active[m],
                         lessonsCompleted: lessonsDone[m], coursesCompleted: coursesDone[m])
        }
        var counts = counts
        counts.counted = counted
        counts.unknownActivities = unknown.values.reduce(0, +)
        let report = Report(year: year.year, targetJP: Self.targetJP, skipped: skipped, statements: counts,
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
