import Foundation
import LatihDiagnostics
import LatihTestSupport
import Testing
@testable import LatihQuiz

func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// Parses a fixture as if its block content started on file line 10.
func parseQuiz(_ name: String) throws -> (Quiz, [Diagnostic]) {
    let text = try fixture(name)
    let parse = name.hasSuffix(".gift") ? GiftParser.parse : QuizParser.parse
    return parse(text, "lesson.md", 10, "kursus/pelajaran/1")
}

struct ExpectedDiagnostic: CustomTestStringConvertible, Sendable {
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { "\(line):\(column) \(message)" }
}

@Suite struct QuizDiagnosticsTests {
    static let cases: [(String, [ExpectedDiagnostic])] = [
        ("single-correct-count.quiz", [
            .init(line: 10, column: 1, message: "single-choice question has no correct option"),
            .init(line: 14, column: 1, message: "single-choice question has 2 correct options"),
        ]),
        ("multiple-none.quiz", [.init(line: 10, column: 1, message: "multiple-choice question has no correct option")]),
        ("no-answers.quiz", [.init(line: 10, column: 1, message: "question has no answers")]),
        ("mixed-kinds.quiz", [.init(line: 12, column: 1, message: "mixed answer kinds")]),
        ("unknown-setting.quiz", [
            .init(line: 11, column: 1, message: "unknown quiz setting `lulus`"),
            .init(line: 12, column: 1, message: "unknown quiz setting `shufle`; did you mean `shuffle`?"),
        ]),
        ("bad-number.quiz", [
            .init(line: 10, column: 7, message: "`tujuhpuluh` is not a valid number for `pass`"),
            .init(line: 11, column: 11, message: "`0` is not a valid number for `attempts`"),
            .init(line: 14, column: 3, message: "bad number in `16 ± abc`"),
        ]),
        ("empty-option.quiz", [
            .init(line: 12, column: 4, message: "empty option"),
            .init(line: 13, column: 4, message: "empty option"),
        ]),
        ("unclosed.gift", [.init(line: 10, column: 1, message: "GIFT answer block `{` is never closed")]),
    ]

    @Test(arguments: cases)
    func reportsEachMistakeAtItsLineAndColumn(_ name: String, _ expected: [ExpectedDiagnostic]) throws {
        let (_, diags) = try parseQuiz(name)
        let got = diags.sorted()
        #expect(got.count == expected.count, "\(got.map(DiagnosticRenderer.headline))")
        for (d, e) in zip(got, expected) {
            #expect(d.severity == .error)
            #expect((d.location.line, d.location.column) == (e.line, e.column), "\(DiagnosticRenderer.headline(d))")
            #expect(d.message.contains(e.message), "\(d.message)")
        }
    }
}

@Suite struct QuizSyntaxTests {
    @Test func readsEveryQuestionTypeAndSetting() throws {
        let (quiz, diags) = try parseQuiz("all-types.quiz")
        #expect(diags.isEmpty, "\(diags.map(DiagnosticRenderer.headline))")
        #expect(quiz.id == "spbe/kuis-akhir" && quiz.explicitID)
        #expect(quiz.pass == 80 && quiz.attempts == 3 && quiz.shuffle && quiz.partial && quiz.title == "Kuis SPBE")
        #expect(quiz.questions.map(\.answer.kind) == ["single", "multiple", "truefalse", "short", "numeric", "numeric", "ordering", "matching"])
        let q0 = quiz.questions[0]
        #expect(q0.text == "Apa kepanjangan **SPBE**?")
        #expect(q0.explanation == "SPBE diatur dalam Peraturan Presiden Nomor 95 Tahun 2018.")
        #expect(q0.line == 17)
        if case .single(let options) = q0.answer {
            #expect(options.map(\.correct) == [false, true])
            #expect(options[0].feedback == "Belum tepat: pelayanan hanyalah salah satu bagian SPBE.")
        } else { Issue.record("expected single choice") }
        #expect(quiz.questions[1].text == "Manakah yang termasuk data pribadi? Pilih semua yang benar.")
        #expect(quiz.questions[2].answer == .trueFalse(false))
        #expect(quiz.questions[3].answer == .shortAnswer(["Aparatur Sipil Negara", "ASN"]))
        #expect(quiz.questions[4].answer == .numeric(value: 16, tolerance: 0))
        #expect(quiz.questions[5].answer == .numeric(value: 2.5, tolerance: 0.5))
        #expect(quiz.questions[6].answer == .ordering(["Jangan klik tautan apa pun", "Teruskan surel ke tim keamanan TI", "Hapus surel dari kotak masuk"]))
        #expect(quiz.questions[7].answer == .matching([("phishing", "penipuan lewat pesan yang menyamar"), ("malware", "perangkat lunak jahat")]))
    }

