import Crypto
import Foundation
import LatihCredentials
import LatihDiagnostics
import LatihOutput
#if canImport(Glibc)
import Glibc
#endif

/// The agency's signing key: an Ed25519 key pair as a Multikey JSON file, readable by its
/// owner alone. It signs every certificate, so it is kept away from everything Latih
/// publishes: never inside the content, the theme, a built site or a repository.
/// Immutable once read (swift-crypto's key types are not marked Sendable).
public struct AgencyKey: @unchecked Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public let name: String
    public var publicKeyMultibase: String { Multikey.encodePublic(privateKey.publicKey) }
}

public enum KeyFile {
    /// Why `path` is no place for a secret key, or nil.
    public static func refusal(_ path: String, protecting: [String]) -> Diagnostic? {
        let full = OutputFolder.absolute(path)
        let loc = SourceLocation(path: path)
        for p in protecting.map(OutputFolder.absolute) where full == p || full.hasPrefix(p + "/") {
            return .error(.keyRefused, loc, "refusing to keep the signing key inside \(p)",
                          hint: "the next build or commit could publish it; keep it outside the catalogue, e.g. in your home folder")
        }
        var folder = (full as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            if FileManager.default.fileExists(atPath: folder + "/" + OutputKind.site.marker) {
                return .error(.keyRefused, loc, "refusing to keep the signing key inside the published site \(folder)")
            }
            if FileManager.default.fileExists(atPath: folder + "/.git") {
                return .error(.keyRefused, loc, "refusing to keep the signing key inside the repository \(folder)",
                              hint: "a commit would copy it to every clone; keep it outside, e.g. in your home folder")
            }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Makes a new key at `path` (mode 0600, never over an existing file) for `name`.
    public static func create(_ path: String, name: String, protecting: [String], now: Double) -> Result<AgencyKey, Diagnostic> {
        if let refusal = refusal(path, protecting: protecting) { return .failure(refusal) }
        let key = AgencyKey(privateKey: Curve25519.Signing.PrivateKey(), name: name)
        let json: JSONValue = .object([
            ("type", .string("Multikey")),
            ("name", .string(name)),
            ("created", .string(DateTimeStamp.string(now))),
            ("publicKeyMultibase", .string(key.publicKeyMultibase)),
            ("secretKeyMultibase", .string(Multikey.encodeSecret(key.privateKey))),
        ])
        let bytes = Array(PrettyJSON.string(json).utf8)
        // O_EXCL: an existing file, even one made a moment ago, is never replaced.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "file exists; refusing to overwrite a key" : String(cString: strerror(errno))
            return .failure(.error(.keyUnwritable, SourceLocation(path: path), why,
                                   hint: errno == EEXIST ? "a key that signed certificates must be kept; choose another --output" : nil))
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0, bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count, fsync(fd) == 0 else {
            return .failure(.error(.keyUnwritable, SourceLocation(path: path), String(cString: strerror(errno))))
        }
        return .success(key)
    }

    /// Reads the key at `path`, refusing one that its group or others could read.
    public static func read(_ path: String) -> Result<AgencyKey, Diagnostic> {
        let loc = SourceLocation(path: path)
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(.error(.keyUnreadable, loc, "signing key cannot be read")) }
        if st.st_mode & 0o077 != 0 {
            return .failure(.error(.keyExposed, loc, String(format: "signing key can be read by others (mode %o); refusing to use it", st.st_mode & 0o777),
                                   hint: "run `chmod 600 \(path)`, and think about who may have copied it; if anyone did, make a new key and retire this one"))
        }
        guard let data = FileManager.default.contents(atPath: path), let json = try? StrictJSON.parse(Array(data)),
              let secret = json["secretKeyMultibase"]?.string else {
            return .failure(.error(.keyUnreadable, loc, "not a signing key made by `latih certify key`"))
        }
        switch Multikey.decodeSecret(secret) {
        case .failure: return .failure(.error(.keyUnreadable, loc, "secretKeyMultibase is not an Ed25519 secret key"))
        case .success(let k):
            let key = AgencyKey(privateKey: k, name: json["name"]?.string ?? "")
            if let pub = json["publicKeyMultibase"]?.string, pub != key.publicKeyMultibase {
                return .failure(.error(.keyUnreadable, loc, "the file's public key does not belong to its secret key"))
            }
            return .success(key)
        }
    }
}
