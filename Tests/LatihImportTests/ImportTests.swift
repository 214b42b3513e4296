import Foundation
import LatihDiagnostics
import LatihQuiz
import LatihTestSupport
import Testing
@testable import LatihImport

let repoRoot = Repository.root
let fixtures = repoRoot + "/Tests/LatihImportTests/Fixtures"

/// A content folder with one course that has a lesson and a module already.
func courseFolder() throws -> String {
    let content = try temporaryFolder() + "/content"
    let course = content + "/courses/keamanan"
    try FileManager.default.createDirectory(atPath: course + "/02-modul", withIntermediateDirectories: true)
    try "---\ntitle: K\nsummary: S\nlevel: dasar\n---\n".write(toFile: course + "/course.md", atomically: true, encoding: .utf8)
    try "---\ntitle: A\n---\n\nIsi.\n".write(toFile: course + "/01-a.md", atomically: true, encoding: .utf8)
    return content
}

/// The quizzes of a lesson file, as `latih build` reads them.
func quizzes(in file: String) throws -> [Quiz] {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    var out: [Quiz] = []
    let lines = text.components(separatedBy: "\n")
    var i = 0
    while i < lines.count {
        if lines[i] == "```quiz" {
            let start = i + 1
            var end = start
            while end < lines.count, lines[end] != "```" { end += 1 }
            let (quiz, diags) = QuizParser.parse(lines[start..<end].joined(separator: "\n"), path: file, firstLine: start + 1, defaultID: "q/\(out.count + 1)")
            #expect(diags.isEmpty, "\(diags.map(DiagnosticRenderer.headline))")
            out.append(quiz)
            i = end
        }
        i += 1
    }
    return out
}

