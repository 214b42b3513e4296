import Foundation
import LatihDiagnostics
import LatihOutput
#if canImport(Glibc)
import Glibc
#endif

/// Lists every file under the content folder, sorted by path so that the order on disk
/// never changes the output. Symbolic links are followed only when they stay inside the
/// content folder; a link outside it, a dangling link or a loop is a diagnostic.
struct FileTree {
    let root: String
    private(set) var files: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private let realRoot: String
    private var visited: Set<String> = []

    init(root: String) {
        self.root = root
        self.realRoot = FileTree.realPath(root) ?? root
        visited.insert(realRoot)
        walk("", depth: 0)
        files.sort()
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    private mutating func walk(_ relative: String, depth: Int) {
        let full = relative.isEmpty ? root : root + "/" + relative
        guard depth < 32 else {
            diagnostics.append(.error(.contentTooDeep, SourceLocation(path: relative), "folders are nested too deeply"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: full).sorted()
        } catch {
            diagnostics.append(.error(.contentFolderUnreadable, SourceLocation(path: relative.isEmpty ? root : relative), "folder cannot be read",
                                      hint: "check the folder's permissions"))
            return
        }
        // A report or certificates copied into the content would be published with it.
        if let marker = names.first(where: OutputKind.privateMarkers.contains) {
            diagnostics.append(.error(.contentPrivateFolder, SourceLocation(path: relative.isEmpty ? root : relative),
                                      "folder holds personal data written by Latih (\(marker)); refusing to publish it",
                                      hint: "move this folder out of content/: reports and certificates are given to the people entitled to them, never published"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let path = root + "/" + rel
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            var mode = st.st_mode & S_IFMT
            if mode == S_IFLNK {
                guard let target = FileTree.realPath(path) else {
                    let why = errno == ELOOP ? "is a symbolic link loop" : "is a symbolic link to nothing"
                    diagnostics.append(.error(.contentBrokenLink, SourceLocation(path: rel), "\(why)", hint: "remove the link or point it at a file inside content/"))
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(.contentLinkOutside, SourceLocation(path: rel), "symbolic link points outside the content folder; refused",
                                              hint: "copy the file into content/ instead of linking to it"))
                    continue
                }
                guard stat(path, &st) == 0 else { continue }
                mode = st.st_mode & S_IFMT
            }
            if mode == S_IFDIR {
                let real = FileTree.realPath(path) ?? path
                guard !visited.contains(real) else {
                    diagnostics.append(.error(.contentBrokenLink, SourceLocation(path: rel), "is a symbolic link loop",
                                              hint: "this folder is already part of content/ through another path; remove the link"))
                    continue
                }
                visited.insert(real)
                walk(rel, depth: depth + 1)
            } else if mode == S_IFREG {
                files.append(rel)
            }
        }
    }
}
