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
}

/// One question: its text (inline Markdown), its answer, and what to say after answering.
public struct Question: Sendable, Equatable {
    public var text: String
    public var answer: Answer
    /// Shown after the learner checks the answer.
    public var explanation: String?
    /// File line of the question's `?` line.
    public var line: Int
}

/// An option of a choice question.
public struct Option: Sendable, Equatable {
    public var text: String
    public var correct: Bool
    /// Shown when the learner chose this option.
    public var feedback: String?
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
        }
    }

    public static func == (a: Answer, b: Answer) -> Bool {
        switch (a, b) {
        case let (.single(x), .single(y)), let (.multiple(x), .multiple(y)): return x == y
        case let (.trueFalse(x), .trueFalse(y)): return x == y
        case let (.numeric(v1, t1), .numeric(v2, t2)): return v1 == v2 && t1 == t2
        case let (.shortAnswer(x), .shortAnswer(y)), let (.ordering(x), .ordering(y)): return x == y
        case let (.matching(x), .matching(y)): return x.map { [$0.0, $0.1] } == y.map { [$0.0, $0.1] }
        default: return false
        }
    }
}
