import Crypto
import Foundation

/// Ed25519 keys as Multikey writes them (W3C Controlled Identifiers, vc-di-eddsa §2.1.1):
/// a multicodec prefix (0xed01 for a public key, 0x8026 for a secret seed) before the 32
/// key bytes, in multibase base58btc. A public key therefore always reads `z6Mk…`.
public enum Multikey {
    static let publicPrefix: [UInt8] = [0xED, 0x01]
    static let secretPrefix: [UInt8] = [0x80, 0x26]

    public static func encodePublic(_ key: Curve25519.Signing.PublicKey) -> String {
        Multibase.base58(publicPrefix + key.rawRepresentation)
    }

    public static func encodeSecret(_ key: Curve25519.Signing.PrivateKey) -> String {
        Multibase.base58(secretPrefix + key.rawRepresentation)
    }

    /// Why a `publicKeyMultibase` is not an Ed25519 public key.
    public enum KeyProblem: String, Error, Sendable {
        case notBase58 = "not-base58"
        case wrongPrefix = "wrong-prefix"
        case wrongLength = "wrong-length"
    }

    public static func decodePublic(_ text: String) -> Result<Curve25519.Signing.PublicKey, KeyProblem> {
        guard let bytes = Multibase.decodeBase58(text) else { return .failure(.notBase58) }
        guard bytes.starts(with: publicPrefix) else { return .failure(.wrongPrefix) }
        guard bytes.count == 34, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2)) else {
            return .failure(.wrongLength)
        }
        return .success(key)
    }

    public static func decodeSecret(_ text: String) -> Result<Curve25519.Signing.PrivateKey, KeyProblem> {
        guard let bytes = Multibase.decodeBase58(text) else { return .failure(.notBase58) }
        guard bytes.starts(with: secretPrefix) else { return .failure(.wrongPrefix) }
        guard bytes.count == 34, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes.dropFirst(2)) else {
            return .failure(.wrongLength)
        }
        return .success(key)
    }
}
