import LatihCredentials
import LatihFrontMatter

/// Settings from `content/site.conf`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Interface language: `id` (default) or `en`.
    public var language: String
    public var organisation: String
    /// Absolute URL the site is published at, used only where a link must be absolute (sitemap).
    public var baseURL: String?
    public var rawHTML: Bool
    /// Origins of learning record stores that may receive xAPI statements (and that the
    /// Content-Security-Policy therefore lets pages connect to).
    public var xapiEndpoints: [String] = []
    /// The agency that signs certificates (`certificate-issuer`, else `organisation`, else
    /// the site's title).
    public var certificateIssuer: String = ""
    /// The agency's signing keys, each with the window in which it may sign
    /// (`certificate-keys`); the site's verification page trusts these and no others.
    public var certificateKeys: [TrustList.Key] = []
    /// The publisher's logo (`logo`), as the content file and where the site publishes it.
    public var logo: Asset?

    public init(title: String = "Latih", description: String = "", language: String = "id",
                organisation: String = "", baseURL: String? = nil, rawHTML: Bool = false) {
        self.title = title
        self.description = description
        self.language = language
        self.organisation = organisation
        self.baseURL = baseURL
        self.rawHTML = rawHTML
    }
}

/// A Markdown source: its path relative to `content/`, front matter and body.
public struct Document: Sendable {
    /// Path relative to the content folder, with `/` separators, e.g. `courses/spbe/01-pengantar.md`.
    public var path: String
    public var frontMatter: FrontMatter
    public var body: String
    /// File line on which `body` starts.
    public var bodyLine: Int
    /// False when the front matter could not be read at all; see `ParsedDocument.isComplete`.
    public var isComplete: Bool = true

    public init(path: String, frontMatter: FrontMatter, body: String, bodyLine: Int, isComplete: Bool = true) {
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.isComplete = isComplete
    }
}

/// One lesson: a page inside a course, optionally inside a module.
public struct Lesson: Sendable {
    public var slug: String
    /// The `NN` prefix that orders it.
    public var order: Int
    public var document: Document
    public var courseSlug: String
    public var moduleSlug: String?
    public var draft: Bool
    /// Minutes, if the lesson says how long it takes.
    public var minutes: Int?

    /// `courses/<course>/<lesson>/index.html`.
    public var outputPath: String { "courses/\(courseSlug)/\(slug)/index.html" }

    /// `<course>/<lesson>`: what a learner's progress, the pages' `data-lesson`, packages
    /// and the report know the lesson by.
    public var progressID: String { "\(courseSlug)/\(slug)" }

    /// The lesson's title everywhere it is shown (its page, the outline, search, the LMS,
    /// the report): its front matter's `title`, else its Markdown's first heading
    /// (`leadingTitle`, which the Markdown stage finds), else its slug.
    public func title(leadingTitle: String?) -> String {
        document.frontMatter.text("title") ?? leadingTitle ?? slug
    }

    /// Whether the lesson's front matter gives it a title (else its first heading must).
    public var hasOwnTitle: Bool { document.frontMatter.text("title") != nil }
    public var summary: String { document.frontMatter.text("summary") ?? "" }
    public var tags: [String] { document.frontMatter.list("tags") }
}

/// An optional grouping of lessons inside a course.
public struct Module: Sendable {
    public var slug: String
    public var order: Int
    public var document: Document
    public var lessons: [Lesson]
    public var title: String { document.frontMatter.text("title") ?? slug }
    /// The id of the module's heading on its course's page, which links to the module lead to.
    public var anchor: String { Self.anchor(slug) }
    public static func anchor(_ slug: String) -> String { "modul-" + slug }
    public var summary: String { document.frontMatter.text("summary") ?? "" }
}

/// The parts of a course in reading order: lessons, and modules holding lessons.
public enum CourseItem: Sendable {
    case lesson(Lesson)
    case module(Module)
}

/// A course: `content/courses/<slug>/course.md` and the lessons beside it.
public struct Course: Sendable {
    public var slug: String
    public var document: Document
    public let items: [CourseItem]
    public var draft: Bool
    /// Every lesson in reading order, modules expanded. Worked out once: every lesson
    /// page asks for it, so computing it on each call made page rendering quadratic.
    public let lessons: [Lesson]

    public init(slug: String, document: Document, items: [CourseItem], draft: Bool) {
        self.slug = slug
        self.document = document
        self.items = items
        self.draft = draft
        self.lessons = items.flatMap { item -> [Lesson] in
            switch item {
            case .lesson(let l): return [l]
            case .module(let m): return m.lessons
            }
        }
    }

    public var modules: [Module] {
        items.compactMap { if case .module(let m) = $0 { return m } else { return nil } }
    }

    public var title: String { document.frontMatter.text("title") ?? slug }
    public var summary: String { document.frontMatter.text("summary") ?? "" }
    public var level: String { document.frontMatter.text("level") ?? "" }
    public var category: String { document.frontMatter.text("category") ?? "" }
    public var tags: [String] { document.frontMatter.list("tags") }
    public var competencies: [String] { document.frontMatter.list("competencies") }
    public var authors: [String] { document.frontMatter.list("authors") }
    /// When the course was last revised (`updated`).
    public var updated: Day? { document.frontMatter.date("updated") }
    /// The slugs of the courses to take first.
    public var prerequisites: [String] { document.frontMatter.list("prerequisites") }
    /// The course's own `language`, when it names one (else the site's is meant).
    public var language: String? { document.frontMatter.text("language") }

    /// The course's own `duration`, or else the sum of its lessons' durations.
    public var minutes: Int {
        document.frontMatter.minutes("duration") ?? lessons.reduce(0) { $0 + ($1.minutes ?? 0) }
    }

    /// `courses/<slug>/index.html`.
    public var outputPath: String { "courses/\(slug)/index.html" }
}

/// A learning path: an ordered list of courses.
public struct LearningPath: Sendable {
    public var slug: String
    public var document: Document
    public var draft: Bool
    public var courseSlugs: [String] { document.frontMatter.list("courses") }
    public var title: String { document.frontMatter.text("title") ?? slug }
    public var summary: String { document.frontMatter.text("summary") ?? "" }
    public var competencies: [String] { document.frontMatter.list("competencies") }
    public var outputPath: String { "paths/\(slug)/index.html" }
}

/// A plain page such as "Tentang".
public struct Page: Sendable {
    public var slug: String
    public var document: Document
    public var draft: Bool
    public var title: String { document.frontMatter.text("title") ?? slug }
    public var summary: String { document.frontMatter.text("summary") ?? "" }
    public var outputPath: String { "\(slug)/index.html" }
}

/// A file beside the Markdown (an image, a PDF) that is copied into the site.
public struct Asset: Sendable {
    /// Path relative to the content folder.
    public var sourcePath: String
    /// Path relative to the output folder.
    public var outputPath: String

    public init(sourcePath: String, outputPath: String) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath
    }
}

/// Everything in `content/`, parsed and checked for structure, before Markdown is rendered.
public struct Catalogue: Sendable {
    public var config: SiteConfig
    public var courses: [Course]
    public var paths: [LearningPath]
    public var pages: [Page]
    public var assets: [Asset]
    /// `certificates/status.json`, the signed revocation list that `latih certify` keeps,
    /// relative to the content folder; nil when there is none.
    public var statusListFile: String?

    /// The language a course is written in: its own `language`, else the site's.
    public func language(of course: Course) -> String { course.language ?? config.language }
}
