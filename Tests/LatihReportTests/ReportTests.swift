import Foundation
import LatihDiagnostics
import LatihSite
import LatihTestSupport
import Testing
@testable import LatihReport

let repoRoot = Repository.root
let fixtures = repoRoot + "/Tests/LatihReportTests/Fixtures"


func options(statements: [String] = [fixtures + "/statements.jsonl"], roster: String? = fixtures + "/pegawai.csv",
             output: String, content: String = fixtures + "/catalogue/content") -> ReportOptions {
    var o = ReportOptions(build: BuildOptions(contentDir: content, templatesDir: repoRoot + "/templates", outputDir: "", write: false),
                          year: 2026, output: output)
    o.statements = statements
    o.roster = roster
    return o
}

func run(_ o: ReportOptions) throws -> Report {
    let result = ReportRunner.run(o)
    #expect(result.succeeded, "\(result.diagnostics)")
    return try #require(result.report)
}

/// The known answers of Fixtures/statements.jsonl (written by make_statements.py, whose
/// comments say what each case is).
@Suite struct KnownAnswers {
    @Test func peopleAndTheirJP() throws {
        let out = try temporaryFolder() + "/laporan"
        let r = try run(options(output: out))
        let byName = Dictionary(uniqueKeysWithValues: r.learners.map { ($0.name, $0) })
        #expect(r.learners.map(\.name) == ["Citra Dewi", "Dedi Kurniawan", "Ani Lestari", "Banu Prasetyo", "Eko"])
        let ani = try #require(byName["Ani Lestari"])
        #expect((ani.id, ani.jp, ani.belowTarget) == ("mailto:ani@jakarta.go.id", 20, false))
        #expect(ani.completed == ["https://latih.uji.example/courses/kursus-a/"] && ani.inProgress.isEmpty && ani.notStarted == 1)
        let banu = try #require(byName["Banu Prasetyo"])
        #expect((banu.jp, banu.belowTarget, banu.inProgress) == (13.3, true, ["https://latih.uji.example/courses/kursus-a/"]))
        #expect(banu.quizScores.map { [$0.quiz, "\($0.best)", "\($0.attempts)", "\($0.passed)"] } == [["kursus-a/a2/1", "100.0", "2", "true"]])
        let citra = try #require(byName["Citra Dewi"])
        #expect(citra.id == "account:https://lms.jakarta.go.id|1003")
        // A1 (300 min) and B1 (90): B2's completion was voided.
        #expect((citra.jp, citra.nip, citra.unit) == (8.7, "1003", "Unit Dua"))
        #expect(citra.quizScores.first?.best == 66.7 && citra.quizScores.first?.passed == false)
        let dedi = try #require(byName["Dedi Kurniawan"])
        #expect((dedi.jp, dedi.belowTarget, dedi.lastActivity, dedi.inRoster) == (0, true, nil, true))
        let eko = try #require(byName["Eko"])
        #expect((eko.inRoster, eko.unit, eko.jp) == (false, nil, 0))
    }

