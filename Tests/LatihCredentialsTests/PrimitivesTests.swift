import Crypto
import Foundation
@testable import LatihCredentials
import LatihTestSupport
import Testing

/// The vectors under Tests/vectors/credentials/, which the browser's verifier is held to
/// as well (Tests/js/credentials.test.js).
let vectors = Repository.root + "/Tests/vectors/credentials"

func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
func unhex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = s.startIndex
    while i < s.endIndex {
        let j = s.index(i, offsetBy: 2)
        out.append(UInt8(s[i..<j], radix: 16)!)
        i = j
    }
    return out
}

func jsonFile(_ name: String) throws -> JSONValue {
    // The tables hold many credentials, so they are larger than one credential may be.
    try StrictJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: vectors + "/" + name))), limit: 1 << 22)
}

@Suite struct CanonicalJSONVectors {
    @Test func numbersPrintAsECMAScriptPrintsThem() throws {
        let table = VectorTable("credentials/numbers.tsv")
        #expect(table.rows.count > 4000)
        for row in table.rows {
            let v = Double(bitPattern: UInt64(row[0], radix: 16)!)
            #expect(ECMAScriptNumber.string(v) == row[1], "\(row[0])")
        }
    }

    @Test func textsCanonicaliseAsRFC8785Says() throws {
        guard case .array(let cases) = try jsonFile("jcs.json") else { Issue.record("jcs.json is not an array"); return }
        #expect(cases.count >= 19)
        for c in cases {
            let input = try #require(c["input"]?.string), expected = try #require(c["canonical"]?.string)
            #expect(CanonicalJSON.string(try StrictJSON.parse(input)) == expected, "\(input)")
        }
    }

    @Test func keysSortByUTF16CodeUnits() throws {
        // U+E000 sorts after U+10000 (D800 DC00) in UTF-16, before it by code point.
        let v = try StrictJSON.parse("{\"\u{E000}\":1,\"\u{10000}\":2}")
        #expect(CanonicalJSON.string(v) == "{\"\u{10000}\":2,\"\u{E000}\":1}")
    }
}

@Suite struct StrictReading {
    @Test(arguments: [
        ("{\"name\":\"A\",\"name\":\"B\"}", StrictJSON.Reason.duplicateKey),
        ("{\"a\":\"\\ud800\"}", .loneSurrogate),
        ("{\"a\":\"\\udc00x\"}", .loneSurrogate),
        ("{\"a\":9007199254740993}", .numberRange),
        ("{\"a\":1e400}", .numberRange),
        ("{\"a\":-0}", .numberRange),
        ("{\"__proto__\":{}}", .reservedKey),
        ("{\"a\":1,}", .syntax),
        ("[1 2]", .syntax),
        ("{'a':1}", .syntax),
        ("", .syntax),
        ("{\"a\":\"x\"} tail", .syntax),
        ("{\"a\":01}", .syntax),
        ("{\"a\":\"\u{01}\"}", .syntax),
        ("NaN", .syntax),
    ])
    func refuses(_ text: String, _ reason: StrictJSON.Reason) {
        #expect(throws: StrictJSON.Failure.self) { try StrictJSON.parse(text) }
        do { _ = try StrictJSON.parse(text) } catch { #expect(error.reason == reason, "\(text)") }
    }

    @Test func refusesDeepNestingAndLargeInputWithoutRecursingThroughThem() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: StrictJSON.Failure(reason: .tooDeep, offset: 33)) { try StrictJSON.parse(deep) }
        let large = "\"" + String(repeating: "a", count: 10 << 20) + "\""
        #expect(throws: StrictJSON.Failure(reason: .tooLarge, offset: 0)) { try StrictJSON.parse(large) }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(throws: StrictJSON.Failure.self) { try StrictJSON.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func readsEscapesAndKeepsNFCAndNFDApart() throws {
        let v = try StrictJSON.parse("{\"a\":\"\\u00e9\\n\\/\\\"\",\"b\":\"e\\u0301\",\"c\":\"\\ud83d\\ude00\"}")
        #expect(v["a"]?.string == "é\n/\"")
        #expect(v["a"] != v["b"]) // Swift's String equality is canonical; JSONValue compares as the bytes do.
        #expect(v["c"]?.string == "😀")
    }
}

