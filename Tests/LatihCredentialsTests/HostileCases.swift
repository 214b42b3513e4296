import Crypto
import LatihCompression
import Foundation
@testable import LatihCredentials
import LatihTestSupport
import Testing

/// Credentials that must be refused, each with its reason, in one table
/// (`Tests/vectors/credentials/hostile.json`) that the browser's verifier is held to as
/// well. The cases are made here, signed with a fixed test key (RFC 8032's first), so
/// that a tampered case differs from a valid one in the one way it names. Set
/// LATIH_RECORD=1 to write the table again.
enum HostileCases {
    static let now = DateTimeStamp.seconds("2026-12-07T00:00:00Z")!
    static var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")) }
    static var other: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")) }
    static var retired: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: unhex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")) }
    static let baseURL = "https://bpsdm.jakarta.go.id/latih/"
    static let issuer = OpenBadge.Issuer(id: TrustList.issuerID(baseURL: baseURL), name: "BPSDM Provinsi DKI Jakarta", url: baseURL)
    static let trust = TrustList(issuer: issuer, keys: [
        .init(publicKeyMultibase: Multikey.encodePublic(key.publicKey), from: "2026-01-01"),
        .init(publicKeyMultibase: Multikey.encodePublic(retired.publicKey), from: "2024-01-01", until: "2025-12-31"),
    ], statusList: baseURL + "verifikasi/status.json")
    static let revokedIndex = 4821

    static func badge(index: Int = 73, validFrom: String = "2026-03-02T09:30:00Z", name: String = "Ani Lestari") -> OpenBadge {
        OpenBadge(id: "urn:uuid:6b0d2f4e-1c7a-8e21-9c3d-5a1f0e7b2c44", issuer: issuer, learnerName: name, nip: "199001012015031001",
                  salt: "e75a3a03b6f8ef5d47f8cf6c333f8dbc",
                  achievement: .init(id: baseURL + "courses/keamanan-siber/", type: "Course", name: "Keamanan Siber untuk ASN",
                                     description: "Mengenali dan melaporkan ancaman siber.", narrative: "Catatan pembelajaran menunjukkan penyelesaian.",
                                     credits: 6.7),
                  creditsEarned: 6.7, validFrom: validFrom, statusList: trust.statusList, statusIndex: index)
    }

    static func sign(_ doc: JSONValue, with k: Curve25519.Signing.PrivateKey = key, created: String = "2026-12-01T08:00:00Z") -> JSONValue {
        try! DataIntegrity.sign(doc, key: k, verificationMethod: trust.verificationMethod(Multikey.encodePublic(k.publicKey)), created: created)
    }

    static func statusList(badSignature: Bool = false) -> JSONValue {
        var list = StatusList()
        list.set(revokedIndex)
        let signed = sign(list.credential(url: trust.statusList, issuer: issuer, validFrom: "2026-12-05T00:00:00Z"))
        guard badSignature else { return signed }
        var bits = StatusList()
        bits.set(revokedIndex)
        bits.set(99)
        return signed.setting("credentialSubject", signed["credentialSubject"]!.setting("encodedList", .string(bits.encoded)))
    }

