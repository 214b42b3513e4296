/// The report's tables as CSV (`data/*.csv`), one row per learner, unit, course, question,
/// with every cell protected from being read as a formula.
enum ReportCSV {
    static let files = ["peserta.csv", "unit.csv", "kursus.csv", "soal.csv"]

    static func tables(_ r: Report) -> [(String, String)] {
        func csv(_ rows: [[String]]) -> String { "\u{FEFF}" + rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n" }
        func nd(_ x: Double?) -> String { x.map { String(($0 * 1000).rounded() / 1000) } ?? "" }
        let learners = [["id", "name", "nip", "unit", "position", "jp", "below_target", "completed", "in_progress", "not_started", "last_activity"]]
            + r.learners.map { [$0.id, $0.name, $0.nip ?? "", $0.unit ?? "", $0.position ?? "", nd($0.jp), $0.belowTarget ? "yes" : "no",
                                $0.completed.joined(separator: " "), $0.inProgress.joined(separator: " "), String($0.notStarted), $0.lastActivity ?? ""] }
        let units = [["unit", "people", "reached_target", "median_jp", "completion_rate"]]
            + r.units.map { [$0.unit, String($0.people), String($0.reachedTarget), nd($0.medianJP), nd($0.completionRate)] }
        let courses = [["id", "title", "opened", "completed", "passed", "median_days_to_complete"]]
            + r.courses.map { [$0.id, $0.title, String($0.opened), String($0.completed), String($0.passed), nd($0.medianDaysToComplete)] }
        let questions = [["id", "quiz", "number", "text", "kind", "attempts", "people", "correct_share", "discrimination", "flags"]]
            + r.questions.map { [$0.id, $0.quiz, String($0.number), $0.text, $0.kind, String($0.attempts), String($0.people),
                                 nd($0.correctShare), nd($0.discrimination), $0.flags.joined(separator: " ")] }
        return zip(files, [csv(learners), csv(units), csv(courses), csv(questions)]).map { ($0, $1) }
    }
}
