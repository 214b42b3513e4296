import Foundation
import LatihContent
import LatihCredentials
import LatihDiagnostics
import LatihReport
import LatihSite

/// `latih certify verify`: the site's verification rules, run against what a built site
/// publishes (its trust and status lists) or what a catalogue's content says.
public enum Verifying {
    public enum Trust: Sendable {
        /// A built site's `verifikasi/trust.json` and `verifikasi/status.json`.
        case site(String)
        case content(BuildOptions)
    }

    /// The verification of `input` (a credential's file, its JSON, or a verification
    /// address), or the diagnostics that stopped it.
    public static func verify(_ input: String, trust: Trust, now: Double = Date().timeIntervalSince1970)
        -> (CredentialVerifier.Verification?, [Diagnostic]) {
        var text = input
        if FileManager.default.fileExists(atPath: input) {
            guard let data = FileManager.default.contents(atPath: input), data.count <= StrictJSON.maxBytes else {
                var v = CredentialVerifier.Verification()
                v.checks = [(.input, .failed("input.too-large"))]
                return (v, [])
            }
            text = String(decoding: data, as: UTF8.self)
        }
        switch trust {
        case .site(let site):
            let trustPath = site + "/" + SiteRoutes.trustList
            guard let data = FileManager.default.contents(atPath: trustPath), let json = try? StrictJSON.parse(Array(data)),
                  let list = TrustList(json: json) else {
                return (nil, [.error(.certifyStatusList, SourceLocation(path: trustPath), "the site publishes no trust list",
                                     hint: "build the site with certificate-keys in site.conf")])
            }
            let status = FileManager.default.contents(atPath: site + "/" + SiteRoutes.statusList).flatMap { try? StrictJSON.parse(Array($0)) }
            return (CredentialVerifier.verify(text, trust: list, statusList: status, now: now), [])
        case .content(let build):
            let (found, diags) = CatalogueSummary.read(build)
            guard let summary = found, let list = trustList(summary) else {
                return (nil, diags.filter { $0.severity == .error } + (found == nil ? [] : [
                    .error(.certifyNoBaseURL, SourceLocation(path: build.contentDir + "/site.conf"), "the catalogue has no base-url or certificate-keys")]))
            }
            let status = summary.statusListFile.flatMap { FileManager.default.contents(atPath: build.contentDir + "/" + $0) }
                .flatMap { try? StrictJSON.parse(Array($0)) }
            return (CredentialVerifier.verify(text, trust: list, statusList: status, now: now), [])
        }
    }

    /// The trust list that a catalogue publishes, or nil without a base-url or keys.
    public static func trustList(_ summary: CatalogueSummary) -> TrustList? {
        guard let base = summary.baseURL, !summary.certificateKeys.isEmpty else { return nil }
        return TrustList(site: base, issuerName: summary.certificateIssuer, keys: summary.certificateKeys, statusListPath: SiteRoutes.statusList)
    }
}
