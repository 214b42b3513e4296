import LatihContent
import LatihCredentials
import LatihDiagnostics
import LatihParallel
import LatihQuiz
import LatihRender
import LatihSite

/// The catalogue as `latih report` needs it: courses, their lessons in order with their
/// minutes, and each lesson's quizzes, from the same parse as the site's build.
public struct CatalogueSummary: Sendable {
    public struct Lesson: Sendable {
        /// `<course>/<lesson>`, as the learner's progress names it.
        public var id: String
        public var slug: String
        public var title: String
        public var minutes: Int
        public var quizzes: [Quiz]
    }

    public struct Course: Sendable {
        public var slug: String
        public var title: String
        /// The course's `summary`.
        public var summary: String
        public var lessons: [Lesson]
        public var minutes: Int { lessons.reduce(0) { $0 + $1.minutes } }
    }

    public var title: String
    public var language: String
    public var organisation: String
    public var baseURL: String?
    public var courses: [Course]
    /// Who signs certificates, and with which keys (`site.conf`).
    public var certificateIssuer: String = ""
    public var certificateKeys: [TrustList.Key] = []
    /// The signed revocation list in the content folder, relative to it; nil when none.
    public var statusListFile: String?
    /// The theme the catalogue was read with: the report's and certificates' pages are
    /// rendered through it, so it is loaded and checked once.
    public var theme: Theme?
}

extension CatalogueSummary {
    /// The catalogue's summary, assembled by the site's build, or its errors: nothing is
    /// rendered or written.
    public static func read(_ options: BuildOptions) -> (CatalogueSummary?, [Diagnostic]) {
        ParallelWork.onLargeStack {
            switch SiteBuilder.prepare(options, progress: nil) {
            case .failed(let d): return (nil, d)
            case .interrupted: return (nil, SiteBuilder.interrupted(options).diagnostics)
            case .ready(let site):
                let courses = site.catalogue.courses.map { c in
                    CatalogueSummary.Course(slug: c.slug, title: c.title, summary: c.summary, lessons: c.lessons.map { l in
                        CatalogueSummary.Lesson(id: l.progressID, slug: l.slug, title: site.title(of: l),
                                                minutes: l.minutes ?? 0, quizzes: site.result(for: l.document.path)?.quizzes ?? [])
                    })
                }
                let config = site.catalogue.config
                var summary = CatalogueSummary(title: config.title, language: config.language, organisation: config.organisation,
                                               baseURL: config.baseURL, courses: courses)
                summary.certificateIssuer = config.certificateIssuer
                summary.certificateKeys = config.certificateKeys
                summary.statusListFile = site.catalogue.statusListFile
                summary.theme = site.theme
                return (summary, site.diagnostics(shownFrom: options))
            }
        }
    }
}