    @Test func defaultIDComesFromTheLessonSlug() throws {
        let (quiz, _) = QuizParser.parse("? Q\n= ya\n", path: "x.md", firstLine: 1, defaultID: "spbe/apa-itu-spbe/1")
        #expect(quiz.id == "spbe/apa-itu-spbe/1" && !quiz.explicitID)
    }

    @Test func readsMoodleDocumentationExamples() throws {
        let (quiz, diags) = try parseQuiz("moodle-docs.gift")
        #expect(diags.isEmpty, "\(diags.map(DiagnosticRenderer.headline))")
        let kinds = quiz.questions.map(\.answer.kind)
        #expect(kinds == ["truefalse", "single", "short", "matching", "numeric", "numeric", "numeric", "multiple", "single"])
        #expect(quiz.questions[0].answer == .trueFalse(true))
        if case .single(let options) = quiz.questions[1].answer {
            #expect(options.map(\.text) == ["yellow", "red", "blue"])
            #expect(options.map(\.correct) == [true, false, false])
            #expect(options[0].feedback == "right; good!")
        } else { Issue.record("Q2 should be single choice") }
        #expect(quiz.questions[2].text == "Two plus _____ equals four.")
        #expect(quiz.questions[2].answer == .shortAnswer(["two", "2"]))
        #expect(quiz.questions[3].answer == .matching([("cat", "cat food"), ("dog", "dog food")]))
        #expect(quiz.questions[4].answer == .numeric(value: 3, tolerance: 2))
        #expect(quiz.questions[5].answer == .numeric(value: 3, tolerance: 2))
        // Moodle's own example: 1822 exactly for full credit, within 2 of it for half.
        #expect(quiz.questions[6].answer == .numericSet([NumericRange(low: 1822, high: 1822, credit: 1), NumericRange(low: 1820, high: 1824, credit: 0.5)]))
        if case .multiple(let options) = quiz.questions[7].answer {
            #expect(options.map(\.correct) == [false, true, true, false])
        } else { Issue.record("Grant's tomb should be multiple choice") }
        if case .single(let options) = quiz.questions[8].answer {
            #expect(options.map(\.text) == ["A1", "1:A"])
        } else { Issue.record("escapes question should be single choice") }
        #expect(quiz.questions[8].explanation == "Columns are letters, rows are numbers.")
        #expect(quiz.questions[0].line == 11)
    }
}

@Suite struct AnswerTextTests {
    /// The same vectors drive the browser's normaliseAnswer (Tests/js/quiz.test.js).
    static let vectors = VectorTable("answers.tsv").pairs

    @Test func vectorsExist() { #expect(Self.vectors.count >= 10) }

    @Test(arguments: vectors)
    func normalisesLikeTheBrowser(_ input: String, _ expected: String) {
        #expect(AnswerText.normalise(input) == expected)
    }

    /// SHA-256 vectors shared with the browser's hand-written SHA-256 (Tests/js/quiz.test.js).
    static let hashVectors = VectorTable("sha256.tsv").pairs

    @Test func saltAndAnswerHashesUseTheSharedVectors() {
        let table = Dictionary(uniqueKeysWithValues: Self.hashVectors)
        #expect(QuizRenderer.salt(for: "spbe/kuis-akhir") == String(table["latih-quiz|spbe/kuis-akhir"]!.prefix(16)))
        #expect(QuizRenderer.answerHash(salt: "garam", question: 3, value: "aparatur sipil negara")
                == String(table["garam|3|aparatur sipil negara"]!.prefix(16)))
    }
}