    @Test func countsUnitsCoursesAndMonths() throws {
        let r = try run(options(output: try temporaryFolder() + "/laporan"))
        #expect((r.year, r.targetJP, r.skipped) == (2026, 20, 2))
        let c = r.statements
        #expect((c.read, c.counted, c.voided, c.duplicates, c.outOfYear, c.unknownActivities) == (26, 21, 2, 1, 1, 1))
        #expect(r.unknownActivities.map(\.id) == ["https://portal.jakarta.go.id/pelatihan/lain/"])
        #expect(r.units.map { [$0.unit, "\($0.people)", "\($0.reachedTarget)", "\($0.medianJP)"] }
                == [["Unit Dua", "2", "0", "4.4"], ["Unit Satu", "2", "1", "16.7"], ["", "1", "0", "0.0"]])
        #expect(r.units[1].completionRate == 0.5)
        let a = r.courses[0]
        #expect((a.id, a.opened, a.completed, a.passed, a.medianDaysToComplete) == ("https://latih.uji.example/courses/kursus-a/", 3, 1, 1, 2.1))
        #expect(a.lessons.map { [$0.opened, $0.completed] } == [[3, 3], [3, 2], [1, 1]])
        #expect((r.courses[1].opened, r.courses[1].completed, r.courses[1].medianDaysToComplete) == (2, 0, nil))
        // Citra's A1 at 03:00 WIB on 1 April counts in April.
        #expect(r.months[3].lessonsCompleted == 1 && r.months[2].lessonsCompleted == 2)
        #expect(r.months.map(\.activeLearners) == [0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0])
    }

    @Test func itemAnalysis() throws {
        let r = try run(options(output: try temporaryFolder() + "/laporan"))
        #expect(r.questions.map(\.id) == (1...3).map { "https://latih.uji.example/kuis/kursus-a/a2/1#soal-\($0)" })
        #expect(r.questions.map(\.attempts) == [4, 4, 4])
        #expect(r.questions.map(\.people) == [3, 3, 3])
        #expect(r.questions.map(\.correctShare) == [0.75, 0.75, 0.75])
        // Attempts scored 100 (Ani), 33 then 100 (Banu) and 66.7 (Citra): question 1, which
        // only Citra missed, barely separates them; 2 and 3, which Banu first missed, do.
        // (The values agree with the formula computed apart, in Python.)
        #expect(r.questions.map(\.discrimination) == [0.172, 0.872, 0.872])
        #expect(r.questions[1].options.map { "\($0.text):\($0.chosen):\($0.correct)" } == ["Benar dua:3:true", "Salah dua:0:false", "Pengecoh dua:1:false"])
        #expect(r.questions.allSatisfy { $0.flags.isEmpty }) // fewer than 5 attempts
    }

    @Test func aJSONArrayGivesTheSameReportAsJSONLines() throws {
        let lines = try run(options(output: try temporaryFolder() + "/a"))
        let array = try run(options(statements: [fixtures + "/statements.json"], output: try temporaryFolder() + "/b"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(array.skipped == 1) // the array holds no line that is not JSON
        var a = lines, b = array
        a.skipped = 0; b.skipped = 0
        #expect(try encoder.encode(a) == encoder.encode(b))
    }
}

/// A large reading sets its events aside on disk by person; the report must not change.
@Suite struct SetAside {
    @Test func eventsSetAsideInFilesGiveTheSameReport() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let whole = try run(options(output: try temporaryFolder() + "/a"))
        for (bytes, held) in [(1_000, 1), (4_000, 3)] {
            var o = options(output: try temporaryFolder() + "/b")
            o.bytesPerBucket = bytes
            o.eventsHeld = held
            let buckets = PersonBuckets(slots: PersonSlots(roster: nil), expectedBytes: 10_057, bytesPerBucket: bytes, held: held)
            #expect(buckets.bucketCount > 2)
            let split = try run(o)
            #expect(try encoder.encode(split) == encoder.encode(whole), "\(bytes) bytes a bucket")
        }
        // The voiding, duplicate and voided statements of the fixture are still counted.
        #expect(whole.statements.voided > 0 && whole.statements.duplicates > 0)
    }

    @Test func reportJSONWrittenALearnerAtATimeIsTheEncodersText() throws {
        var report = try run(options(output: try temporaryFolder() + "/a"))
        #expect(report.learners.count >= 3)
        let many = (0..<2_500).map { i in var l = report.learners[i % report.learners.count]; l.id += "-\(i)"; return l }
        for learners in [report.learners, [], Array(report.learners.prefix(1)), many] {
            report.learners = learners
            let path = try temporaryFolder() + "/report.json"
            try ReportJSON.write(report, to: path)
            let whole = try ReportJSON.encoder().encode(report) + Data("\n".utf8)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole, "\(learners.count) learners")
        }
    }

    @Test func theTemporaryFilesAreOwnersOnlyAndGoneAfterward() throws {
        func setAside() throws -> String {
            let buckets = PersonBuckets(slots: PersonSlots(roster: nil), expectedBytes: 10, bytesPerBucket: 1, held: 1)
            var part = StatementPart()
            part.events = [Event(time: 0, id: .none, learner: part.strings.number("mailto:a@b.example"), kind: .opened)]
            try buckets.add(part)
            let folder = try #require(buckets.temporaryFolder)
            let mode = try #require(FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "the folder of people's records is readable by others")
            let (counted, _) = try buckets.people({ 0 }) { people, _, _, _ in people += 1 }
            #expect(counted.reduce(0, +) == 1)
            return folder
        }
        let folder = try setAside()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

@Suite struct ReportFiles {
    @Test func theReportFolderHoldsPagesJSONAndCSV() throws {
        let out = try temporaryFolder() + "/laporan"
        _ = try run(options(output: out))
        let fm = FileManager.default
        for f in ["index.html", "unit.html", "unit/1.html", "unit/3.html", "kursus.html", "kursus/kursus-a.html",
                  "soal.html", "report.json", "data/peserta.csv", "data/unit.csv", "data/kursus.csv", "data/soal.csv", ".latih-report"] {
            #expect(fm.fileExists(atPath: out + "/" + f), "\(f) missing")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as! [String: Any]
        #expect(Set(json.keys) == ["year", "target_jp", "skipped", "statements", "unknown_activities", "learners", "units", "courses", "questions", "months"])
        let learner = (json["learners"] as! [[String: Any]])[1]
        #expect(learner["last_activity"] is NSNull && learner["below_target"] as? Bool == true)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<h1>Laporan Pemantauan Pembelajaran 2026</h1>"))
        #expect(index.contains("data pribadi"))
        #expect(!index.contains("src=\"http") && !index.contains("href=\"http"), "the report loads and links nothing elsewhere")
        // A chart, and the table it draws, side by side.
        #expect(index.contains("<figure class=\"report-chart\" aria-hidden=\"true\"><svg"))
        let unit = try String(contentsOfFile: out + "/unit.html", encoding: .utf8)
        #expect(unit.contains("<table class=\"report-table\" data-sortable>"))
        #expect(unit.contains("<a href=\"unit/2.html\">Unit Satu</a>"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/data/peserta.csv"))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a BOM, so that spreadsheets read UTF-8")
        let people = try String(contentsOfFile: out + "/unit/2.html", encoding: .utf8)
        #expect(people.contains("<tr class=\"is-flagged\"><th scope=\"row\">Banu Prasetyo</th><td>1002</td><td>Pranata Komputer</td><td class=\"num\" data-sort=\"13.3\">13,3</td><td>Di bawah target</td><td data-sort=\"0\">–</td><td data-sort=\"1\">Kursus A</td><td class=\"num\" data-sort=\"1\">1</td><td>Pelajaran A2: Kuis A2: 100 % ✓</td><td>2026-03-11</td></tr>"))
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("id,name,nip,unit,position,jp,below_target"))
        #expect(csv.contains("mailto:ani@jakarta.go.id,Ani Lestari,1001,Unit Satu,Analis,20.0,no,https://latih.uji.example/courses/kursus-a/,,1,2026-02-03T03:00:00Z"))
    }

    @Test func cellsAreNeverReadAsFormulas() throws {
        let dir = try temporaryFolder()
        let roster = dir + "/pegawai.csv"
        try "nip,nama,email,unit,jabatan\n1001,=HYPERLINK(\"http://x\"),ani@jakarta.go.id,+Unit,@Analis\n".write(toFile: roster, atomically: true, encoding: .utf8)
        _ = try run(options(roster: roster, output: dir + "/laporan"))
        let csv = try String(contentsOfFile: dir + "/laporan/data/peserta.csv", encoding: .utf8)
        #expect(csv.contains("mailto:ani@jakarta.go.id,\"'=HYPERLINK(\"\"http://x\"\")\",1001,'+Unit,'@Analis,"))
        #expect(csvCell("-1") == "'-1" && csvCell("a,b") == "\"a,b\"" && csvCell("biasa") == "biasa")
    }

    @Test func strictMakesAnUnreadableRecordAnErrorAndWritesNothing() throws {
        let out = try temporaryFolder() + "/laporan"
        var o = options(output: out)
        o.strict = true
        let result = ReportRunner.run(o)
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == [27, 28])
        #expect(errors[0].message == "line is not JSON")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMalformedRosterRowIsAnErrorAtItsLine() throws {
        let dir = try temporaryFolder()
        let roster = dir + "/pegawai.csv"
        try "nip,nama,email,unit,jabatan\n1001,Ani,ani@jakarta.go.id,Unit Satu,Analis\n1002,Banu,banu@jakarta.go.id,Unit Satu\n1003,\"Citra,,Unit Dua,Guru\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let result = ReportRunner.run(options(roster: roster, output: dir + "/laporan"))
        #expect(!result.succeeded)
        #expect(result.diagnostics.map { "\($0.location.line): \($0.message)" } == [
            "3: roster row has 4 fields, the header 5", "4: a quoted field is never closed", "4: roster row has 2 fields, the header 5"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/laporan"))
    }

    @Test func aFolderThatIsNotAReportIsNeverReplaced() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/laporan", withIntermediateDirectories: true)
        try "milik orang lain".write(toFile: dir + "/laporan/catatan.txt", atomically: true, encoding: .utf8)
        let result = ReportRunner.run(options(output: dir + "/laporan"))
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.outputNotLatih])
        #expect(result.diagnostics.map(\.message) == ["output folder was not made by `latih report`; refusing to replace it"])
        #expect(FileManager.default.fileExists(atPath: dir + "/laporan/catatan.txt"))
        // A report is replaced by the next.
        let out = dir + "/baru"
        _ = try run(options(output: out))
        _ = try run(options(output: out))
        #expect(!FileManager.default.fileExists(atPath: dir + "/baru.old-\(getpid())"))
    }

    @Test func learnersOwnExportsGiveTheirJP() throws {
        let dir = try temporaryFolder()
        let exports = dir + "/ekspor"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        // Ani's JSON export: A1 and A3 completed, and the quiz passed (so A2 too).
        let json = """
        {"format":"latih-progress","version":1,"exported":"2026-08-01T00:00:00Z","progress":{"version":1,
         "lessons":{"kursus-a/a1":{"opened":"2026-02-01T00:00:00Z","completed":"2026-02-01T01:00:00Z"},
                    "kursus-a/a3":{"opened":"2026-02-02T00:00:00Z","completed":"2026-02-02T01:00:00Z"}},
         "quizzes":{"kursus-a/a2/1":{"attempts":2,"best":100,"passed":true,"history":[
           {"at":"2026-02-01T02:00:00Z","score":33,"passed":false},{"at":"2026-02-01T02:10:00Z","score":100,"passed":true}]}}}}
        """
        try json.write(toFile: exports + "/ani@jakarta.go.id.json", atomically: true, encoding: .utf8)
        // Banu's CSV export, named by NIP: B1 completed.
        try "\u{FEFF}type,course,id,title,opened,completed,minutes,best_score,attempts,passed\r\nlesson,kursus-b,kursus-b/b1,Pelajaran B1,2026-05-01T00:00:00Z,2026-05-01T02:00:00Z,90,,,\r\n"
            .write(toFile: exports + "/1002.csv", atomically: true, encoding: .utf8)
        try "bukan ekspor".write(toFile: exports + "/rusak.json", atomically: true, encoding: .utf8)
        var o = options(statements: [], output: dir + "/laporan")
        o.exports = exports
        let result = ReportRunner.run(o)
        let r = try #require(result.report, "\(result.diagnostics)")
        let byName = Dictionary(uniqueKeysWithValues: r.learners.map { ($0.name, $0) })
        #expect(byName["Ani Lestari"]?.jp == 20 && byName["Ani Lestari"]?.completed == ["https://latih.uji.example/courses/kursus-a/"])
        #expect(byName["Ani Lestari"]?.quizScores.first?.attempts == 2)
        #expect(byName["Banu Prasetyo"]?.jp == 2)
        #expect(r.skipped == 1)
        #expect(result.diagnostics.map(\.message) == ["not a Latih progress export (format \"latih-progress\")"])
    }
}

