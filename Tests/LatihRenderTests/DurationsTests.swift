import LatihTestSupport
import Testing
@testable import LatihRender

/// Durations as the pages write them, against the table the browser is held to.
@Suite struct DurationsTests {
    @Test func minutesReadAsTheTableSays() {
        let table = VectorTable("durations.tsv")
        #expect(table.rows.count >= 6)
        let units = ["id": ["unit-hours": "jam", "unit-minutes": "menit"], "en": ["unit-hours": "h", "unit-minutes": "min"]]
        for row in table.rows {
            let minutes = Int(row[0]) ?? 0
            #expect(formatMinutes(minutes, strings: units["id"]!) == row[1], "\(minutes)")
            #expect(formatMinutes(minutes, strings: units["en"]!) == row[2], "\(minutes)")
        }
    }
}
