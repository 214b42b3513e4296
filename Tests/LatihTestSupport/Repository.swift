import Foundation

/// The repository's own folders, found from this file's place in `Tests/LatihTestSupport/`.
public enum Repository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// A test target's fixtures: `Tests/<target>/Fixtures`.
    public static func fixtures(of target: String) -> String { root + "/Tests/\(target)/Fixtures" }
}

/// The folder that holds this test process's temporary folders. It is removed when the
/// process exits, so a test run leaves nothing behind in the system's temporary folder
/// (build tests write whole sites, and runs add up).
public let scratchRoot: String = {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("latih-tests-\(ProcessInfo.processInfo.processIdentifier)").path
    atexit { try? FileManager.default.removeItem(atPath: scratchRoot) }
    return dir
}()

/// A fresh, empty temporary folder under `scratchRoot`.
public func temporaryFolder() throws -> String {
    let dir = scratchRoot + "/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