@Suite struct ReportParts {
    @Test func isoTimes() {
        #expect(ISOTime.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(ISOTime.seconds("2026-03-01T08:00:00.5Z") == 1_772_352_000.5)
        #expect(ISOTime.seconds("2026-03-01T15:00:00+07:00") == ISOTime.seconds("2026-03-01T08:00:00Z"))
        #expect(ISOTime.seconds("2026-03-01T15:00:00+0700") == ISOTime.seconds("2026-03-01T08:00:00Z"))
        for bad in ["2026-03-01", "2026-13-01T00:00:00Z", "2026-03-01T08:00:00", "2026-03-01 08:00:00Z", "kemarin"] {
            #expect(ISOTime.seconds(bad) == nil, "\(bad)")
        }
        #expect(ISOTime.duration("PT1H2M3.5S") == 3723.5 && ISOTime.duration("P1DT2H") == 93600)
        #expect(ISOTime.duration("PT") == nil && ISOTime.duration("P1Y") == nil && ISOTime.duration("1H") == nil)
        let y = YearWindow(2026)
        #expect(y.contains(ISOTime.seconds("2025-12-31T17:00:00Z")!) && !y.contains(ISOTime.seconds("2025-12-31T16:59:59Z")!))
        #expect(y.month(ISOTime.seconds("2026-03-31T20:00:00Z")!) == 4)
        #expect(ISOTime.string(ISOTime.seconds("2024-02-29T23:59:59.9Z")!) == "2024-02-29T23:59:59Z")
        #expect(ISOTime.string(0) == "1970-01-01T00:00:00Z" && ISOTime.string(-1) == "1969-12-31T23:59:59Z")
    }

