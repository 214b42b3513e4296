import Foundation
import LatihTestSupport
import Testing
@testable import LatihRender

/// Dates as the pages write them, against the table the browser is held to, with the
/// month names of the theme's i18n files.
@Suite struct DatesTests {
    func months(_ language: String) throws -> String {
        let conf = try String(contentsOfFile: Repository.root + "/templates/i18n/\(language).conf", encoding: .utf8)
        let line = try #require(conf.split(separator: "\n").first { $0.hasPrefix("months:") })
        return line.dropFirst("months:".count).trimmingCharacters(in: .whitespaces)
    }

    @Test func datesReadAsTheTableSays() throws {
        let table = VectorTable("dates.tsv")
        #expect(table.rows.count >= 4)
        let id = ["months": try months("id")], en = ["months": try months("en")]
        for row in table.rows {
            let p = row[0].split(separator: "-").compactMap { Int($0) }
            #expect(formatDate(year: p[0], month: p[1], day: p[2], strings: id) == row[1], "\(row[0])")
            #expect(formatDate(year: p[0], month: p[1], day: p[2], strings: en) == row[2], "\(row[0])")
        }
    }
}
