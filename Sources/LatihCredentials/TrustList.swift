/// Whom the site's verifier trusts: the agency (its id, name and address) and its signing
/// keys, each with the window in which it may sign, and the address of its status list.
/// The build embeds it in the verification page from `site.conf`, so that a page opened
/// offline needs nothing else; a retired key stays listed, with its end date, so that the
/// certificates it signed still verify.
public struct TrustList: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public var publicKeyMultibase: String
        /// First and last day (`YYYY-MM-DD`, UTC) on which the key may sign; nil is open.
        public var from: String?
        public var until: String?

        public init(publicKeyMultibase: String, from: String? = nil, until: String? = nil) {
            (self.publicKeyMultibase, self.from, self.until) = (publicKeyMultibase, from, until)
        }

        /// Whether the key may sign at `seconds`.
        public func allows(_ seconds: Double) -> Bool {
            if let from, let start = DateTimeStamp.seconds(from + "T00:00:00Z"), seconds < start { return false }
            if let until, let end = DateTimeStamp.seconds(until + "T00:00:00Z"), seconds >= end + 86400 { return false }
            return true
        }
    }

    public var issuer: OpenBadge.Issuer
    public var keys: [Key]
    public var statusList: String

    public init(issuer: OpenBadge.Issuer, keys: [Key], statusList: String) {
        (self.issuer, self.keys, self.statusList) = (issuer, keys, statusList)
    }

    /// The trust list of a site published at `baseURL`: its issuer is the address's
    /// `did:web` (or the address), and its status list is at `statusListPath` under it.
    public init(site baseURL: String, issuerName: String, keys: [Key], statusListPath: String) {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.init(issuer: OpenBadge.Issuer(id: Self.issuerID(baseURL: base), name: issuerName, url: base), keys: keys,
                  statusList: base + statusListPath)
    }

    /// The verification method that names `key` of this issuer.
    public func verificationMethod(_ key: String) -> String { issuer.id + "#" + key }

    /// The issuer's id for a site published at `baseURL`: `did:web` for an https address
    /// (resolved at `<base-url>did.json`, which the build writes), the address itself
    /// otherwise (did:web requires https).
    public static func issuerID(baseURL: String) -> String {
        guard baseURL.hasPrefix("https://") else { return baseURL }
        var rest = baseURL.dropFirst("https://".count)
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true)
        guard let host = parts.first else { return baseURL }
        let encodedHost = host.replacingOccurrences(of: ":", with: "%3A")
        return (["did:web:" + encodedHost] + parts.dropFirst().map(String.init)).joined(separator: ":")
    }

    /// Why an item of `certificate-keys` cannot be read.
    public enum KeyItemProblem: Error, Equatable, Sendable {
        case key(Multikey.KeyProblem)
        case window
    }

    /// An item of `certificate-keys`: `z6Mk…`, optionally followed by a window
    /// `FROM/UNTIL` of ISO dates, either side open (`2026-01-01/`, `/2027-12-31`).
    public static func parseKey(_ item: String) -> Result<Key, KeyItemProblem> {
        let parts = item.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let multibase = parts.first, parts.count <= 2 else { return .failure(.window) }
        if case .failure(let p) = Multikey.decodePublic(multibase) { return .failure(.key(p)) }
        guard parts.count == 2 else { return .success(Key(publicKeyMultibase: multibase)) }
        let window = parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard window.count == 2, window.contains(where: { !$0.isEmpty }),
              window.allSatisfy({ $0.isEmpty || DateTimeStamp.seconds($0 + "T00:00:00Z") != nil }) else { return .failure(.window) }
        if !window[0].isEmpty, !window[1].isEmpty, window[0] > window[1] { return .failure(.window) }
        return .success(Key(publicKeyMultibase: multibase, from: window[0].isEmpty ? nil : window[0], until: window[1].isEmpty ? nil : window[1]))
    }

    public var json: JSONValue {
        .object([
            ("issuer", .object([("id", .string(issuer.id)), ("name", .string(issuer.name)), ("url", .string(issuer.url))])),
            ("keys", .array(keys.map { k in
                var m: [(String, JSONValue)] = [("publicKeyMultibase", .string(k.publicKeyMultibase))]
                if let f = k.from { m.append(("from", .string(f))) }
                if let u = k.until { m.append(("until", .string(u))) }
                return .object(m)
            })),
            ("statusList", .string(statusList)),
        ])
    }

    public init?(json: JSONValue) {
        guard let i = json["issuer"], let id = i["id"]?.string, let name = i["name"]?.string, let url = i["url"]?.string,
              let keys = json["keys"]?.array, let status = json["statusList"]?.string else { return nil }
        var list: [Key] = []
        for k in keys {
            guard let m = k["publicKeyMultibase"]?.string else { return nil }
            list.append(Key(publicKeyMultibase: m, from: k["from"]?.string, until: k["until"]?.string))
        }
        self.init(issuer: OpenBadge.Issuer(id: id, name: name, url: url), keys: list, statusList: status)
    }

    /// The DID document of a `did:web` issuer, published at `<base-url>did.json`: every
    /// key, retired ones included, as a Multikey in `assertionMethod`.
    public var didDocument: JSONValue {
        let methods = keys.map { k in
            JSONValue.object([("id", .string(verificationMethod(k.publicKeyMultibase))), ("type", .string("Multikey")),
                              ("controller", .string(issuer.id)), ("publicKeyMultibase", .string(k.publicKeyMultibase))])
        }
        return .object([
            ("@context", .array([.string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1")])),
            ("id", .string(issuer.id)),
            ("verificationMethod", .array(methods)),
            ("assertionMethod", .array(keys.map { .string(verificationMethod($0.publicKeyMultibase)) })),
        ])
    }
}