    @Test func pointBiserialMatchesTheFormula() {
        // Right: 80, 90; wrong: 40, 50. Mean 65, sd √425, p = ½: (85 − 45)/√425 · ½.
        let r = pointBiserial([(true, 80), (true, 90), (false, 40), (false, 50)])!
        #expect(abs(r - 40 / 425.0.squareRoot() * 0.5) < 1e-12)
        #expect(pointBiserial([(true, 80), (true, 90)]) == nil)
        #expect(pointBiserial([(true, 50), (false, 50)]) == nil)
        #expect(median([3, 1, 2]) == 2 && median([4, 1, 2, 3]) == 2.5 && median([]) == nil)
    }

    @Test func arraysAreSplitWithTheLineOfEachElement() {
        let text = "[\n  {\"a\": \"], {\\\"x\\\"\"},\n  {\"b\": [1, 2]}\n  ,{\"c\": {}}\n]"
        let bytes = Array(text.utf8)
        let (parts, problem) = bytes.withUnsafeBufferPointer { JSONArraySplitter.elements($0, from: 0) }
        #expect(problem == nil)
        #expect(parts.map(\.line) == [2, 3, 4])
        #expect(parts.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
                == ["{\"a\": \"], {\\\"x\\\"\"}", "{\"b\": [1, 2]}", "{\"c\": {}}"])
        let (cut, unclosed) = Array("[{\"a\":1},\n{\"b\"".utf8).withUnsafeBufferPointer { JSONArraySplitter.elements($0, from: 0) }
        #expect(cut.count == 2 && unclosed?.line == 2)
        // A stray closing brace is part of a bad element; the elements after it still split.
        let (stray, strayProblem) = Array("[{\"a\":1}},\n{\"b\":2}]".utf8).withUnsafeBufferPointer { JSONArraySplitter.elements($0, from: 0) }
        #expect(strayProblem == nil)
        #expect(stray.map(\.line) == [1, 2])
    }

    @Test func activityIdsAreMatchedByTheirLatihTail() throws {
        let (summary, _) = CatalogueSummary.read(BuildOptions(contentDir: fixtures + "/catalogue/content", templatesDir: repoRoot + "/templates"))
        let index = CatalogueIndex(try #require(summary))
        #expect(index.target("https://latih.uji.example/courses/kursus-a/") == .course(0))
        #expect(index.target("https://lms.jakarta.go.id/paket/17/courses/kursus-a/a2/index.html") == nil)
        #expect(index.target("https://lms.jakarta.go.id/paket/17/courses/kursus-a/a2/") == .lesson(course: 0, lesson: 1))
        #expect(index.target("urn:latih:lesson:kursus-b:b2") == .lesson(course: 1, lesson: 1))
        #expect(index.target("https://elsewhere.example/kuis/kursus-a/a2/1#soal-3") == .question(quiz: 0, number: 3))
        #expect(index.target("urn:latih:lesson:kursus-a:a2/kuis/kursus-a/a2/1") == .quiz(0))
        #expect(index.target("https://latih.uji.example/kuis/kursus-a/a2/1#soal-4") == nil)
        #expect(index.target("https://latih.uji.example/courses/tidak-ada/") == nil)
    }
}