    /// (name, input, status list: "good", "bad" or "none", verdict, reason or "").
    static func cases() -> [(String, String, String, String, String)] {
        let valid = sign(badge().json)
        let text = { (v: JSONValue) in CanonicalJSON.string(v) }
        let proof = valid["proof"]!
        func withProof(_ key: String, _ value: JSONValue) -> String { text(valid.setting("proof", proof.setting(key, value))) }
        func subject(_ key: String, _ value: JSONValue) -> String {
            text(valid.setting("credentialSubject", valid["credentialSubject"]!.setting(key, value)))
        }
        let identifier = valid["credentialSubject"]!["identifier"]!.array![0]
        let pv = proof["proofValue"]!.string!
        var flipped = Array(pv)
        flipped[20] = flipped[20] == "a" ? "b" : "a"
        let sigBytes = Multibase.decodeBase58(pv)!
        let unknownKey = try! DataIntegrity.sign(badge().json, key: other, verificationMethod: trust.verificationMethod(Multikey.encodePublic(other.publicKey)),
                                                 created: "2026-12-01T08:00:00Z")
        let secretPrefix = Multibase.base58([0x80, 0x26] + Array(key.rawRepresentation))
        let shortKey = Multibase.base58([0xED, 0x01] + Array(key.publicKey.rawRepresentation.prefix(31)))
        let bomb = "v1." + Base64URL.encode(LatihCompressionBridge.deflate([UInt8](repeating: 0x20, count: 4 << 20)))
        let nfd = sign(badge(name: "Andre\u{301} Wijaya").json)
        let nfdAsNFC = text(nfd.setting("credentialSubject", nfd["credentialSubject"]!.setting("name", .string("Andr\u{E9} Wijaya"))))
        let twoProofs = text(valid.setting("proof", .array([proof, proof.setting("proofValue", .string("z" + String(repeating: "1", count: 10)))])))
        return [
            ("valid", text(valid), "good", "valid", ""),
            ("valid as a verification address", QRPayload.address(valid, baseURL: baseURL), "good", "valid", ""),
            ("valid, status list missing", text(valid), "none", "valid-unchecked", "status.missing"),
            ("valid, NFD name signed as NFD", text(nfd), "good", "valid", ""),
            ("tampered name", subject("name", .string("Ani Lestary")), "good", "invalid", "proof-signature"),
            ("tampered NIP hash", subject("identifier", .array([identifier.setting("identityHash", .string("sha256$" + String(repeating: "0", count: 64)))])), "good", "invalid", "proof-signature"),
            ("tampered salt", subject("identifier", .array([identifier.setting("salt", .string("00"))])), "good", "invalid", "proof-signature"),
            ("tampered JP", subject("creditsEarned", .number(67)), "good", "invalid", "proof-signature"),
            ("tampered course", subject("achievement", valid["credentialSubject"]!["achievement"]!.setting("name", .string("Kepemimpinan"))), "good", "invalid", "proof-signature"),
            ("tampered validFrom", text(valid.setting("validFrom", .string("2026-01-02T09:30:00Z"))), "good", "invalid", "proof-signature"),
            ("tampered issuer name", text(valid.setting("issuer", valid["issuer"]!.setting("name", .string("BPSDM Palsu")))), "good", "invalid", "proof-signature"),
            ("a field added", text(valid.setting("evidence", .string("https://contoh.example/"))), "good", "invalid", "proof-signature"),
            ("credentialStatus removed", text(valid.removing("credentialStatus")), "good", "invalid", "format.status"),
            ("@context reordered", text(valid.setting("@context", .array(OpenBadge.contexts.reversed().map(JSONValue.string)))), "good", "invalid", "format.context"),
            ("NFD name presented as NFC", nfdAsNFC, "good", "invalid", "proof-signature"),
            ("proof created changed", withProof("created", .string("2026-12-02T08:00:00Z")), "good", "invalid", "proof-signature"),
            ("proof verificationMethod changed", withProof("verificationMethod", .string("did:web:contoh.example#" + Multikey.encodePublic(key.publicKey))), "good", "invalid", "issuer.method"),
            ("proof purpose changed", withProof("proofPurpose", .string("authentication")), "good", "invalid", "proof-purpose"),
            ("proof cryptosuite changed", withProof("cryptosuite", .string("eddsa-rdfc-2022")), "good", "invalid", "proof-cryptosuite"),
            ("proofValue with a flipped character", withProof("proofValue", .string(String(flipped))), "good", "invalid", "proof-signature"),
            ("proofValue truncated", withProof("proofValue", .string(String(pv.dropLast(5)))), "good", "invalid", "proof-value"),
            ("proofValue with a character outside base58", withProof("proofValue", .string(String(pv.prefix(10)) + "0" + String(pv.dropFirst(11)))), "good", "invalid", "proof-value"),
            ("proofValue 65 bytes", withProof("proofValue", .string(Multibase.base58(sigBytes + [1]))), "good", "invalid", "proof-value"),
            ("proofValue without its multibase prefix", withProof("proofValue", .string(String(pv.dropFirst()))), "good", "invalid", "proof-value"),
            ("two proofs, one bogus", twoProofs, "good", "invalid", "proof-several"),
            ("proof missing", text(valid.removing("proof")), "good", "invalid", "proof-missing"),
            ("signed by a key the trust list lacks", text(unknownKey), "good", "invalid", "issuer.key-unknown"),
            ("another issuer", text(sign(badge().json.setting("issuer", valid["issuer"]!.setting("id", .string("did:web:palsu.example")))).setting("issuer", valid["issuer"]!.setting("id", .string("did:web:palsu.example")))), "good", "invalid", "issuer.unknown"),
            ("a trusted key outside its window", text(sign(badge().json, with: retired)), "good", "invalid", "issuer.key-window"),
            ("a key with the secret key's prefix", withProof("verificationMethod", .string(issuer.id + "#" + secretPrefix)), "good", "invalid", "issuer.key-invalid"),
            ("a key of 31 bytes", withProof("verificationMethod", .string(issuer.id + "#" + shortKey)), "good", "invalid", "issuer.key-invalid"),
            ("revoked", text(sign(badge(index: revokedIndex).json)), "good", "revoked", "status.revoked"),
            ("status list with a bad signature", text(valid), "bad", "valid-unchecked", "status.list-signature"),
            ("status index out of range", text(sign(badge(index: 200_000).json)), "good", "invalid", "status.range"),
            ("expired", text(sign(badge().json.setting("validUntil", .string("2026-06-30T23:59:59Z")))), "good", "expired", "period.expired"),
            ("not yet valid", text(sign(badge(validFrom: "2027-01-01T00:00:00Z").json)), "good", "not-yet-valid", "period.not-yet-valid"),
            ("validFrom not a dateTime", text(sign(badge(validFrom: "2 Maret 2026").json)), "good", "invalid", "period.bad-date"),
            ("not JSON", "ini bukan sertifikat", "good", "invalid", "input.not-a-credential"),
            ("a JSON array", "[1,2]", "good", "invalid", "format.not-an-object"),
            ("empty", "   ", "good", "invalid", "input.empty"),
            ("an empty fragment", baseURL + "verifikasi/#v1.", "good", "invalid", "input.empty"),
            ("a truncated fragment", String(QRPayload.address(valid, baseURL: baseURL).dropLast(40)), "good", "invalid", "input.bad-payload"),
            ("a fragment that is not base64url", baseURL + "verifikasi/#v1.abc$def", "good", "invalid", "input.bad-encoding"),
            ("an unknown v2. prefix", baseURL + "verifikasi/#v2.AAAA", "good", "invalid", "input.unknown-version"),
            ("a DEFLATE bomb", bomb, "good", "invalid", "input.bad-payload"),
            ("duplicate keys", "{\"name\":\"A\",\"name\":\"B\"}", "good", "invalid", "json.duplicate-key"),
            ("a lone surrogate", "{\"name\":\"\\ud800\"}", "good", "invalid", "json.lone-surrogate"),
            ("a number beyond 2^53", "{\"creditsEarned\":9007199254740993}", "good", "invalid", "json.number-range"),
            ("a __proto__ key", "{\"__proto__\":{\"isAdmin\":true}}", "good", "invalid", "json.reserved-key"),
            ("nesting 10,000 deep", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), "good", "invalid", "json.too-deep"),
            ("HTML and script in every field, signed", text(sign(badge(name: "<img src=x onerror=alert(1)><script>alert(2)</script>").json)), "good", "valid", ""),
        ]
    }

    static var table: JSONValue {
        .object([
            ("now", .string(DateTimeStamp.string(now))),
            ("trust", trust.json),
            ("statusLists", .object([("good", statusList()), ("bad", statusList(badSignature: true))])),
            ("cases", .array(cases().map { c in
                .object([("name", .string(c.0)), ("input", .string(c.1)), ("statusList", .string(c.2)), ("verdict", .string(c.3)), ("reason", .string(c.4))])
            })),
        ])
    }
}

