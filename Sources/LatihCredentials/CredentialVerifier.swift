/// The verification rules, in the order the site's verification page applies them
/// (`templates/assets/verify/verify.js`); `latih certify verify` runs these, and the
/// hostile cases under `Tests/vectors/credentials/` hold the two to the same reasons.
///
/// 1. input: within bounds, strictly parsed;
/// 2. format: the Open Badge's contexts, types and fields;
/// 3. issuer: in the trust list, with a key it lists, used inside its window;
/// 4. proof: eddsa-jcs-2022 by that key;
/// 5. period: `validFrom` and `validUntil` against now;
/// 6. status: the revocation bit in the signed status list, "as of" the list's date; a list
///    that is missing or does not verify leaves the status unchecked, never valid.
public enum CredentialVerifier {
    /// A reason to refuse, as a code shared with the page (`input.empty`, `issuer.unknown`…).
    public struct Refusal: Error, Equatable, Sendable, ExpressibleByStringLiteral {
        public let code: String
        public init(_ code: String) { self.code = code }
        public init(stringLiteral code: String) { self.code = code }
    }

    public enum Check: String, Sendable, CaseIterable { case input, format, issuer, proof, period, status }

    public enum Outcome: Equatable, Sendable {
        case passed
        /// The check failed for `reason` (a code shared with the page).
        case failed(String)
        /// The check could not be made (the status list is missing or not trusted).
        case unchecked(String)
    }

    public enum Verdict: String, Sendable {
        case valid
        /// Valid, but whether it was revoked could not be checked.
        case validUnchecked = "valid-unchecked"
        case invalid, revoked, expired
        case notYetValid = "not-yet-valid"
    }

    public struct Verification: Sendable {
        public init() {}

        public var checks: [(Check, Outcome)] = []
        /// The credential, only once its proof verified: nothing in it is fact before that.
        public var credential: JSONValue?
        /// The status list's own `validFrom`: revocation is known as of then.
        public var statusAsOf: String?

        public var verdict: Verdict {
            for (check, outcome) in checks {
                guard case .failed(let reason) = outcome else { continue }
                switch (check, reason) {
                case (.period, "period.expired"): return .expired
                case (.period, "period.not-yet-valid"): return .notYetValid
                case (.status, "status.revoked"): return .revoked
                default: return .invalid
                }
            }
            return checks.contains { if case .unchecked = $0.1 { true } else { false } } ? .validUnchecked : .valid
        }

        /// The first reason that is not a pass, or nil.
        public var reason: String? {
            for (_, o) in checks {
                switch o {
                case .passed: continue
                case .failed(let r), .unchecked(let r): return r
                }
            }
            return nil
        }
    }

    // MARK: input

    /// The most characters a QR payload may have (a credential is about 1.1 K of it).
    public static let maxPayload = 16_384

