import Crypto
import LatihCompression

/// A W3C Bitstring Status List (REC, May 2025) for revocation: a credential of its own,
/// signed like the certificates, whose `encodedList` is the bitstring gzipped and written
/// as multibase base64url. Bit `i` (most significant bit of byte 0 first) set means the
/// credential at index `i` is revoked.
public struct StatusList: Sendable, Equatable {
    /// The spec's minimum: 16 KB of bits, so that a list does not narrow down who is who.
    public static let size = 131_072
    /// The most a gzipped list may inflate to (a larger list would be refused).
    static let maxBytes = 1 << 20

    public private(set) var bits: [UInt8]

    public init() { bits = [UInt8](repeating: 0, count: Self.size / 8) }

    init(bits: [UInt8]) { self.bits = bits }

    public var count: Int { bits.count * 8 }

    public func isSet(_ index: Int) -> Bool { bits[index / 8] & (0x80 >> UInt8(index % 8)) != 0 }

    public mutating func set(_ index: Int) { bits[index / 8] |= 0x80 >> UInt8(index % 8) }

    /// The indexes that are set.
    public var setIndexes: [Int] { (0..<count).filter(isSet) }

    public var encoded: String { Multibase.base64url(Deflate.compress(bits, level: 9, format: .gzip)) }

    /// Why a list cannot be read.
    public enum Problem: String, Error, Sendable {
        case notAList = "status.not-a-list"
        case tooShort = "status.too-short"
    }

    /// The list of an `encodedList`.
    public static func decode(_ encoded: String) -> Result<StatusList, Problem> {
        guard let gz = Multibase.decodeBase64url(encoded), let bits = Deflate.decompress(gz, format: .gzip, limit: maxBytes) else {
            return .failure(.notAList)
        }
        guard bits.count * 8 >= size else { return .failure(.tooShort) }
        return .success(StatusList(bits: bits))
    }

    /// The list as a `BitstringStatusListCredential` with id `url`, unsigned.
    public func credential(url: String, issuer: OpenBadge.Issuer, validFrom: String) -> JSONValue {
        .object([
            ("@context", .array([.string(OpenBadge.contexts[0])])),
            ("id", .string(url)),
            ("type", .array([.string("VerifiableCredential"), .string("BitstringStatusListCredential")])),
            ("issuer", .object([("id", .string(issuer.id)), ("type", .array([.string("Profile")])), ("name", .string(issuer.name))])),
            ("validFrom", .string(validFrom)),
            ("credentialSubject", .object([
                ("id", .string(url + "#list")),
                ("type", .string("BitstringStatusList")),
                ("statusPurpose", .string("revocation")),
                ("encodedList", .string(encoded)),
            ])),
        ])
    }
}
