/// The monitoring report, as `report.json` holds it (documented in docs/report.md).
public struct Report: Encodable, Sendable {
    public struct Counts: Encodable, Sendable {
        public var read = 0
        public var counted = 0
        public var voided = 0
        public var duplicates = 0
        public var outOfYear = 0
        public var unknownActivities = 0
        enum CodingKeys: String, CodingKey {
            case read, counted, voided, duplicates
            case outOfYear = "out_of_year", unknownActivities = "unknown_activities"
        }
    }

    public struct Unknown: Encodable, Sendable {
        public var id: String
        public var statements: Int
    }

    public struct QuizScore: Encodable, Sendable {
        public var quiz: String
        public var best: Double
        public var attempts: Int
        public var passed: Bool
    }

    public struct Learner: Encodable, Sendable {
        public var id: String
        public var name: String
        public var nip: String?
        public var unit: String?
        public var position: String?
        public var jp: Double
        public var belowTarget: Bool
        /// Course activity ids.
        public var completed: [String]
        public var inProgress: [String]
        public var notStarted: Int
        public var quizScores: [QuizScore]
        public var lastActivity: String?
        public var inRoster: Bool
        enum CodingKeys: String, CodingKey {
            case id, name, nip, unit, position, jp, completed
            case belowTarget = "below_target", inProgress = "in_progress", notStarted = "not_started"
            case quizScores = "quiz_scores", lastActivity = "last_activity", inRoster = "in_roster"
        }
    }

    public struct Unit: Encodable, Sendable {
        public var unit: String
        public var people: Int
        public var reachedTarget: Int
        public var medianJP: Double
        /// Courses completed of courses started by the unit's people, or nil when none started.
        public var completionRate: Double?
        enum CodingKeys: String, CodingKey {
            case unit, people
            case reachedTarget = "reached_target", medianJP = "median_jp", completionRate = "completion_rate"
        }
    }

    public struct LessonFunnel: Encodable, Sendable {
        public var id: String
        public var title: String
        public var opened: Int
        public var completed: Int
    }

    public struct Course: Encodable, Sendable {
        public var id: String
        public var slug: String
        public var title: String
        public var opened: Int
        public var completed: Int
        public var passed: Int
        public var medianDaysToComplete: Double?
        public var lessons: [LessonFunnel]
        enum CodingKeys: String, CodingKey {
            case id, slug, title, opened, completed, passed, lessons
            case medianDaysToComplete = "median_days_to_complete"
        }
    }

    public struct OptionCount: Encodable, Sendable {
        public var text: String
        public var correct: Bool
        public var chosen: Int
    }

    public struct Question: Encodable, Sendable {
        public var id: String
        public var quiz: String
        public var number: Int
        public var text: String
        public var kind: String
        /// Every answer given, retries included: what the two figures below are computed over.
        public var attempts: Int
        /// The people who answered it.
        public var people: Int
        public var correctShare: Double?
        /// The point-biserial correlation of being right with the attempt's quiz score.
        public var discrimination: Double?
        public var options: [OptionCount]
        public var flags: [String]
        enum CodingKeys: String, CodingKey {
            case id, quiz, number, text, kind, attempts, options, flags
            case people, correctShare = "correct_share", discrimination
        }
    }

    public struct Month: Encodable, Sendable {
        public var month: String
        public var activeLearners: Int
        public var lessonsCompleted: Int
        public var coursesCompleted: Int
        enum CodingKeys: String, CodingKey {
            case month
            case activeLearners = "active_learners", lessonsCompleted = "lessons_completed", coursesCompleted = "courses_completed"
        }
    }

    public var year: Int
    public var targetJP: Int
    /// Records that could not be read (malformed lines, invalid statements, unreadable exports).
    public var skipped: Int
    public var statements: Counts
    public var unknownActivities: [Unknown]
    public var learners: [Learner]
    public var units: [Unit]
    public var courses: [Course]
    public var questions: [Question]
    public var months: [Month]

    enum CodingKeys: String, CodingKey {
        case year, skipped, statements, learners, units, courses, questions, months
        case targetJP = "target_jp", unknownActivities = "unknown_activities"
    }
}

/// `report.json` writes a figure that cannot be computed as `null`, not by leaving its key
/// out, so that a reader finds every documented key. The synthesized encoders of this
/// module's types call these for optional strings and numbers.
extension KeyedEncodingContainer {
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
}
