import LatihDiagnostics
import LatihSite

/// What a year's records prove of each learner: the courses completed in it, and when the
/// year's JP target was reached. `latih certify issue` signs these; they come from the same
/// reading and the same completion and JP rules as `latih report` (`ReportBuilder`).
public struct Achievements: Sendable {
    public struct Course: Sendable {
        public var slug: String
        public var title: String
        public var summary: String
        /// The course's xAPI activity id, as the site and the report name it.
        public var activityID: String
        /// The JP the course carries: all its lessons' minutes, by the report's JP rule.
        public var jp: Double
        /// When the records show the course completed (seconds since 1970).
        public var completedAt: Double
    }

    public struct Learner: Sendable {
        /// The actor's key (`mailto:…` or `account:<home>|<name>`).
        public var id: String
        public var name: String
        public var nip: String?
        public var unit: String?
        /// JP of the lessons completed in the year.
        public var jp: Double
        /// When the completed lessons first reached the year's target, or nil.
        public var targetReachedAt: Double?
        public var courses: [Course]
    }

    public var catalogue: CatalogueSummary
    public var year: Int
    public var targetJP: Int
    public var learners: [Learner]
}

extension ReportRunner {
    /// The achievements in `o`'s records, or the diagnostics that stopped them (warnings
    /// too). Nothing is written: `o.output` is not used.
    public static func achievements(_ o: ReportOptions) -> (Achievements?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        o.progress?("reading \(o.build.contentDir)/")
        let (summary, catalogueDiags) = CatalogueSummary.read(o.build)
        diagnostics += catalogueDiags.filter { $0.severity == .error }
        let people = readRoster(o, diagnostics: &diagnostics)
        guard let summary, !diagnostics.hasErrors,
              let records = readRecords(o, summary: summary, people: people, diagnostics: &diagnostics) else {
            return (nil, diagnostics.sorted())
        }
        let learners = records.persons.map { p in
            let courses = p.completed.map { done -> Achievements.Course in
                let c = summary.courses[done.course]
                return Achievements.Course(slug: c.slug, title: c.title, summary: c.summary, activityID: records.index.courseID(done.course),
                                           jp: ReportBuilder.jp(minutes: c.minutes), completedAt: done.at)
            }
            let nip = p.person?.nip ?? (p.id.hasPrefix("account:") ? p.id.split(separator: "|").last.map(String.init) : nil)
            return Achievements.Learner(id: p.id, name: p.person?.name ?? p.name ?? p.id, nip: nip.flatMap { $0.isEmpty ? nil : $0 },
                                        unit: p.person?.unit, jp: p.jp, targetReachedAt: p.targetReached, courses: courses)
        }
        return (Achievements(catalogue: summary, year: o.year, targetJP: ReportBuilder.targetJP, learners: learners), diagnostics.sorted())
    }
}