@Suite struct Ed25519AndMultikey {
    @Test func rfc8032Vectors() throws {
        for row in VectorTable("credentials/ed25519.tsv").rows {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: unhex(row[0]))
            #expect(hex(key.publicKey.rawRepresentation) == row[1])
            let signature = unhex(row[3])
            #expect(key.publicKey.isValidSignature(signature, for: unhex(row[2])))
            var flipped = signature
            flipped[5] ^= 1
            #expect(!key.publicKey.isValidSignature(flipped, for: unhex(row[2])))
        }
    }

    @Test func multikeyOfTheW3CVector() throws {
        let v = try jsonFile("eddsa-jcs-2022.json")
        let secret = try Multikey.decodeSecret(#require(v["secretKeyMultibase"]?.string)).get()
        #expect(Multikey.encodePublic(secret.publicKey) == v["publicKeyMultibase"]?.string)
        #expect(Multikey.encodeSecret(secret) == v["secretKeyMultibase"]?.string)
    }

    @Test func badKeysSayWhy() {
        #expect(Multikey.decodePublic("z6Mk0OIl").failure == .notBase58)
        #expect(Multikey.decodePublic("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").failure == .notBase58)
        // The secret key's prefix where a public key belongs.
        #expect(Multikey.decodePublic("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq").failure == .wrongPrefix)
        #expect(Multikey.decodePublic(Multibase.base58([0xED, 0x01] + [UInt8](repeating: 7, count: 31))).failure == .wrongLength)
        #expect(Multikey.decodePublic(Multibase.base58([0xED, 0x01] + [UInt8](repeating: 7, count: 33))).failure == .wrongLength)
    }

    @Test func base58RoundTripsWithLeadingZeros() {
        var g = SeededGenerator(seed: 58)
        for n in 0..<200 {
            let bytes = [UInt8](repeating: 0, count: n % 4) + (0..<(n % 70)).map { _ in UInt8.random(in: 0...255, using: &g) }
            #expect(Base58.decode(Base58.encode(bytes)) == bytes)
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base58.encode([0, 0, 1]) == "112")
    }
}

@Suite struct EddsaJcs2022 {
    @Test func theW3CVectorSignsAndVerifiesByteForByte() throws {
        let v = try jsonFile("eddsa-jcs-2022.json")
        let unsigned = try #require(v["unsigned"]), options = try #require(v["proofOptions"])
        #expect(CanonicalJSON.string(unsigned) == v["canonicalDocument"]?.string)
        #expect(CanonicalJSON.string(options) == v["canonicalProofOptions"]?.string)
        #expect(hex(DataIntegrity.hashData(document: unsigned, proofOptions: options)) == v["hashData"]?.string)
        let key = try Multikey.decodeSecret(#require(v["secretKeyMultibase"]?.string)).get()
        let signed = try DataIntegrity.sign(unsigned, key: key, verificationMethod: #require(options["verificationMethod"]?.string),
                                            created: #require(options["created"]?.string))
        let proof = try DataIntegrity.proof(of: signed).get()
        #expect(proof.removing("proofValue") == options)
        #expect(DataIntegrity.verify(signed, proof: proof, key: key.publicKey) == nil)
        // Signatures are deterministic with BoringSSL (Linux); CryptoKit randomises them, so
        // the proof value is compared only where it can be equal.
        #if os(Linux)
        #expect(proof["proofValue"]?.string == v["proofValue"]?.string)
        #endif
        // The published proof verifies too.
        let published = signed.setting("proof", options.setting("proofValue", v["proofValue"]!))
        #expect(DataIntegrity.verify(published, proof: try DataIntegrity.proof(of: published).get(), key: key.publicKey) == nil)
        let tampered = published.setting("name", .string("Alumni Credentials"))
        #expect(DataIntegrity.verify(tampered, proof: try DataIntegrity.proof(of: tampered).get(), key: key.publicKey) == .badSignature)
    }
}

@Suite struct DateTimes {
    @Test func readsDateTimeStamps() {
        #expect(DateTimeStamp.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(DateTimeStamp.seconds("2026-02-03T10:00:00+07:00") == DateTimeStamp.seconds("2026-02-03T03:00:00Z"))
        #expect(DateTimeStamp.seconds("2024-02-29T00:00:00.5Z") == 1_709_164_800.5)
        for bad in ["2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01 00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01T24:00:00Z", "kemarin", "2026-01-01T00:00:00.Z"] {
            #expect(DateTimeStamp.seconds(bad) == nil, "\(bad)")
        }
        #expect(DateTimeStamp.string(1_709_164_800) == "2024-02-29T00:00:00Z")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let f) = self { f } else { nil } }
}
