import Crypto
import Foundation

/// An Open Badges 3.0 `OpenBadgeCredential` (VC Data Model 2.0) for one achievement of one
/// learner: a course completed, or the year's JP target reached. The values are typed
/// here and laid out as JSON in one place, so that the issuer and the tests agree on the
/// shape the verifier checks.
public struct OpenBadge: Sendable {
    public static let contexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    public static let types = ["VerifiableCredential", "OpenBadgeCredential"]

    /// The agency, as the trust list names it.
    public struct Issuer: Sendable, Equatable {
        public var id: String
        public var name: String
        public var url: String
        public init(id: String, name: String, url: String) { (self.id, self.name, self.url) = (id, name, url) }
    }

    /// What was achieved: a course, or the year's target.
    public struct Achievement: Sendable {
        public var id: String
        /// `Course`, or `ext:AnnualTarget` for the year's JP.
        public var type: String
        public var name: String
        public var description: String
        public var narrative: String
        /// JP the achievement carries.
        public var credits: Double
        public init(id: String, type: String, name: String, description: String, narrative: String, credits: Double) {
            (self.id, self.type, self.name, self.description, self.narrative, self.credits) = (id, type, name, description, narrative, credits)
        }
    }

    public var id: String
    public var issuer: Issuer
    public var learnerName: String
    public var nip: String
    /// Salts the NIP's hash, so that the credential does not show the NIP to whoever holds
    /// it; an NIP has little entropy, so this deters casual reading, not a search.
    public var salt: String
    public var achievement: Achievement
    public var creditsEarned: Double
    /// When the records show the achievement (dateTimeStamp).
    public var validFrom: String
    public var statusList: String
    public var statusIndex: Int

    public init(id: String, issuer: Issuer, learnerName: String, nip: String, salt: String, achievement: Achievement,
                creditsEarned: Double, validFrom: String, statusList: String, statusIndex: Int) {
        (self.id, self.issuer, self.learnerName, self.nip, self.salt, self.achievement) = (id, issuer, learnerName, nip, salt, achievement)
        (self.creditsEarned, self.validFrom, self.statusList, self.statusIndex) = (creditsEarned, validFrom, statusList, statusIndex)
    }

    /// `sha256$` and the hex SHA-256 of the identity followed by the salt (OB 3.0 §IdentityObject).
    public static func identityHash(_ identity: String, salt: String) -> String {
        "sha256$" + SHA256.hash(data: Data((identity + salt).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The credential, unsigned.
    public var json: JSONValue {
        let strings: ([String]) -> JSONValue = { .array($0.map(JSONValue.string)) }
        return .object([
            ("@context", strings(Self.contexts)),
            ("id", .string(id)),
            ("type", strings(Self.types)),
            ("name", .string(achievement.name)),
            ("issuer", .object([
                ("id", .string(issuer.id)), ("type", strings(["Profile"])), ("name", .string(issuer.name)), ("url", .string(issuer.url)),
            ])),
            ("validFrom", .string(validFrom)),
            ("credentialSubject", .object([
                ("type", strings(["AchievementSubject"])),
                ("name", .string(learnerName)),
                ("identifier", .array([.object([
                    ("type", .string("IdentityObject")), ("identityType", .string("ext:NIP")), ("hashed", .bool(true)),
                    ("identityHash", .string(Self.identityHash(nip, salt: salt))), ("salt", .string(salt)),
                ])])),
                ("creditsEarned", .number(creditsEarned)),
                ("achievement", .object([
                    ("id", .string(achievement.id)),
                    ("type", strings(["Achievement"])),
                    ("achievementType", .string(achievement.type)),
                    ("name", .string(achievement.name)),
                    ("description", .string(achievement.description)),
                    ("criteria", .object([("narrative", .string(achievement.narrative))])),
                    ("creditsAvailable", .number(achievement.credits)),
                ])),
            ])),
            ("credentialStatus", .object([
                ("id", .string(statusList + "#\(statusIndex)")),
                ("type", .string("BitstringStatusListEntry")),
                ("statusPurpose", .string("revocation")),
                ("statusListIndex", .string(String(statusIndex))),
                ("statusListCredential", .string(statusList)),
            ])),
        ])
    }
}
