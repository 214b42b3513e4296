import Crypto
import Foundation

/// The `eddsa-jcs-2022` cryptosuite of W3C Data Integrity EdDSA (REC, May 2025): the
/// proof options and the document (without its proof) each canonicalised by RFC 8785 and
/// hashed with SHA-256, the two hashes joined (proof options first) and signed with
/// Ed25519 as they are. It needs no JSON-LD processor and no network, which is what a page
/// that verifies offline from `file://` can do.
public enum DataIntegrity {
    public static let cryptosuite = "eddsa-jcs-2022"

    /// What is signed for `document` under `proofOptions` (a proof without `proofValue`).
    public static func hashData(document: JSONValue, proofOptions: JSONValue) -> [UInt8] {
        let proofHash = SHA256.hash(data: CanonicalJSON.bytes(proofOptions))
        let docHash = SHA256.hash(data: CanonicalJSON.bytes(document.removing("proof")))
        return Array(proofHash) + Array(docHash)
    }

    /// `document` with a proof by `key`, named `verificationMethod`, made at `created`.
    /// The proof repeats the document's `@context`, as the suite advises.
    public static func sign(_ document: JSONValue, key: Curve25519.Signing.PrivateKey, verificationMethod: String,
                            created: String) throws -> JSONValue {
        var options: JSONValue = .object([
            ("type", .string("DataIntegrityProof")),
            ("cryptosuite", .string(cryptosuite)),
            ("created", .string(created)),
            ("verificationMethod", .string(verificationMethod)),
            ("proofPurpose", .string("assertionMethod")),
        ])
        if let context = document["@context"] { options = options.setting("@context", context) }
        let unsigned = document.removing("proof")
        let signature = try key.signature(for: hashData(document: unsigned, proofOptions: options))
        return unsigned.setting("proof", options.setting("proofValue", .string(Multibase.base58(Array(signature)))))
    }

    /// Why a proof does not verify, in the order the checks run.
    public enum ProofProblem: String, Error, Sendable {
        case missing = "proof-missing"
        case several = "proof-several"
        case wrongType = "proof-type"
        case wrongSuite = "proof-cryptosuite"
        case wrongPurpose = "proof-purpose"
        case badCreated = "proof-created"
        case contextMismatch = "proof-context"
        case badValue = "proof-value"
        case badSignature = "proof-signature"
    }

    /// The one proof of `document`: a single object, or an array that holds exactly one.
    public static func proof(of document: JSONValue) -> Result<JSONValue, ProofProblem> {
        switch document["proof"] {
        case nil: return .failure(.missing)
        case .array(let proofs)?:
            guard proofs.count == 1, case .object = proofs[0] else { return .failure(proofs.isEmpty ? .missing : .several) }
            return .success(proofs[0])
        case .object?: return .success(document["proof"]!)
        default: return .failure(.wrongType)
        }
    }

    /// Checks `proof`'s fields, then its signature over `document` with `key`.
    public static func verify(_ document: JSONValue, proof: JSONValue, key: Curve25519.Signing.PublicKey) -> ProofProblem? {
        guard proof["type"]?.string == "DataIntegrityProof" else { return .wrongType }
        guard proof["cryptosuite"]?.string == cryptosuite else { return .wrongSuite }
        guard proof["proofPurpose"]?.string == "assertionMethod" else { return .wrongPurpose }
        if let created = proof["created"] {
            guard let text = created.string, DateTimeStamp.seconds(text) != nil else { return .badCreated }
        }
        var document = document.removing("proof")
        // The proof's context must begin the document's, in order; the document is then
        // read with the proof's.
        if let proofContext = proof["@context"] {
            guard let p = proofContext.array, let d = document["@context"]?.array, d.starts(with: p) else { return .contextMismatch }
            document = document.setting("@context", proofContext)
        }
        guard let value = proof["proofValue"]?.string, let signature = Multibase.decodeBase58(value), signature.count == 64 else {
            return .badValue
        }
        let data = hashData(document: document, proofOptions: proof.removing("proofValue"))
        return key.isValidSignature(signature, for: data) ? nil : .badSignature
    }
}
