import Foundation
import LatihContent
import LatihCredentials
import LatihDiagnostics
import LatihRender

/// What a site publishes so that anyone can verify the agency's certificates offline: the
/// trust list (issuer and keys, from `site.conf`) and the signed status list (from
/// `content/certificates/status.json`), both embedded in the verification page and
/// published beside it, and the issuer's DID document where `did:web` resolves it.
struct VerificationFiles {
    var trustJSON = "null"
    var statusJSON = "null"
    var files: [OutputFile] = []
    var diagnostics: [Diagnostic] = []

    init(_ catalogue: Catalogue, contentDir: String) {
        let config = catalogue.config
        guard let base = config.baseURL, !config.certificateKeys.isEmpty else { return }
        let trust = TrustList(site: base, issuerName: config.certificateIssuer, keys: config.certificateKeys, statusListPath: SiteRoutes.statusList)
        trustJSON = scriptSafe(json: CanonicalJSON.bytes(trust.json))
        files.append(OutputFile(path: SiteRoutes.trustList, contents: PrettyJSON.string(trust.json)))
        if trust.issuer.id.hasPrefix("did:web:") {
            files.append(OutputFile(path: SiteRoutes.didDocument, contents: PrettyJSON.string(trust.didDocument)))
        }
        guard let file = catalogue.statusListFile else { return }
        let loc = SourceLocation(path: file)
        guard let data = FileManager.default.contents(atPath: contentDir + "/" + file),
              let list = try? StrictJSON.parse(Array(data)) else {
            diagnostics.append(.error(.certifyStatusList, loc, "the status list cannot be read"))
            return
        }
        guard CredentialVerifier.isSigned(list, trust: trust) else {
            diagnostics.append(.error(.certifyStatusList, loc, "the status list is not signed by a key in certificate-keys",
                                      hint: "it is written by `latih certify issue` and `revoke`; restore it rather than edit it"))
            return
        }
        statusJSON = scriptSafe(json: CanonicalJSON.bytes(list))
        files.append(OutputFile(path: SiteRoutes.statusList, contents: PrettyJSON.string(list)))
    }
}
