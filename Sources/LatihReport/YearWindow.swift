/// The report's year: from 1 January 00:00 to the next, in Jakarta's time (WIB, UTC+7),
/// the time an agency's year runs on.
struct YearWindow: Sendable {
    let year: Int
    static let offset = 7 * 3600
    let start: Double
    let end: Double

    init(_ year: Int) {
        self.year = year
        start = Double(ISOTime.daysFromCivil(year, 1, 1) * 86400 - Self.offset)
        end = Double(ISOTime.daysFromCivil(year + 1, 1, 1) * 86400 - Self.offset)
    }

    func contains(_ t: Double) -> Bool { t >= start && t < end }

    /// The month (1–12) of `t`, in the year's time.
    func month(_ t: Double) -> Int { ISOTime.yearMonth(t, offset: Self.offset).1 }
}
