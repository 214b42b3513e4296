import Foundation
import LatihTestSupport
import Testing
@testable import LatihReport

/// The learner's CSV export is written in the site's language and read back in either.
@Suite struct ProgressCSVWords {
    @Test func theReportReadsTheWordsOfTheSharedTable() {
        let table = VectorTable("progress-csv.tsv")
        #expect(table.columns == ["role", "id", "en"])
        for (i, words) in ProgressCSV.languages.enumerated() {
            let column = i + 1
            let byRole = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0[column]) })
            #expect(words.columns.joined(separator: ",") == byRole["columns"])
            #expect([words.lesson, words.quiz, words.yes] == [byRole["lesson"], byRole["quiz"], byRole["yes"]])
        }
    }

    @Test func anIndonesianExportCountsAsAnEnglishOne() throws {
        let dir = try temporaryFolder()
        let exports = dir + "/ekspor"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        // Banu's export from an Indonesian site: B1 completed.
        try "\u{FEFF}jenis,kursus,id,judul,dibuka,selesai,menit,skor_terbaik,percobaan,lulus\r\npelajaran,kursus-b,kursus-b/b1,Pelajaran B1,2026-05-01T00:00:00Z,2026-05-01T02:00:00Z,90,,,\r\n"
            .write(toFile: exports + "/1002.csv", atomically: true, encoding: .utf8)
        var o = options(statements: [], output: dir + "/laporan")
        o.exports = exports
        let r = try #require(ReportRunner.run(o).report)
        #expect(r.learners.first { $0.name == "Banu Prasetyo" }?.jp == 2)
    }
}
