/// One thing a learner did, from a statement or a learner's own export, in the terms the
/// report counts: what was opened, completed, passed or failed, and each answer.
struct Event: Sendable {
    enum Kind: Sendable, Equatable {
        case opened
        case completed
        case passed
        case failed
        /// A question answered (`success`, `response`).
        case answered
        /// A quiz's record from a learner's export: its best score and attempts, passed
        /// at `time` when `success` is true.
        case quizSummary(attempts: Int)
    }

    var learner: String
    var name: String?
    var time: Double
    var kind: Kind
    var target: Target
    /// 0–100.
    var score: Double?
    var success: Bool?
    var response: String?
}

extension Event.Kind {
    /// The kind a statement's verb counts as. Verbs that only say an activity was used
    /// (initialized, experienced, terminated, progressed …) count as opening it.
    init(verb: String) {
        let name = verb.utf8.lastIndex(of: UInt8(ascii: "/")).map { verb[verb.utf8.index(after: $0)...] } ?? Substring(verb)
        switch name {
        case "completed": self = .completed
        case "passed": self = .passed
        case "failed": self = .failed
        case "answered": self = .answered
        default: self = .opened
        }
    }
}
