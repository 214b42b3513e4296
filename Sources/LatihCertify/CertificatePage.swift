import LatihCredentials
import LatihQR
import LatihRender

/// The interface strings a certificate is worded with, in the site's language.
struct Wording {
    let strings: [String: String]
    let agency: String
    let year: Int
    let target: Int

    func text(_ key: String) -> String {
        (strings[key] ?? key).replacingOccurrences(of: "{agency}", with: agency)
            .replacingOccurrences(of: "{year}", with: String(year)).replacingOccurrences(of: "{n}", with: String(target))
    }

    var courseNarrative: String { text("issued-narrative-course") }

    /// The year's target as an achievement of its own.
    func target(baseURL: String) -> OpenBadge.Achievement {
        OpenBadge.Achievement(id: baseURL + "jp/\(year)", type: "ext:AnnualLearningTarget", name: text("issued-target-name"),
                              description: text("issued-target-description"), narrative: text("issued-narrative-target"),
                              credits: Double(target))
    }

    /// `7 Desember 2026`: a time as a date in Jakarta (WIB), where the year is counted.
    func date(_ stamp: String) -> String {
        guard let t = DateTimeStamp.seconds(stamp) else { return stamp }
        let local = DateTimeStamp.string(t + 7 * 3600)
        let parts = local.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return String(local.prefix(10)) }
        return formatDate(year: parts[0], month: parts[1], day: parts[2], strings: ["months": text("months")])
    }
}

/// The values of a printable certificate (`issued-certificate.mustache`): what the
/// credential says, in words, with its QR code, which opens the site's verification page
/// with the credential in the address's fragment.
enum CertificatePage {
    static func values(_ badge: OpenBadge, signed: JSONValue, words: Wording, language: String) -> [String: Any] {
        let address = QRPayload.address(signed, baseURL: badge.issuer.url)
        let isTarget = badge.achievement.type != "Course"
        let certificate: [String: Any] = [
            "agency": badge.issuer.name,
            "lead": words.text("issued-course-lead"),
            "learner": badge.learnerName,
            "nip": badge.nip,
            "for": words.text(isTarget ? "issued-target-for" : "issued-course-for"),
            "achievement": badge.achievement.name,
            "jp": ECMAScriptNumber.string(badge.creditsEarned).replacingOccurrences(of: ".", with: language == "id" ? "," : "."),
            "date": words.date(badge.validFrom),
            "narrative": badge.achievement.narrative,
            "signed": words.text("issued-signed"),
            "number": badge.id,
            "qr": QRCode(address)?.svg(label: words.text("issued-qr-label")) ?? "",
            "verifyAddress": badge.issuer.url + "verifikasi/",
        ]
        return ["lang": language, "t": words.strings, "certificate": certificate]
    }
}
