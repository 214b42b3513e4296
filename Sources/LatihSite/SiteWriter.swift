import Foundation
import LatihContent
import LatihRender

/// Writes a finished site into a staging folder, in parallel, and swaps it into place.
enum SiteWriter {
    static func write(to output: String, pages: [OutputFile], assets: [(String, Data)],
                      contentAssets: [Asset], contentDir: String) throws {
        let folder = OutputFolder(path: output)
        folder.removeStale()
        let staging = try folder.makeStaging()
        do {
            let fm = FileManager.default
            var dirs: Set<String> = []
            let allPaths = pages.map(\.path) + assets.map(\.0) + contentAssets.map(\.outputPath)
            for p in allPaths {
                let dir = (p as NSString).deletingLastPathComponent
                if !dir.isEmpty { dirs.insert(dir) }
            }
            for dir in dirs.sorted() {
                try fm.createDirectory(atPath: staging + "/" + dir, withIntermediateDirectories: true)
            }
            let failures = pages.parallelMap { page -> String? in
                FileManager.default.createFile(atPath: staging + "/" + page.path, contents: Data(page.contents.utf8)) ? nil : page.path
            }
            if let failed = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed])
            }
            for (path, data) in assets {
                try data.write(to: URL(fileURLWithPath: staging + "/" + path))
            }
            for asset in contentAssets {
                try fm.copyItem(atPath: contentDir + "/" + asset.sourcePath, toPath: staging + "/" + asset.outputPath)
            }
            try folder.commit(staging: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
