/// A quiz: settings and questions, parsed from a fenced `quiz` or `gift` block.
public struct Quiz: Sendable, Equatable {
    /// Stable identity for stored attempts. Either the author's `id:`, or
    /// `<course>/<lesson>/<n>` made from slugs, which do not change when lessons are renumbered.
    public var id: String
    public var title: String?
    /// Percentage needed to pass, 0–100.
    public var pass: Int = 70
    /// Attempts allowed; nil means unlimited.
    public var attempts: Int?
    public var shuffle: Bool = false
    /// Multiple-choice questions give partial credit.
    public var partial: Bool = false
    public var questions: [Question] = []
    /// File line where the block's content starts.
    public var line: Int
    /// Whether the author set `id:` explicitly.
    public var explicitID: Bool = false
    /// What a learner may do after the last of `attempts` without passing, so that a quiz,
    /// and the course and certificate behind it, is never a dead end.
    public var retry: Retry = .review

    public enum Retry: Sendable, Equatable {
        /// Review the lesson, then start a new round of attempts.
        case review
        /// A new round of attempts opens this many minutes after the last one.
        case wait(minutes: Int)
        /// Ask the course's administrator, named here (an address, a unit, a phone number).
        case contact(String)
    }
}

/// One question: its text (inline Markdown), its answer, and what to say after answering.
public struct Question: Sendable, Equatable {
    public var text: String
    public var answer: Answer
    /// Shown after the learner checks the answer.
    public var explanation: String?
    /// File line of the question's `?` line.
    public var line: Int

    public init(text: String, answer: Answer, explanation: String? = nil, line: Int) {
        self.text = text
        self.answer = answer
        self.explanation = explanation
        self.line = line
    }
}

/// An option of a choice question.
public struct Option: Sendable, Equatable {
    public var text: String
    public var correct: Bool
    /// Shown when the learner chose this option.
    public var feedback: String?

    public init(text: String, correct: Bool, feedback: String? = nil) {
        self.text = text
        self.correct = correct
        self.feedback = feedback
    }
}

/// A numerical answer's range and the credit (0–1) an answer inside it earns.
public struct NumericRange: Sendable, Equatable {
    public var low: Double
    public var high: Double
    public var credit: Double

    public init(low: Double, high: Double, credit: Double) {
        self.low = low
        self.high = high
        self.credit = credit
    }
}

/// What a question accepts as right.
public enum Answer: Sendable, Equatable {
    case single([Option])
    case multiple([Option])
    case trueFalse(Bool)
    case numeric(value: Double, tolerance: Double)
    /// Accepted answers; matching ignores case, extra spaces and trailing punctuation.
    case shortAnswer([String])
    /// Items in the correct order.
    case ordering([String])
    /// Left–right pairs, each left matched to its right.
    case matching([(String, String)])
    /// Several numerical ranges, each with its credit; an answer earns the best credit of
    /// the ranges it falls in (Moodle's numerical question with partial credit).
    case numericSet([NumericRange])
    /// A free-text reflection, kept in the learner's browser and never scored (Moodle's essay).
    case essay
    /// Text between questions, with nothing to answer (Moodle's description).
    case description

    /// Whether the answer counts toward the quiz score.
    public var isScored: Bool {
        switch self {
        case .essay, .description: return false
        default: return true
        }
    }

    /// A short name for the kind, used in markup and messages.
    public var kind: String {
        switch self {
        case .single: return "single"
        case .multiple: return "multiple"
        case .trueFalse: return "truefalse"
        case .numeric: return "numeric"
        case .shortAnswer: return "short"
        case .ordering: return "ordering"
        case .matching: return "matching"
        case .numericSet: return "numeric"
        case .essay: return "essay"
        case .description: return "description"
        }
    }

    public static func == (a: Answer, b: Answer) -> Bool {
        switch (a, b) {
        case let (.single(x), .single(y)), let (.multiple(x), .multiple(y)): return x == y
        case let (.trueFalse(x), .trueFalse(y)): return x == y
        case let (.numeric(v1, t1), .numeric(v2, t2)): return v1 == v2 && t1 == t2
        case let (.shortAnswer(x), .shortAnswer(y)), let (.ordering(x), .ordering(y)): return x == y
        case let (.matching(x), .matching(y)): return x.map { [$0.0, $0.1] } == y.map { [$0.0, $0.1] }
        case let (.numericSet(x), .numericSet(y)): return x == y
        case (.essay, .essay), (.description, .description): return true
        default: return false
        }
    }
}