@Suite struct StatementScanning {
    func scan(_ text: String) throws(StatementScanner.Failure) -> Statement {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { p throws(StatementScanner.Failure) in try StatementScanner.statement(p) }
    }

    @Test func readsTheFieldsAReportUsesAndStepsOverTheRest() throws {
        let s = try scan("""
        { "id": "8d6c5b1e-0f3a-4c2d-9e8f-1a2b3c4d5e6f", "actor": {"objectType":"Agent","name":"Siti \\"Ani\\" R\\u00e9\\ud83d\\ude00",
          "account": {"homePage": "https://lms.jakarta.go.id", "name": "1001"}},
          "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
          "object": {"id": "https://x.example/kuis/a#soal-1", "definition": {"choices": [{"id": "a", "description": {"id": "[A]"}}], "x": [1, 2.5e3, -0.1, true, null]}},
          "result": {"score": {"scaled": 0.75, "raw": 75, "min": 0, "max": 100}, "success": true, "response": "a[,]b", "duration": "PT1M",
                     "extensions": {"https://x.example/e": {"deep": [[{}]]}}},
          "context": {"registration": "r", "contextActivities": {"parent": [{"id": "p"}]}}, "timestamp": "2026-03-01T08:00:00Z",
          "attachments": [] }
        """)
        #expect(s.actor?.name == "Siti \"Ani\" Ré😀")
        #expect(s.actor?.account?.name == "1001" && s.verb?.id == "http://adlnet.gov/expapi/verbs/answered")
        #expect(s.object?.id == "https://x.example/kuis/a#soal-1")
        #expect(s.result?.score?.scaled == 0.75 && s.result?.score?.raw == 75 && s.result?.success == true)
        #expect(s.result?.response == "a[,]b" && s.context?.registration == "r" && s.problem() == nil)
    }

    @Test func refusesWhatIsNotJSONAndNamesAFieldOfTheWrongType() {
        for bad in ["", "{", "{\"id\": }", "{\"id\": \"a\"} x", "{\"id\": 'a'}", "[1]", "{\"a\": tru}", "{\"a\": \"\u{1}\"}", "{\"a\": \"\\q\"}"] {
            #expect(throws: StatementScanner.Failure(message: "line is not JSON"), "\(bad)") { try scan(bad) }
        }
        #expect(throws: StatementScanner.Failure(message: "not a valid xAPI 1.0.3 statement: `result.success` has the wrong type")) {
            try scan("{\"result\": {\"success\": \"ya\"}}")
        }
        #expect(throws: StatementScanner.Failure(message: "not a valid xAPI 1.0.3 statement: `actor` has the wrong type")) {
            try scan("{\"actor\": [\"siti\"]}")
        }
        #expect(throws: StatementScanner.Failure(message: "not a valid xAPI 1.0.3 statement: `result.score.raw` has the wrong type")) {
            try scan("{\"result\": {\"score\": {\"raw\": \"75\"}}}")
        }
    }
}
