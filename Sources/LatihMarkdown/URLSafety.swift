/// Link schemes that can run script or smuggle content, and are never emitted.
let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]

/// Whether a link destination could run script when followed.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme
/// (`java\tscript:`), so those are removed before the comparison.
public func isDangerousURL(_ url: String) -> Bool {
    var scheme = ""
    for scalar in url.unicodeScalars {
        if scalar.value <= 0x20 { continue }
        if scalar == ":" { scheme.append(":"); break }
        if scalar == "/" || scalar == "?" || scalar == "#" { return false }
        scheme.unicodeScalars.append(scalar)
        if scheme.unicodeScalars.count > 32 { return false }
    }
    let lower = scheme.lowercased()
    return dangerousSchemes.contains(lower)
}
