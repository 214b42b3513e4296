import Crypto
import Foundation
import LatihContent
import LatihCredentials
import LatihDiagnostics
import LatihOutput
import LatihParallel
import LatihRender
import LatihReport
import LatihSite

/// What `latih certify issue` reads and where it writes.
public struct IssueOptions: Sendable {
    /// The catalogue, the year, the roster and the records, as `latih report` reads them.
    public var records: ReportOptions
    public var keyPath: String
    public var output: String
    /// The time of issue (seconds since 1970); the tests fix it.
    public var now: Double

    public init(records: ReportOptions, keyPath: String, output: String = "certificates", now: Double = Date().timeIntervalSince1970) {
        (self.records, self.keyPath, self.output, self.now) = (records, keyPath, output, now)
    }
}

public struct IssueResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Credentials in the folder, and how many of them this run added.
    public var credentials = 0
    public var added = 0
    public var people = 0
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Issues the certificates that a year's records prove: one per learner and course
/// completed in the year, and one per learner who reached the year's JP target. Each is
/// an Open Badge signed with the agency's key (`<nip>/<id>.json`) and a printable page
/// with its QR code (`<nip>/<id>.html`), and the ledger lists them. Issuing again from the
/// same records gives the same files: a credential's id, salt, status index and issue
/// time are kept, so its bytes are too.
public enum Issuance {
    public static func issue(_ o: IssueOptions) -> IssueResult {
        var result = IssueResult()
        let content = o.records.build.contentDir, templates = o.records.build.templatesDir
        let folder = OutputFolder(path: o.output, kind: .certificates)
        if let refusal = folder.refusal(protecting: [content, templates]) { result.diagnostics = [refusal]; return result }
        let key: AgencyKey
        switch KeyFile.read(o.keyPath) {
        case .failure(let d): result.diagnostics = [d]; return result
        case .success(let k): key = k
        }
        let (found, diags) = ReportRunner.achievements(o.records)
        result.diagnostics += diags
        guard let achievements = found else { return result }
        let summary = achievements.catalogue
        // The theme the catalogue was read with (and checked).
        let theme = summary.theme
        guard let trust = Self.trust(summary, key: key, at: o.now, content: content, diagnostics: &result.diagnostics),
              let theme, !result.diagnostics.hasErrors else { return result }

        // The status list: kept in the content, where the build publishes it.
        var status = StatusList()
        let statusPath = content + "/" + ContentLoader.statusListFile
        if summary.statusListFile != nil {
            guard let list = StatusFile.read(statusPath, trust: trust, diagnostics: &result.diagnostics) else { return result }
            status = list
        }
        var ledger = Ledger()
        let ledgerPath = o.output + "/" + Ledger.fileName
        if FileManager.default.fileExists(atPath: o.output + "/" + OutputKind.certificates.marker),
           let text = try? String(contentsOfFile: ledgerPath, encoding: .utf8) {
            let (l, d) = Ledger.parse(text, path: ledgerPath)
            result.diagnostics += d
            ledger = l
        }
        guard !result.diagnostics.hasErrors else { return result }

        let strings = theme.strings
        var used = ledger.usedIndexes.union(status.setIndexes)
        var generator = SystemRandomNumberGenerator()
        var planned: [(badge: OpenBadge, issued: String, base: String)] = []
        let words = Wording(strings: strings, agency: trust.issuer.name, year: achievements.year, target: achievements.targetJP)
        for learner in achievements.learners {
            guard let nip = learner.nip else {
                if !learner.courses.isEmpty || learner.targetReachedAt != nil {
                    result.diagnostics.append(.warning(.certifyNoNIP, SourceLocation(path: o.records.roster ?? o.records.statements.first ?? content),
                                                       "\(learner.name) (\(learner.id)) has no NIP; no certificate is issued",
                                                       hint: "add them to the roster (--roster) with their NIP and email"))
                }
                continue
            }
            var earned: [(OpenBadge.Achievement, Double, Double)] = learner.courses.map { c in
                (OpenBadge.Achievement(id: c.activityID, type: "Course", name: c.title, description: c.summary.isEmpty ? c.title : c.summary,
                                       narrative: words.courseNarrative, credits: c.jp), c.jp, c.completedAt)
            }
            if let at = learner.targetReachedAt {
                earned.append((words.target(baseURL: trust.issuer.url), learner.jp, at))
            }
            if !earned.isEmpty { result.people += 1 }
            for (achievement, credits, at) in earned {
                let id = Self.credentialID(issuer: trust.issuer.id, nip: nip, achievement: achievement.id, year: achievements.year)
                let previous = ledger[id]
                let index: Int
                if let previous { index = previous.statusIndex } else {
                    guard used.count < StatusList.size else {
                        result.diagnostics.append(.error(.certifyStatusList, SourceLocation(path: statusPath),
                                                         "the status list has no free index for another certificate (it holds \(StatusList.size))",
                                                         hint: "a status list this full needs a second list, which Latih does not write yet"))
                        return result
                    }
                    var i: Int
                    repeat { i = Int.random(in: 0..<StatusList.size, using: &generator) } while used.contains(i)
                    used.insert(i)
                    index = i
                    result.added += 1
                }
                let issued = previous?.issued ?? DateTimeStamp.string(o.now)
                let badge = OpenBadge(id: id, issuer: trust.issuer, learnerName: learner.name, nip: nip, salt: Self.salt(id, key: key),
                                      achievement: achievement, creditsEarned: credits, validFrom: previous?.validFrom ?? DateTimeStamp.string(at),
                                      statusList: trust.statusList, statusIndex: index)
                ledger.add(Ledger.Entry(id: id, statusIndex: index, nip: nip, name: learner.name, achievement: achievement.name, jp: credits,
                                        validFrom: badge.validFrom, issued: issued, revoked: previous?.revoked ?? "", reason: previous?.reason ?? ""))
                planned.append((badge, issued, Self.safeName(nip) + "/" + String(id.dropFirst("urn:uuid:".count))))
            }
        }
        result.credentials = ledger.entries.count
        if summary.statusListFile == nil,
           let d = StatusFile.write(status, to: statusPath, trust: trust, key: key, now: o.now) { result.diagnostics.append(d); return result }
        // Signing, the QR code and the page are each certificate's own: made on every core
        // and written as made, so that a year's pages are never all in memory.
        let library = theme.library, method = trust.verificationMethod(key.publicKeyMultibase), language = summary.language
        do {
            try folder.replace(protecting: [content, templates]) { staging in
                try OutputFolder.makeFolders(for: planned.map(\.base), in: staging)
                let failed = planned.parallelMap { p -> String? in
                    guard let signed = try? DataIntegrity.sign(p.badge.json, key: key.privateKey, verificationMethod: method, created: p.issued) else {
                        return "the key cannot sign"
                    }
                    let values = CertificatePage.values(p.badge, signed: signed, words: words, language: language)
                    let page = Data((library.render(values, withTemplate: "issued-certificate") ?? "").utf8)
                    do {
                        try Data(PrettyJSON.string(signed).utf8).write(to: URL(fileURLWithPath: staging + "/" + p.base + ".json"))
                        try page.write(to: URL(fileURLWithPath: staging + "/" + p.base + ".html"))
                        return nil
                    } catch {
                        return "cannot write \(p.base): \(error.localizedDescription)"
                    }
                }
                if let why = failed.lazy.compactMap({ $0 }).first { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: why]) }
                try Data(ledger.csv.utf8).write(to: URL(fileURLWithPath: staging + "/" + Ledger.fileName))
            }
        } catch {
            result.diagnostics.append(folder.diagnostic(error))
        }
        result.diagnostics.sort()
        return result
    }

    /// The issuer and keys that `site.conf` publishes, with `key` among them and allowed
    /// to sign at `now`; nil with the reason otherwise.
    static func trust(_ summary: CatalogueSummary, key: AgencyKey, at now: Double, content: String,
                      diagnostics: inout [Diagnostic]) -> TrustList? {
        let conf = SourceLocation(path: content + "/site.conf")
        guard summary.baseURL != nil else {
            diagnostics.append(.error(.certifyNoBaseURL, conf, "certificates need the site's base-url",
                                      hint: "add `base-url: https://…/` to site.conf: it names the issuer and the address the QR code opens"))
            return nil
        }
        guard let trust = Verifying.trustList(summary) else {
            diagnostics.append(.error(.certifyKeyNotListed, conf, "site.conf lists no certificate-keys",
                                      hint: "add `certificate-keys: \(key.publicKeyMultibase)` to site.conf (and rebuild the site)"))
            return nil
        }
        guard let listed = trust.keys.first(where: { $0.publicKeyMultibase == key.publicKeyMultibase }), listed.allows(now) else {
            diagnostics.append(.error(.certifyKeyNotListed, conf, "the signing key is not listed in certificate-keys for today",
                                      hint: "add `certificate-keys: \(key.publicKeyMultibase)` to site.conf (and rebuild the site), or extend its window"))
            return nil
        }
        return trust
    }

    /// A stable id for one learner's achievement in one year: a name-based UUID (version
    /// 8, from SHA-256) of the issuer, the NIP, the achievement and the year.
    static func credentialID(issuer: String, nip: String, achievement: String, year: Int) -> String {
        var b = Array(SHA256.hash(data: Data("\(issuer)|\(nip)|\(achievement)|\(year)".utf8)).prefix(16))
        b[6] = b[6] & 0x0F | 0x80
        b[8] = b[8] & 0x3F | 0x80
        let h = b.map { String(format: "%02x", $0) }.joined()
        let p = Array(h)
        return "urn:uuid:" + [String(p[0..<8]), String(p[8..<12]), String(p[12..<16]), String(p[16..<20]), String(p[20..<32])].joined(separator: "-")
    }

    /// The salt of a credential's NIP hash: derived from the key and the id, so that it is
    /// the same on every issue and cannot be guessed without the key.
    static func salt(_ id: String, key: AgencyKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: key.privateKey.rawRepresentation))
        return Array(mac).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// A NIP as a folder name: digits stay, anything else becomes `_`.
    static func safeName(_ nip: String) -> String {
        String(nip.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" })
    }
}