/// The LatihCompression calls the cases need, kept apart from the table's code.
enum LatihCompressionBridge {
    static func deflate(_ bytes: [UInt8]) -> [UInt8] { Deflate.compress(bytes, level: 12) }
}

@Suite struct HostileCredentials {
    let path = vectors + "/hostile.json"

    @Test func theTableIsTheCasesAsMadeNow() throws {
        let made = PrettyJSON.string(HostileCases.table)
        if ProcessInfo.processInfo.environment["LATIH_RECORD"] != nil {
            try made.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == made, "run LATIH_RECORD=1 swift test to write the table again")
    }

    @Test func everyCaseGetsItsVerdictAndReason() throws {
        let table = try jsonFile("hostile.json")
        let trustJSON = try #require(table["trust"]), nowText = try #require(table["now"]?.string)
        let trust = try #require(TrustList(json: trustJSON))
        let now = try #require(DateTimeStamp.seconds(nowText))
        let cases = try #require(table["cases"]?.array)
        #expect(cases.count >= 50)
        for c in cases {
            let list = table["statusLists"]?[c["statusList"]?.string ?? ""]
            let input = try #require(c["input"]?.string)
            let v = CredentialVerifier.verify(input, trust: trust, statusList: list, now: now)
            #expect(v.verdict.rawValue == c["verdict"]?.string, "\(c["name"]?.string ?? "")")
            #expect((v.reason ?? "") == c["reason"]?.string, "\(c["name"]?.string ?? ""): \(v.checks)")
            // Nothing of a credential is fact until its proof verified.
            let beforeProof = ["input", "json", "format", "issuer", "proof"].contains { (v.reason ?? "").hasPrefix($0) }
            #expect((v.credential == nil) == beforeProof, "\(c["name"]?.string ?? "")")
        }
    }

    @Test func tenMegabytesAreRefusedUnread() {
        let big = "{\"name\":\"" + String(repeating: "a", count: 10 << 20) + "\"}"
        let v = CredentialVerifier.verify(big, trust: HostileCases.trust, statusList: nil, now: HostileCases.now)
        #expect(v.reason == "json.too-large")
    }
}
