/// One thing a learner did, from a statement or a learner's own export, in the terms the
/// report counts: what was opened, completed, passed or failed, and each answer.
///
/// A year holds millions, so an event holds no references: its strings (the learner's key,
/// name and response) are numbers in the reading's `StringTable`, its activity a code in
/// the `CatalogueIndex`, its time whole microseconds (what an LRS stores, so that a file
/// and ClickHouse give the same times). Being plain bytes, events can also be set aside
/// on disk by person (`PersonBuckets`) and read back unchanged.
struct Event: Sendable {
    enum Kind: UInt8, Sendable, Equatable {
        case opened
        case completed
        case passed
        case failed
        /// A question answered (`success`, `response`).
        case answered
        /// A quiz's record from a learner's export: its best score and `attempts`, passed
        /// at `time` when `success` is true.
        case quizSummary
    }

    /// What the reading found of a statement besides its event: it is counted, or it lies
    /// outside the year, or its activity is unknown to the catalogue (`response` then
    /// holds the activity's id).
    enum Status: UInt8, Sendable {
        case counted
        case outOfYear
        case unknownActivity
        /// Its object is not an activity (an agent, a sub-statement): read, not counted.
        case ignored
    }

    /// Microseconds since 1970.
    var time: Int64
    /// The statement's id; `hasID` is false for a learner's export, which has none.
    var id: StatementID
    /// The learner's key in the reading's strings; after `PersonBuckets` sorts the
    /// events, the person (roster row or new actor) it belongs to.
    var learner: UInt32
    /// 0: none.
    var name: UInt32 = 0
    /// 0: none.
    var response: UInt32 = 0
    /// The activity's code in the catalogue (`CatalogueIndex.target(code:)`).
    var activity: Int32 = 0
    /// 0–100, or NaN when there is none.
    var score: Double = .nan
    var kind: Kind
    var status: Status = .counted
    /// -1 none, 0 false, 1 true.
    var successCode: Int8 = -1
    var hasID = false
    var attempts: UInt16 = 0

    var seconds: Double { Double(time) / 1_000_000 }

    /// The order a person's events are folded in: by time; at the same time, answers
    /// before the quiz statement that scores them (a site or an LMS may stamp an attempt's
    /// statements alike); then by statement id, so that a file and ClickHouse agree.
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        if a.time != b.time { return a.time < b.time }
        let (ra, rb) = (a.kind == .answered ? 0 : 1, b.kind == .answered ? 0 : 1)
        if ra != rb { return ra < rb }
        if a.hasID != b.hasID { return !a.hasID }
        return a.id < b.id
    }
    var success: Bool? { successCode < 0 ? nil : successCode == 1 }
    var scoreValue: Double? { score.isNaN ? nil : score }

    /// Whole microseconds of `seconds`, the precision an LRS stores.
    static func micros(_ seconds: Double) -> Int64 { Int64((seconds * 1_000_000).rounded()) }

    static func successCode(_ b: Bool?) -> Int8 { b.map { $0 ? 1 : 0 } ?? -1 }
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

/// Each distinct string of a reading once, numbered from 1 (0 is "none"). Learner keys,
/// names and responses repeat across a year's statements; events hold their numbers.
struct StringTable: Sendable {
    private(set) var strings: [String] = [""]
    private var numbers: [String: UInt32] = [:]

    mutating func number(_ s: String) -> UInt32 {
        if let n = numbers[s] { return n }
        let n = UInt32(strings.count)
        strings.append(s)
        numbers[s] = n
        return n
    }

    mutating func number(_ s: String?) -> UInt32 { s.map { number($0) } ?? 0 }

    subscript(_ n: UInt32) -> String { strings[Int(n)] }
    func optional(_ n: UInt32) -> String? { n == 0 ? nil : strings[Int(n)] }
    var count: Int { strings.count }
}