@Suite struct MoodleGIFT {
    @Test func aBankAsMoodleExportsItReadsWithoutEditing() throws {
        let (quiz, diags) = try parseQuiz("moodle-export.gift")
        #expect(diags.isEmpty, "\(diags.map(DiagnosticRenderer.headline))")
        #expect(quiz.questions.map(\.answer.kind) == ["description", "single", "numeric", "essay", "short", "truefalse"])
        // [html]: the markup is Markdown now, the script and the image's handler are gone.
        #expect(quiz.questions[0].text == "Bacalah kasus berikut. Seorang pegawai menerima **surel** dari \"tim TI\".")
        #expect(quiz.questions[1].text == "Apa yang *pertama* dilakukan?")
        if case .single(let options) = quiz.questions[1].answer {
            #expect(options.map(\.text) == ["Jangan klik tautan apa pun", "Balas surel itu"])
            #expect(options[0].feedback == "Tepat.")
            #expect(options[1].feedback == "[klik](<javascript:alert(1)>) bukan jawabannya.")
        } else { Issue.record("the phishing question should be single choice") }
        // [moodle] text is shown as written: `2 * 3` is not emphasis.
        #expect(quiz.questions[2].text == "Tahun berapa UU PDP disahkan? 2 \\* 3 = 6 bukan jawabannya.")
        #expect(quiz.questions[2].answer == .numericSet([NumericRange(low: 2022, high: 2022, credit: 1), NumericRange(low: 2021, high: 2023, credit: 0.5)]))
        #expect(quiz.questions[3].text == "Ceritakan **satu** kebiasaan aman Anda.\nTulis dua kalimat.")
        #expect(quiz.questions[4].text == "Kunci: a=b, {c}, \\~d, \\#e dan f:g")
        #expect(quiz.questions[4].answer == .shortAnswer(["a=b", "a = b"]))
        #expect(quiz.questions[5].text == "Kata sandi \"123456\" aman & kuat.")
        #expect(quiz.questions[5].answer == .trueFalse(false))
    }

    @Test func bankHTMLBecomesTextAndNeverMarkup() {
        let (text, image) = HTMLText.markdown(from: "<div onclick=\"x()\">A<SCRIPT>evil()</SCRIPT><style>p{}</style><br>B &lt;i&gt; &#233;&#x1F600;<img src=a.png></div><iframe src=x>y</iframe>")
        #expect(text == "A  \nB \\<i\\> é😀")
        #expect(image)
        #expect(HTMLText.decodeEntities("&amp;lt; &bogus; & &#65;") == "&lt; &bogus; & A")
    }
}

@Suite struct NewQuizSyntax {
    @Test func reflectionsTextAndNumericalCredit() {
        let text = """
        pass: 60

        | Bacalah kasus berikut.
        | Lalu jawab soalnya.

        ? Tahun berapa UU PDP disahkan?
        = 2022
        = 2021..2023 (50%)

        ? Ceritakan satu kebiasaan aman Anda.
        ...
        ! Tidak ada jawaban yang salah.

        ? Berapa persen?
        = 2..3
        """
        let (quiz, diags) = QuizParser.parse(text, path: "x.md", firstLine: 1, defaultID: "k/1")
        #expect(diags.isEmpty, "\(diags.map(DiagnosticRenderer.headline))")
        #expect(quiz.questions.map(\.answer.kind) == ["description", "numeric", "essay", "numeric"])
        #expect(quiz.questions[0].text == "Bacalah kasus berikut.\nLalu jawab soalnya.")
        #expect(quiz.questions[1].answer == .numericSet([NumericRange(low: 2022, high: 2022, credit: 1), NumericRange(low: 2021, high: 2023, credit: 0.5)]))
        #expect(quiz.questions[2].explanation == "Tidak ada jawaban yang salah.")
        #expect(quiz.questions[3].answer == .numeric(value: 2.5, tolerance: 0.5))
        let (_, bad) = QuizParser.parse("? Tahun?\n= 2021 (50%)\n= 2023 (50%)\n", path: "x.md", firstLine: 1, defaultID: "k/1")
        #expect(bad.map(\.message) == ["no numerical answer earns full credit"])
    }

    /// The hand-written trims agree with Foundation's on spaces, tabs, Unicode spaces
    /// and line breaks, and keep what is inside.
    @Test func trimmingAgreesWithFoundation() {
        let samples = ["", "   ", " a ", "\t\u{00A0}b c\u{3000}", "\n x \r\n", "\u{2028}y\u{2029}", "é\u{0301} ", " \u{0301}z", "\u{85}q\u{85}"]
        for s in samples {
            #expect(s.trimmingSpaces() == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            #expect(s.trimmingSpacesAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(s.unicodeScalars))")
            #expect(Substring(s).trimmingSpaces() == s.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Quiz data as a JSON string literal: what must be escaped is, in lowercase hex,
    /// and the rest passes through.
    @Test func jsonLiteralsAreScriptSafe() {
        #expect(json("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(json("</script>&") == #""\u003c/script\u003e\u0026""#)
        #expect(json("\u{1}\u{1F}x\u{2028}y\u{2029}é€") == #""\u0001\u001fx\u2028y\u2029é€""#)
    }
}
