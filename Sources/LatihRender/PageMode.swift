/// The formats `latih package` writes.
public enum LMSFormat: String, Sendable, CaseIterable {
    case scorm12
    case cmi5

    /// The format's name as people know it.
    public var name: String { self == .scorm12 ? "SCORM 1.2" : "cmi5" }

    /// The longest title an LMS must keep: SCORM 1.2's `title` fields hold at least 200
    /// characters, and LMSs cut or refuse longer ones; cmi5 LMSs import SCORM's habits.
    public static let titleLimit = 200
}

/// What pages are rendered for: the published site, or an LMS package, where site
/// navigation, search and the offline worker are left out and the LMS runtime is loaded
/// instead of the site's xAPI. Templates see the format as `lms`.
public enum PageMode: Sendable, Equatable {
    case site
    case lms(LMSFormat)

    public var lmsFormat: LMSFormat? {
        if case .lms(let f) = self { return f }
        return nil
    }
}
