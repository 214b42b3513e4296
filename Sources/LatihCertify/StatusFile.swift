import Foundation
import LatihCredentials
import LatihDiagnostics

/// `content/certificates/status.json`: the agency's revocation list, signed, kept in the
/// content so that the next `latih build` publishes it (and embeds it in the verification
/// page). It holds no personal data: only bits at random indexes.
enum StatusFile {
    /// The list at `path`, if its signature is by a key the trust list holds.
    static func read(_ path: String, trust: TrustList, diagnostics: inout [Diagnostic]) -> StatusList? {
        let loc = SourceLocation(path: path)
        guard let data = FileManager.default.contents(atPath: path), let json = try? StrictJSON.parse(Array(data)) else {
            diagnostics.append(.error(.certifyStatusList, loc, "the status list cannot be read"))
            return nil
        }
        guard CredentialVerifier.isSigned(json, trust: trust) else {
            diagnostics.append(.error(.certifyStatusList, loc, "the status list is not signed by a key in certificate-keys",
                                      hint: "it may have been edited by hand; restore it from a backup, since revocations are recorded in it"))
            return nil
        }
        guard let encoded = json["credentialSubject"]?["encodedList"]?.string, case .success(let list) = StatusList.decode(encoded) else {
            diagnostics.append(.error(.certifyStatusList, loc, "the status list's encodedList cannot be read"))
            return nil
        }
        return list
    }

    /// Writes `list`, signed at `now`, in place of the file at `path` (atomically).
    static func write(_ list: StatusList, to path: String, trust: TrustList, key: AgencyKey, now: Double) -> Diagnostic? {
        let created = DateTimeStamp.string(now)
        let unsigned = list.credential(url: trust.statusList, issuer: trust.issuer, validFrom: created)
        do {
            let signed = try DataIntegrity.sign(unsigned, key: key.privateKey, verificationMethod: trust.verificationMethod(key.publicKeyMultibase),
                                                created: created)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(PrettyJSON.string(signed).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return .error(.certifyWriteFailed, SourceLocation(path: path), "cannot write the status list: \(error.localizedDescription)")
        }
    }
}
