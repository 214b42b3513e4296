import Foundation
import LatihDiagnostics

/// Learners' own Kemajuan Saya exports (`latih-progress` JSON, or the progress CSV) from a
/// folder, as events. The learner is the file's name without its extension: a NIP or an
/// email address, matched against the roster like a statement's actor.
enum ProgressExports {
    static func read(folder: String, index: CatalogueIndex, year: YearWindow) -> (events: [(learner: String, event: Event)], files: Int, skipped: Int, diagnostics: [Diagnostic]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
            return ([], 0, 0, [.error(.reportUnreadableInput, SourceLocation(path: folder), "folder of exports cannot be read")])
        }
        var events: [(learner: String, event: Event)] = [], diags: [Diagnostic] = []
        var files = 0, skipped = 0
        let quizByID = Dictionary(index.quizzes.enumerated().map { ($1.quiz.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lessonByID: [String: Target] = [:]
        for (ci, c) in index.summary.courses.enumerated() {
            for (li, l) in c.lessons.enumerated() { lessonByID[l.id] = .lesson(course: ci, lesson: li) }
        }
        for name in names.sorted() where name.hasSuffix(".json") || name.hasSuffix(".csv") {
            let path = folder + "/" + name
            files += 1
            let stem = String(name[..<name.lastIndex(of: ".")!])
            let learner = stem.contains("@") ? "mailto:" + stem.lowercased() : "account:|" + stem
            guard let data = fm.contents(atPath: path) else {
                diags.append(.warning(.reportUnreadableInput, SourceLocation(path: path), "export cannot be read")); skipped += 1; continue
            }
            func add(_ kind: Event.Kind, _ target: Target, _ iso: String?, score: Double? = nil, success: Bool? = nil, attempts: Int = 0) {
                guard let iso, let t = ISOTime.seconds(iso), year.contains(t) else { return }
                var e = Event(time: Event.micros(t), id: .none, learner: 0, activity: index.code(target), kind: kind)
                e.score = score ?? .nan
                e.successCode = Event.successCode(success)
                e.attempts = UInt16(clamping: attempts)
                events.append((learner, e))
            }
            if name.hasSuffix(".json") {
                guard let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any], doc["format"] as? String == "latih-progress",
                      let progress = doc["progress"] as? [String: Any] else {
                    diags.append(.warning(.reportNotAnExport, SourceLocation(path: path, line: 1, column: 1), "not a Latih progress export (format \"latih-progress\")"))
                    skipped += 1
                    continue
                }
                for (id, value) in (progress["lessons"] as? [String: Any]) ?? [:] {
                    guard let target = lessonByID[id], let rec = value as? [String: Any] else { continue }
                    add(.opened, target, rec["opened"] as? String)
                    add(.completed, target, rec["completed"] as? String)
                }
                for (id, value) in (progress["quizzes"] as? [String: Any]) ?? [:] {
                    guard let qi = quizByID[id], let rec = value as? [String: Any] else { continue }
                    for h in (rec["history"] as? [[String: Any]]) ?? [] {
                        let passed = h["passed"] as? Bool ?? false
                        add(passed ? .passed : .failed, .quiz(qi), h["at"] as? String, score: (h["score"] as? NSNumber)?.doubleValue, success: passed)
                    }
                }
            } else {
                let (rows, problems) = CSVReader.rows(String(decoding: data, as: UTF8.self))
                for p in problems { diags.append(.warning(.csvBadQuote, SourceLocation(path: path, line: p.line, column: 1), p.message)) }
                guard let header = rows.first?.fields.map({ $0.replacingOccurrences(of: "\u{FEFF}", with: "") }),
                      let (words, col) = ProgressCSV.reading(header) else {
                    diags.append(.warning(.reportNotAnExport, SourceLocation(path: path, line: 1, column: 1),
                                          "not a Latih progress CSV (columns \(ProgressCSV.languages.map { $0.columns.joined(separator: ",") }.joined(separator: " or ")))"))
                    skipped += 1
                    continue
                }
                for row in rows.dropFirst() {
                    guard row.fields.count == header.count else {
                        diags.append(.warning(.csvFieldCount, SourceLocation(path: path, line: row.line, column: 1), "row has \(row.fields.count) fields, the header \(header.count)"))
                        continue
                    }
                    func f(_ c: String) -> String { row.fields[col[c]!] }
                    if f("type") == words.lesson, let target = lessonByID[f("id")] {
                        add(.opened, target, f("opened"))
                        add(.completed, target, f("completed").isEmpty ? nil : f("completed"))
                    } else if f("type") == words.quiz, let qi = quizByID[f("id")] {
                        // The CSV keeps a quiz's best score and attempts, dated by its first pass.
                        let passed = f("passed") == words.yes
                        let lesson = Target.lesson(course: index.quizzes[qi].course, lesson: index.quizzes[qi].lesson)
                        let opened = rows.first { $0.fields.count == header.count && $0.fields[col["type"]!] == words.lesson && lessonByID[$0.fields[col["id"]!]] == lesson }?.fields[col["opened"]!]
                        add(.quizSummary, .quiz(qi), passed ? f("completed") : opened,
                            score: Double(f("best_score")), success: passed, attempts: Int(f("attempts")) ?? 1)
                    }
                }
            }
        }
        return (events, files, skipped, diags)
    }
}
