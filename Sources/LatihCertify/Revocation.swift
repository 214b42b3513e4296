import Foundation
import LatihContent
import LatihCredentials
import LatihDiagnostics
import LatihOutput
import LatihReport
import LatihSite

/// What `latih certify revoke` changes, and with what.
public struct RevokeOptions: Sendable {
    public var ids: [String]
    public var keyPath: String
    public var build: BuildOptions
    /// The folder `latih certify issue` wrote, whose ledger finds each id's index.
    public var certificates: String
    public var reason: String
    public var now: Double

    public init(ids: [String], keyPath: String, build: BuildOptions, certificates: String = "certificates", reason: String = "",
                now: Double = Date().timeIntervalSince1970) {
        (self.ids, self.keyPath, self.build, self.certificates, self.reason, self.now) = (ids, keyPath, build, certificates, reason, now)
    }
}

/// Revokes credentials: sets their bits in the content's status list and signs it again,
/// and notes the revocation (and why) in the ledger. The next `latih build` publishes the
/// list, and every verification page from then on shows them as revoked.
public enum Revocation {
    public static func revoke(_ o: RevokeOptions) -> (revoked: [String], diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        let key: AgencyKey
        switch KeyFile.read(o.keyPath) {
        case .failure(let d): return ([], [d])
        case .success(let k): key = k
        }
        let (found, summaryDiags) = CatalogueSummary.read(o.build)
        diags += summaryDiags.filter { $0.severity == .error }
        guard let summary = found, !diags.hasErrors,
              let trust = Issuance.trust(summary, key: key, at: o.now, content: o.build.contentDir, diagnostics: &diags) else { return ([], diags) }
        let ledgerPath = o.certificates + "/" + Ledger.fileName
        guard let text = try? String(contentsOfFile: ledgerPath, encoding: .utf8) else {
            return ([], diags + [.error(.certifyLedgerUnreadable, SourceLocation(path: ledgerPath), "the ledger cannot be read",
                                        hint: "give the folder that `latih certify issue` wrote with --certificates")])
        }
        var (ledger, ledgerDiags) = Ledger.parse(text, path: ledgerPath)
        diags += ledgerDiags
        let statusPath = o.build.contentDir + "/" + ContentLoader.statusListFile
        var list = StatusList()
        if summary.statusListFile != nil {
            guard let l = StatusFile.read(statusPath, trust: trust, diagnostics: &diags) else { return ([], diags) }
            list = l
        }
        var revoked: [String] = []
        for id in o.ids {
            let full = id.hasPrefix("urn:uuid:") ? id : "urn:uuid:" + id
            guard let entry = ledger[full] else {
                diags.append(.error(.certifyUnknownID, SourceLocation(path: ledgerPath), "no certificate \(id) in the ledger"))
                continue
            }
            list.set(entry.statusIndex)
            if entry.revoked.isEmpty { ledger.revoke(full, at: DateTimeStamp.string(o.now), reason: o.reason) }
            revoked.append(full)
        }
        guard !diags.hasErrors else { return ([], diags) }
        if let d = StatusFile.write(list, to: statusPath, trust: trust, key: key, now: o.now) { return ([], diags + [d]) }
        do {
            try Data(ledger.csv.utf8).write(to: URL(fileURLWithPath: ledgerPath), options: .atomic)
        } catch {
            diags.append(.error(.certifyLedgerUnreadable, SourceLocation(path: ledgerPath), "cannot write the ledger: \(error.localizedDescription)",
                                hint: "the status list is revoked already; note the revocation in the ledger by hand"))
        }
        return (revoked, diags)
    }
}
