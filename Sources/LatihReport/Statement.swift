import Foundation

/// The parts of an xAPI 1.0.3 statement that a report reads (`StatementScanner` fills
/// them; a part of the wrong type makes the statement invalid, as it is for an LRS).
struct Statement: Sendable {
    struct Account: Sendable {
        var homePage: String?
        var name: String?
    }

    struct Agent: Sendable {
        var objectType: String?
        var name: String?
        var mbox: String?
        var mbox_sha1sum: String?
        var openid: String?
        var account: Account?
    }

    struct Verb: Sendable {
        var id: String?
    }

    struct Object: Sendable {
        var objectType: String?
        var id: String?
    }

    struct Score: Sendable {
        var scaled: Double?
        var raw: Double?
        var min: Double?
        var max: Double?
    }

    struct Result: Sendable {
        var score: Score?
        var success: Bool?
        var completion: Bool?
        var response: String?
        var duration: String?
    }

    struct Context: Sendable {
        var registration: String?
    }

    var id: String?
    var actor: Agent?
    var verb: Verb?
    var object: Object?
    var result: Result?
    var context: Context?
    var timestamp: String?
    var stored: String?

    static let voided = "http://adlnet.gov/expapi/verbs/voided"

    /// Why the statement is not valid xAPI 1.0.3 (as far as a report depends on it), or nil.
    func problem() -> String? {
        guard let actor else { return "statement has no actor" }
        if actor.objectType == "Group" { return "statement's actor is a group, not a person" }
        if actor.objectType != nil && actor.objectType != "Agent" { return "actor's objectType `\(actor.objectType!)` is not Agent" }
        let ifis = [actor.mbox != nil, actor.mbox_sha1sum != nil, actor.openid != nil, actor.account != nil].filter { $0 }.count
        if ifis != 1 { return ifis == 0 ? "actor has no identifier (mbox, mbox_sha1sum, openid or account)" : "actor has more than one identifier" }
        if let m = actor.mbox, !m.hasPrefix("mailto:") || m.count < 10 || !m.contains("@") { return "actor's mbox `\(m)` is not a mailto: address" }
        if let a = actor.account, (a.homePage ?? "").isEmpty || (a.name ?? "").isEmpty { return "actor's account needs homePage and name" }
        guard let verb = verb?.id, Self.isIRI(verb) else { return "statement's verb has no IRI id" }
        guard let object else { return "statement has no object" }
        if object.objectType == "StatementRef" {
            guard let ref = object.id, Self.isUUID(ref) else { return "StatementRef object needs a statement id (UUID)" }
        } else {
            if let t = object.objectType, t != "Activity", t != "Agent", t != "Group", t != "SubStatement" { return "object's objectType `\(t)` is not known to xAPI" }
            if object.objectType == nil || object.objectType == "Activity" {
                guard let oid = object.id, Self.isIRI(oid) else { return "statement's activity has no IRI id" }
            }
        }
        if verb == Self.voided && object.objectType != "StatementRef" { return "a voiding statement's object must be a StatementRef" }
        if let id, !Self.isUUID(id) { return "statement id `\(id)` is not a UUID" }
        guard let time = timestamp ?? stored else { return "statement has no timestamp" }
        if ISOTime.seconds(time) == nil { return "timestamp `\(time)` is not an ISO 8601 date and time" }
        if let s = result?.score {
            if let scaled = s.scaled, !(-1...1).contains(scaled) { return "score.scaled \(scaled) is outside -1…1" }
            if let min = s.min, let max = s.max, min > max { return "score.min is above score.max" }
            if let raw = s.raw, (s.min.map { raw < $0 } ?? false) || (s.max.map { raw > $0 } ?? false) { return "score.raw is outside min…max" }
        }
        if let d = result?.duration, ISOTime.duration(d) == nil { return "result.duration `\(d)` is not an ISO 8601 duration" }
        return nil
    }

    /// The learner's key: `mailto:…`, `account:<homePage>|<name>`, `sha1:…` or `openid:…`.
    var learnerKey: String {
        guard let a = actor else { return "" }
        if let m = a.mbox { return "mailto:" + m.dropFirst("mailto:".count).lowercased() }
        if let acc = a.account { return "account:\(acc.homePage ?? "")|\(acc.name ?? "")" }
        if let s = a.mbox_sha1sum { return "sha1:" + s.lowercased() }
        return "openid:" + (a.openid ?? "")
    }

    /// An absolute IRI as xAPI requires of ids: a scheme (a letter, then letters, digits,
    /// `+`, `-` or `.`), a colon, and no spaces.
    static func isIRI(_ s: String) -> Bool {
        var seenColon = false, first = true
        for c in s.utf8 {
            if c == 32 { return false }
            if seenColon { continue }
            if c == UInt8(ascii: ":") { if first { return false }; seenColon = true; continue }
            let letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            if first ? !letter : !(letter || (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46) { return false }
            first = false
        }
        return seenColon
    }

    /// A UUID as xAPI writes it: 8-4-4-4-12 hex digits.
    static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 36 && [8, 13, 18, 23].allSatisfy { u[$0] == UInt8(ascii: "-") } && StatementID(s) != nil
    }
}
