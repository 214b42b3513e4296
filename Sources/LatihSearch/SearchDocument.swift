/// One searchable page, as the site build hands it to the index. Every string is plain
/// text (no HTML); the index stores it as data, and the browser inserts it as text.
public struct SearchDocument: Sendable {
    /// What kind of page this is; results show a breadcrumb that depends on it.
    public enum Kind: Int, Sendable { case course = 0, lesson = 1, path = 2, page = 3 }

    public var kind: Kind
    public var title: String
    /// The page, relative to the site root: `courses/x/y/index.html`.
    public var path: String
    /// Index into the courses given with the documents, for lessons and courses.
    public var course: Int?
    /// The title of the lesson's module, if it has one.
    public var module: String?
    public var minutes: Int?
    /// `id` or `en`: which stemmer reads the page.
    public var language: String
    public var headings: [String]
    /// Summary, tags, competencies and category: ranked below headings, above the body.
    public var meta: [String]
    public var summary: String
    /// The page's visible text.
    public var body: String
    /// The page's own tags (a course's tags apply to all of its pages already).
    public var tags: [String]

    public init(kind: Kind, title: String, path: String, course: Int? = nil, module: String? = nil, minutes: Int? = nil,
                language: String = "id", headings: [String] = [], meta: [String] = [], summary: String = "",
                body: String = "", tags: [String] = []) {
        self.kind = kind
        self.title = title
        self.path = path
        self.course = course
        self.module = module
        self.minutes = minutes
        self.language = language
        self.headings = headings
        self.meta = meta
        self.summary = summary
        self.body = body
        self.tags = tags
    }
}

/// A course, for breadcrumbs and facets. A course's facets apply to its own page and to
/// all of its lessons.
public struct SearchCourse: Sendable {
    public var title: String
    public var category: String
    public var level: String
    public var competencies: [String]
    public var tags: [String]

    public init(title: String, category: String = "", level: String = "",
                competencies: [String] = [], tags: [String] = []) {
        self.title = title
        self.category = category
        self.level = level
        self.competencies = competencies
        self.tags = tags
    }
}

/// A file of the index, by path relative to the site root.
public struct SearchFile: Sendable {
    public var path: String
    public var contents: String
}
