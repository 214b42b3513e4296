/// `../` once per folder between a page and the site root, so every link is relative
/// and the site works at a domain root, under a sub-path, or opened from disk.
public func rootPrefix(for outputPath: String) -> String {
    let depth = outputPath.split(separator: "/").count - 1
    return String(repeating: "../", count: depth)
}