@Suite struct MoodleXMLImport {
    @Test func everyTypeIsConvertedAndTheRestReportedAtItsLine() throws {
        let content = try courseFolder()
        let r = BankImporter.run(bank: fixtures + "/bank-moodle.xml", course: "keamanan", title: nil, content: content)
        #expect(r.written == "courses/keamanan/03-bank-moodle.md")
        #expect((r.converted, r.skipped) == (9, 4))
        let warnings = r.diagnostics.map { "\($0.location.line): \($0.message)" }
        #expect(warnings == [
            "229: question left out: cloze (multianswer) questions have no Latih equivalent",
            "237: question left out: calculated questions need Moodle to compute their answers",
            "243: question left out: drag-and-drop questions have no Latih equivalent",
            "249: question left out: it shows an image (`@@PLUGINFILE@@/logo%20spbe.png`) that the bank does not carry",
        ])
        let file = content + "/" + r.written!
        let quizzes = try quizzes(in: file)
        #expect(quizzes.map(\.title) == ["Keamanan", "Regulasi"])
        #expect(quizzes[0].shuffle && quizzes[0].partial)
        let a = quizzes[0].questions, b = quizzes[1].questions
        #expect(a.map(\.answer.kind) == ["description", "single", "multiple", "truefalse"])
        #expect(b.map(\.answer.kind) == ["short", "numeric", "matching", "essay", "truefalse"])
        #expect(a[0].text == "Seorang pegawai menerima surel dari \"tim TI\".")
        #expect(a[1].text == "Apa yang **pertama** dilakukan? Pilih satu.")
        #expect(a[1].explanation == "Surel phishing meniru pengirim yang dipercaya.")
        if case .single(let options) = a[1].answer {
            #expect(options.map(\.text) == ["Jangan klik tautan apa pun", "Balas & minta kata sandi baru"])
            #expect(options.map(\.feedback) == ["Tepat.", "[Bukan](<javascript:alert(1)>)."])
        } else { Issue.record("single choice expected") }
        if case .multiple(let options) = a[2].answer { #expect(options.map(\.correct) == [true, true, false]) }
        #expect(a[3].answer == .trueFalse(false) && a[3].text == "Kata sandi 123456 termasuk kuat & aman.")
        #expect(b[0].answer == .shortAnswer(["Aparatur Sipil Negara", "ASN"]))
        #expect(b[1].answer == .numericSet([NumericRange(low: 2022, high: 2022, credit: 1), NumericRange(low: 2021, high: 2023, credit: 0.5)]))
        #expect(b[2].answer == .matching([("phishing", "penipuan lewat pesan"), ("malware", "perangkat lunak jahat")]))
        #expect(b[4].text == "Ikon ini menandai tautan aman. ![ikon](../ikon.svg)")
        #expect(FileManager.default.fileExists(atPath: content + "/courses/keamanan/ikon.svg"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("<script") && !text.contains("onmouseover") && !text.contains("__pwned"))
        #expect(text.hasPrefix("---\ntitle: Bank soal: bank-moodle\nsummary: Soal dari bank bank-moodle.\nduration: 7 menit\n---\n"))
    }

    @Test func neverOverwritesAndRefusesWhatIsNotABank() throws {
        let content = try courseFolder()
        let first = BankImporter.run(bank: fixtures + "/bank-moodle.xml", course: "keamanan", title: "Bank Keamanan", content: content)
        #expect(first.written == "courses/keamanan/03-bank-keamanan.md")
        // The next import is numbered after it.
        let second = BankImporter.run(bank: fixtures + "/bank-moodle.xml", course: "keamanan", title: "Bank Keamanan", content: content)
        #expect(second.written == "courses/keamanan/04-bank-keamanan.md")
        let notXML = content + "/bukan.xml"
        try "<quiz><question type=\"truefalse\">".write(toFile: notXML, atomically: true, encoding: .utf8)
        let broken = BankImporter.run(bank: notXML, course: "keamanan", title: nil, content: content)
        #expect(broken.written == nil && broken.diagnostics.map(\.code) == [.importBankUnreadable])
        // Not UTF-8 (Foundation's XMLParser traps on such an element name): refused, at its line.
        let latin = content + "/latin.xml"
        try Data("<?xml version=\"1.0\"?>\n<quiz>\n<question type=\"essay\"><questiontext\u{0}".utf8.dropLast() + [0xE9, 0x3E] + Data("</questiontext></question></quiz>".utf8))
            .write(to: URL(fileURLWithPath: latin))
        let refused = BankImporter.run(bank: latin, course: "keamanan", title: nil, content: content)
        #expect(refused.diagnostics.map { "\($0.location.line): \($0.message)" } == ["3: the bank is not UTF-8 text, which Moodle exports"])
        // A processing instruction (Foundation's XMLParser crashes on `<?x?>`): refused.
        let pi = content + "/pi.xml"
        try "<?xml version=\"1.0\"?>\n<quiz>\n<![CDATA[<?php ?>]]>\n<?x?>\n</quiz>\n".write(toFile: pi, atomically: true, encoding: .utf8)
        #expect(BankImporter.run(bank: pi, course: "keamanan", title: nil, content: content).diagnostics.map { "\($0.location.line): \($0.message)" }
                == ["4: the bank has an XML processing instruction, which Moodle never writes"])
        let html = content + "/halaman.xml"
        try "<html><body>bukan bank</body></html>".write(toFile: html, atomically: true, encoding: .utf8)
        #expect(BankImporter.run(bank: html, course: "keamanan", title: nil, content: content).diagnostics.first?.message
                == "not a Moodle XML question bank (no <quiz> element)")
        #expect(BankImporter.run(bank: fixtures + "/bank-moodle.xml", course: "tidak-ada", title: nil, content: content).diagnostics.first?.message
                == "no course `tidak-ada`")
    }

    @Test func aTenMegabyteBankImports() throws {
        let content = try courseFolder()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        let one = """
          <question type="multichoice"><name><text>Q</text></name>
            <questiontext format="html"><text><![CDATA[<p>Soal nomor N dengan teks yang cukup panjang untuk memenuhi bank besar &amp; berat.</p>]]></text></questiontext>
            <single>true</single>
            <answer fraction="100" format="html"><text>Benar</text></answer>
            <answer fraction="0" format="html"><text>Salah</text></answer>
          </question>

        """
        while xml.utf8.count < 10 << 20 { xml += one }
        xml += "</quiz>\n"
        let bank = content + "/besar.xml"
        try xml.write(toFile: bank, atomically: true, encoding: .utf8)
        let r = BankImporter.run(bank: bank, course: "keamanan", title: nil, content: content)
        #expect(r.skipped == 0 && r.converted > 25_000, "\(r.converted) \(r.diagnostics.prefix(3))")
        #expect(r.written != nil)
    }
}

@Suite struct GIFTImport {
    @Test func aGIFTExportImportsAndWhatCannotBeReadIsReported() throws {
        let content = try courseFolder()
        let r = BankImporter.run(bank: fixtures + "/bank-moodle.gift", course: "keamanan", title: nil, content: content)
        #expect(r.written == "courses/keamanan/03-bank-moodle.md")
        #expect((r.converted, r.skipped) == (3, 1))
        #expect(r.diagnostics.map { "\($0.location.line): \($0.message)" } == ["18: question left out: multiple-choice question has no right answer"])
        let q = try quizzes(in: content + "/" + r.written!)[0].questions
        #expect(q.map(\.answer.kind) == ["description", "numeric", "essay"])
        #expect(q[1].answer == .numericSet([NumericRange(low: 2022, high: 2022, credit: 1), NumericRange(low: 2021, high: 2023, credit: 0.5)]))
    }
}
