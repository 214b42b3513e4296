/// Writes a calendar date the way every page writes one: `6 Desember 2026` (or
/// `6 December 2026`), with the month names of the language's `months` string. The browser
/// writes dates the same way (templates/assets/site/dom.js, `date`), held equal by
/// Tests/vectors/dates.tsv; an ISO date stays in the `datetime` attribute beside it.
public func formatDate(year: Int, month: Int, day: Int, strings: [String: String]) -> String {
    let months = (strings["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard months.count == 12, (1...12).contains(month) else {
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
    return "\(day) \(months[month - 1]) \(year)"
}
