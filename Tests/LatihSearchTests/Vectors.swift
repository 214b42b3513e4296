import Foundation

/// Rows of a tab-separated table under Tests/vectors/, without its header. The same
/// tables drive Tests/js/*.test.js, so the build and the browser must agree.
func vectorRows(_ name: String) -> [(String, String)] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("vectors/\(name)")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { line in
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }
}
