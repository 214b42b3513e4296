/// The type of a front-matter key. Values are never type-guessed: a key's kind alone
/// decides how its value is read, so `no` under a text key stays the text "no".
public enum FieldKind: Sendable, Hashable {
    /// Free text, kept as written (trimmed).
    case text
    /// Comma-separated items; `\,` is a literal comma.
    case list
    /// A list whose items must be slugs (`[a-z0-9][a-z0-9-]*`).
    case slugList
    /// `45 menit`, `1 jam 30 menit`, `90m` or `1h30m`.
    case duration
    /// `YYYY-MM-DD`, a calendar day with no time zone.
    case date
    /// `ya`, `tidak`, `yes`, `no`, `true` or `false`.
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// An absolute http(s) URL.
    case url
    /// Comma-separated web origins, `https://host` or `http://host:port`, where the port may be `*`.
    case originList
}

/// One key that a kind of file accepts, with its Indonesian alias.
public struct FieldSpec: Sendable, Hashable {
    public var name: String
    public var alias: String?
    public var kind: FieldKind

    public init(_ name: String, alias: String? = nil, _ kind: FieldKind = .text) {
        self.name = name
        self.alias = alias
        self.kind = kind
    }
}

/// The keys one kind of file accepts, and which of them it requires.
public struct Schema: Sendable {
    /// What the file is, for messages: "course", "lesson", "site.conf".
    public var name: String
    public var fields: [FieldSpec]
    public var required: [String]
    /// Keys by every spelling (name and alias) they may be written in.
    let bySpelling: [String: FieldSpec]

    public init(name: String, fields: [FieldSpec], required: [String] = []) {
        self.name = name
        self.fields = fields
        self.required = required
        var map: [String: FieldSpec] = [:]
        for f in fields {
            map[f.name] = f
            if let a = f.alias { map[a] = f }
        }
        self.bySpelling = map
    }

    /// The spec for a key written either way, or nil if the key is unknown.
    public func spec(for key: String) -> FieldSpec? { bySpelling[key] }

    /// Every spelling, sorted, for suggestions.
    var spellings: [String] { bySpelling.keys.sorted() }
}

/// The level words a course may have, in order of difficulty.
public let courseLevels = ["dasar", "menengah", "lanjut"]

/// The interface languages Latih ships strings for.
public let interfaceLanguages = ["id", "en"]

extension Schema {
    static let title = FieldSpec("title", alias: "judul")
    static let summary = FieldSpec("summary", alias: "ringkasan")
    static let draft = FieldSpec("draft", alias: "draf", .boolean)
    static let duration = FieldSpec("duration", alias: "durasi", .duration)
    static let language = FieldSpec("language", alias: "bahasa", .choice(interfaceLanguages))
    static let competencies = FieldSpec("competencies", alias: "kompetensi", .list)
    static let updated = FieldSpec("updated", alias: "diperbarui", .date)

    /// `content/site.conf`.
    public static let site = Schema(name: "site.conf", fields: [
        title,
        FieldSpec("description", alias: "deskripsi"),
        language,
        FieldSpec("organisation", alias: "organisasi"),
        FieldSpec("logo"),
        FieldSpec("base-url", alias: "url-dasar", .url),
        FieldSpec("raw-html", alias: "html-mentah", .boolean),
        FieldSpec("xapi-endpoints", alias: "lrs", .originList),
        FieldSpec("certificate-issuer", alias: "penerbit-sertifikat"),
        FieldSpec("certificate-keys", alias: "kunci-sertifikat", .list),
    ], required: ["title"])

    /// `content/courses/<course>/course.md`.
    public static let course = Schema(name: "course", fields: [
        title, summary,
        FieldSpec("level", alias: "tingkat", .choice(courseLevels)),
        FieldSpec("category", alias: "kategori"),
        FieldSpec("tags", alias: "label", .list),
        competencies,
        FieldSpec("authors", alias: "penulis", .list),
        updated, draft,
        FieldSpec("prerequisites", alias: "prasyarat", .slugList),
        duration, language,
    ], required: ["title", "summary", "level"])

    /// `content/courses/<course>/NN-<module>/module.md`.
    public static let module = Schema(name: "module", fields: [title, summary, draft], required: ["title"])

    /// `content/courses/<course>/NN-<lesson>.md`. The title may come from the first `# heading` instead.
    public static let lesson = Schema(name: "lesson", fields: [
        title, summary, duration, draft, updated,
        FieldSpec("tags", alias: "label", .list),
    ], required: [])

    /// `content/paths/<path>.md`.
    public static let path = Schema(name: "learning path", fields: [
        title, summary,
        FieldSpec("courses", alias: "kursus", .slugList),
        competencies, draft,
    ], required: ["title", "summary", "courses"])

    /// `content/pages/<page>.md`.
    public static let page = Schema(name: "page", fields: [title, summary, draft, updated], required: ["title"])
}

extension Schema: CustomStringConvertible {
    public var description: String { name }
}
