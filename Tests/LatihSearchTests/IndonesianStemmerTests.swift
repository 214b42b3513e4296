import Foundation
import Testing
@testable import LatihSearch

/// The shared table, also read by Tests/js/stem.test.js: both sides must agree.
let stemRows: [(String, String)] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("vectors/stems-id.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
        let parts = line.split(separator: "\t").map(String.init)
        return (parts[0], parts[1])
    }
}()

@Suite struct IndonesianStemmerTests {
    /// The corpus the table assumes: one that contains each expected stem as a word.
    static let corpus = Set(stemRows.map(\.1))

    @Test func tableIsLargeEnough() { #expect(stemRows.count >= 160) }

    @Test(arguments: stemRows)
    func stemsAsTheTableSays(_ word: String, _ stem: String) {
        let stemmer = IndonesianStemmer(isKnown: { Self.corpus.contains($0) })
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [("menulis", "tulis"), ("mengetahui", "tahu"), ("menangkap", "tangkap"), ("mengupas", "kupas"),
                      ("bertanya", "tanya"), ("pemrograman", "program"), ("pelatihan", "latih"), ("pembinaan", "bina"),
                      ("keterampilan", "terampil"), ("pelayanan", "layan"), ("digitalisasi", "digital"), ("buku-buku", "buku")])
    func snowballsMistakesComeOutRightWithNoCorpus(_ word: String, _ stem: String) {
        #expect(IndonesianStemmer().stem(word) == stem)
    }
}
