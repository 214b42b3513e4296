/// What a folder that Latih writes holds. The kind names the marker file that lets Latih
/// replace the folder later, and says whether the folder may ever be published: a report
/// and a set of certificates hold personal data, so they never go where a site is built
/// from or published to.
public enum OutputKind: String, Sendable, CaseIterable {
    /// `latih build`: the published site.
    case site
    /// `latih report`: the agency's monitoring report, with every learner's records.
    case report
    /// `latih certify issue`: signed credentials and the issuance ledger.
    case certificates
    /// `latih package`: LMS zips, added to the folder one by one.
    case packages

    /// The file that marks a folder as Latih's own, of this kind.
    public var marker: String { ".latih-" + rawValue }

    /// The marker's text, for a person who finds the file.
    var markerText: String {
        switch self {
        case .site: "This folder was made by `latih build`. Latih may delete and replace it.\n"
        case .report: "This folder was made by `latih report`. It holds personal data: never publish it.\n"
        case .certificates: "This folder was made by `latih certify issue`. It holds personal data: never publish it.\n"
        case .packages: "This folder was made by `latih package`.\n"
        }
    }

    /// Whether the folder holds personal data.
    public var isPrivate: Bool { self == .report || self == .certificates }

    /// The kinds whose folders hold personal data, by marker: a content folder holding one
    /// of these markers is refused by the build.
    public static let privateMarkers: Set<String> = Set(allCases.filter(\.isPrivate).map(\.marker))

    /// The command that writes this kind, as a user typed it.
    var command: String {
        switch self {
        case .site: "latih build"
        case .report: "latih report"
        case .certificates: "latih certify issue"
        case .packages: "latih package"
        }
    }

    /// What the folder holds, in a message.
    var noun: String {
        switch self {
        case .site: "the site"
        case .report: "the report"
        case .certificates: "the certificates"
        case .packages: "packages"
        }
    }
}