    /// The credential in `input`: a verification address or fragment (`…#v1.<payload>`),
    /// a bare `v1.` payload, or the credential's JSON.
    public static func read(_ input: String) -> Result<JSONValue, Refusal> {
        var text = Substring(input.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { return .failure("input.empty") }
        if text.first != "{", text.first != "[" {
            if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
            guard let dot = text.firstIndex(of: ".") else { return .failure("input.not-a-credential") }
            guard text[..<dot] == "v1" else { return .failure("input.unknown-version") }
            let payload = text[text.index(after: dot)...]
            guard !payload.isEmpty else { return .failure("input.empty") }
            guard payload.utf8.count <= maxPayload else { return .failure("input.too-large") }
            guard let deflated = Base64URL.decode(String(payload)) else { return .failure("input.bad-encoding") }
            guard let bytes = QRPayload.inflate(deflated), String(validating: bytes, as: UTF8.self) != nil else {
                return .failure("input.bad-payload")
            }
            return parse(bytes)
        }
        return parse(Array(text.utf8))
    }

    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, Refusal> {
        do { return .success(try StrictJSON.parse(bytes)) } catch { return .failure(Refusal("json." + error.reason.rawValue)) }
    }

    // MARK: the checks

    public static func verify(_ input: String, trust: TrustList, statusList: JSONValue?, now: Double) -> Verification {
        switch read(input) {
        case .failure(let refusal):
            var v = Verification()
            v.checks = [(.input, .failed(refusal.code))]
            return v
        case .success(let credential):
            return verify(credential, trust: trust, statusList: statusList, now: now)
        }
    }

    public static func verify(_ credential: JSONValue, trust: TrustList, statusList: JSONValue?, now: Double) -> Verification {
        var v = Verification()
        v.checks.append((.input, .passed))
        if let r = formatProblem(credential) { v.checks.append((.format, .failed(r))); return v }
        v.checks.append((.format, .passed))
        let proof: JSONValue
        switch DataIntegrity.proof(of: credential) {
        case .failure(let p): v.checks.append((.issuer, .failed(p.rawValue))); return v
        case .success(let p): proof = p
        }
        let key: TrustList.Key
        switch trustedKey(credential, proof: proof, trust: trust) {
        case .failure(let r): v.checks.append((.issuer, .failed(r.code))); return v
        case .success(let k): key = k
        }
        v.checks.append((.issuer, .passed))
        guard case .success(let publicKey) = Multikey.decodePublic(key.publicKeyMultibase) else {
            v.checks.append((.proof, .failed("issuer.key-invalid"))); return v
        }
        if let p = DataIntegrity.verify(credential, proof: proof, key: publicKey) { v.checks.append((.proof, .failed(p.rawValue))); return v }
        v.checks.append((.proof, .passed))
        v.credential = credential
        v.checks.append((.period, periodProblem(credential, now: now).map(Outcome.failed) ?? .passed))
        let (status, asOf) = statusOutcome(credential, trust: trust, statusList: statusList)
        v.checks.append((.status, status))
        v.statusAsOf = asOf
        return v
    }

    static func formatProblem(_ c: JSONValue) -> String? {
        guard case .object = c else { return "format.not-an-object" }
        guard c["@context"]?.strings == OpenBadge.contexts else { return "format.context" }
        guard let types = c["type"]?.strings, types.contains("VerifiableCredential"),
              types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") else { return "format.type" }
        guard c["id"]?.string != nil, c["validFrom"]?.string != nil, let issuer = c["issuer"], issuer["id"]?.string != nil,
              let subject = c["credentialSubject"], let achievement = subject["achievement"],
              achievement["id"]?.string != nil, achievement["name"]?.string != nil,
              subject["id"]?.string != nil || subject["identifier"]?.array?.isEmpty == false else { return "format.field" }
        guard let status = c["credentialStatus"], status["type"]?.string == "BitstringStatusListEntry",
              status["statusPurpose"]?.string == "revocation", let index = status["statusListIndex"]?.string,
              !index.isEmpty, index.utf8.count <= 9, index.utf8.allSatisfy({ (48...57).contains($0) }),
              status["statusListCredential"]?.string != nil else { return "format.status" }
        return nil
    }

    /// The trust list's key that the proof names, if the issuer and key are trusted and
    /// the key could sign when the proof was made.
    static func trustedKey(_ c: JSONValue, proof: JSONValue, trust: TrustList) -> Result<TrustList.Key, Refusal> {
        guard c["issuer"]?["id"]?.string == trust.issuer.id else { return .failure("issuer.unknown") }
        guard let method = proof["verificationMethod"]?.string, method.hasPrefix(trust.issuer.id + "#") else {
            return .failure("issuer.method")
        }
        let multibase = String(method.dropFirst(trust.issuer.id.count + 1))
        if case .failure = Multikey.decodePublic(multibase) { return .failure("issuer.key-invalid") }
        guard let key = trust.keys.first(where: { $0.publicKeyMultibase == multibase }) else { return .failure("issuer.key-unknown") }
        guard let created = (proof["created"] ?? c["validFrom"])?.string, let at = DateTimeStamp.seconds(created) else {
            return .failure("proof-created")
        }
        return key.allows(at) ? .success(key) : .failure("issuer.key-window")
    }

    /// Whether `document`'s one proof is by a key that `trust` holds for its issuer, made
    /// inside the key's window, and verifies.
    public static func isSigned(_ document: JSONValue, trust: TrustList) -> Bool {
        guard case .success(let proof) = DataIntegrity.proof(of: document),
              case .success(let key) = trustedKey(document, proof: proof, trust: trust),
              case .success(let publicKey) = Multikey.decodePublic(key.publicKeyMultibase) else { return false }
        return DataIntegrity.verify(document, proof: proof, key: publicKey) == nil
    }

    static func periodProblem(_ c: JSONValue, now: Double) -> String? {
        guard let from = c["validFrom"]?.string.flatMap(DateTimeStamp.seconds) else { return "period.bad-date" }
        if from > now { return "period.not-yet-valid" }
        if let until = c["validUntil"] {
            guard let end = until.string.flatMap(DateTimeStamp.seconds) else { return "period.bad-date" }
            if end < now { return "period.expired" }
        }
        return nil
    }

    static func statusOutcome(_ c: JSONValue, trust: TrustList, statusList: JSONValue?) -> (Outcome, String?) {
        guard let list = statusList else { return (.unchecked("status.missing"), nil) }
        guard let entry = c["credentialStatus"], let index = entry["statusListIndex"]?.string.flatMap({ Int($0) }) else {
            return (.failed("format.status"), nil)
        }
        guard entry["statusListCredential"]?.string == trust.statusList, list["id"]?.string == trust.statusList else {
            return (.unchecked("status.other-list"), nil)
        }
        guard list["type"]?.strings?.contains("BitstringStatusListCredential") == true, isSigned(list, trust: trust) else {
            return (.unchecked("status.list-signature"), nil)
        }
        let asOf = list["validFrom"]?.string
        guard let subject = list["credentialSubject"], subject["statusPurpose"]?.string == "revocation",
              let encoded = subject["encodedList"]?.string else {
            return (.unchecked("status.not-a-list"), asOf)
        }
        let bits: StatusList
        switch StatusList.decode(encoded) {
        case .failure(let problem): return (.unchecked(problem.rawValue), asOf)
        case .success(let b): bits = b
        }
        guard index < bits.count else { return (.failed("status.range"), asOf) }
        return (bits.isSet(index) ? .failed("status.revoked") : .passed, asOf)
    }
}
