/// The learner's CSV export (Kemajuan Saya → Unduh CSV) in each interface language: the
/// site writes its columns and words in the site's language, and the report reads either.
/// Tests/vectors/progress-csv.tsv holds these equal to the theme's `progress-csv-*` strings.
struct ProgressCSV: Sendable {
    /// The columns, in the order of `canonical`.
    let columns: [String]
    let lesson: String
    let quiz: String
    let yes: String

    /// The columns' roles, as the English export names them.
    static let canonical = ["type", "course", "id", "title", "opened", "completed", "minutes", "best_score", "attempts", "passed"]
    /// The columns a report needs.
    static let needed = ["type", "id", "opened", "completed", "best_score", "attempts", "passed"]

    static let languages = [
        ProgressCSV(columns: ["jenis", "kursus", "id", "judul", "dibuka", "selesai", "menit", "skor_terbaik", "percobaan", "lulus"],
                    lesson: "pelajaran", quiz: "kuis", yes: "ya"),
        ProgressCSV(columns: canonical, lesson: "lesson", quiz: "quiz", yes: "yes"),
    ]

    /// The language whose needed columns `header` holds, with each role's column index.
    static func reading(_ header: [String]) -> (words: ProgressCSV, column: [String: Int])? {
        for words in languages {
            var column: [String: Int] = [:]
            for (role, name) in zip(canonical, words.columns) { if let i = header.firstIndex(of: name) { column[role] = i } }
            if needed.allSatisfy({ column[$0] != nil }) { return (words, column) }
        }
        return nil
    }
}
