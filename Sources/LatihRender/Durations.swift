/// Writes minutes the way people say them: "1 jam 30 menit", "45 menit" (or "1 h 30 min").
public func formatMinutes(_ minutes: Int, strings: [String: String]) -> String {
    guard minutes > 0 else { return "" }
    let h = minutes / 60, m = minutes % 60
    let hu = strings["unit-hours"] ?? "jam", mu = strings["unit-minutes"] ?? "menit"
    switch (h, m) {
    case (0, _): return "\(m) \(mu)"
    case (_, 0): return "\(h) \(hu)"
    default: return "\(h) \(hu) \(m) \(mu)"
    }
}
