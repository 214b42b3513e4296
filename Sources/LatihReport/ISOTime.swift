import LatihCredentials

/// ISO 8601 times and durations as xAPI writes them, read by hand: a report reads a
/// million of them, and Foundation's ISO8601DateFormatter costs microseconds each and
/// accepts fewer of the forms LRSs write (fractions of any length, `±hh:mm`, `±hhmm`).
enum ISOTime {
    /// `2026-03-01T08:00:00.123Z` → seconds since 1970, or nil.
    static func seconds(_ s: String) -> Double? {
        let b = Array(s.utf8)
        func num(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= b.count else { return nil }
            var v = 0
            for i in from..<from + n {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard b.count >= 20, let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
              b[10] == 84 || b[10] == 116, let h = num(11, 2), b[13] == 58, let mi = num(14, 2), b[16] == 58, let sec = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            let sign = b[i] == 43 ? 1 : -1
            guard let oh = num(i + 1, 2) else { return nil }
            var om = 0
            if i + 3 < b.count, b[i + 3] == 58 { guard let m = num(i + 4, 2) else { return nil }; om = m; i += 6 }
            else if let m = num(i + 3, 2) { om = m; i += 5 } else { i += 3 }
            offset = sign * (oh * 3600 + om * 60)
        } else { return nil }
        guard i == b.count else { return nil }
        return Double(daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset) + fraction
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int { DateTimeStamp.daysFromCivil(y, m, d) }

    /// `PT1H2M3.5S`, `P1DT2H` → seconds, or nil. Years and months are not durations xAPI
    /// results use, and are refused.
    static func duration(_ s: String) -> Double? {
        var b = Substring(s)
        guard b.hasPrefix("P"), b.count > 1 else { return nil }
        b = b.dropFirst()
        var total = 0.0, inTime = false, number = "", any = false
        for c in b {
            if c == "T" { guard !inTime, number.isEmpty else { return nil }; inTime = true; continue }
            if c.isNumber || c == "." { number.append(c); continue }
            guard let v = Double(number) else { return nil }
            number = ""
            any = true
            switch (c, inTime) {
            case ("W", false): total += v * 604800
            case ("D", false): total += v * 86400
            case ("H", true): total += v * 3600
            case ("M", true): total += v * 60
            case ("S", true): total += v
            default: return nil
            }
        }
        return number.isEmpty && any ? total : nil
    }

    /// `seconds` as `2026-03-01T08:00:00Z` (whole seconds, UTC).
    static func string(_ seconds: Double) -> String { DateTimeStamp.string(seconds) }

    /// The calendar year and month (1–12) of `seconds`, at `offset` seconds from UTC.
    static func yearMonth(_ seconds: Double, offset: Int) -> (Int, Int) {
        let days = Int(((seconds + Double(offset)) / 86400).rounded(.down))
        let (y, m, _) = DateTimeStamp.civil(days)
        return (y, m)
    }
}
