import Foundation
import LatihDiagnostics

/// Reads source files as UTF-8 text, turning every way that can fail into a diagnostic.
public enum SourceReader {
    /// The file's text, or a diagnostic saying why it cannot be used.
    /// - Parameters:
    ///   - fullPath: where to read.
    ///   - displayPath: how diagnostics name the file.
    /// The largest source file Latih reads. A training lesson is a few dozen kilobytes;
    /// anything past this is a mistake (a data dump, a binary) and is refused before it is
    /// read, so memory stays bounded.
    public static let maximumBytes = 8 << 20

    public static func read(_ fullPath: String, displayPath: String) -> Result<String, Diagnostic> {
        if let size = (try? FileManager.default.attributesOfItem(atPath: fullPath))?[.size] as? Int, size > maximumBytes {
            return .failure(.error(.fileTooLarge, SourceLocation(path: displayPath),
                                   "file is too large (\(megabytes(size)); the limit is \(maximumBytes >> 20) MB)",
                                   hint: "split the lesson into several lessons, and put large documents beside it as files to download"))
        }
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            let why = FileManager.default.isReadableFile(atPath: fullPath) ? "cannot be read" : "cannot be read: permission denied"
            return .failure(.error(.fileUnreadable, SourceLocation(path: displayPath), "file \(why)",
                                   hint: "check the file's permissions (it must be readable by the user running latih)"))
        }
        return decode(data, displayPath: displayPath)
    }

    /// A size in MB (2^20 bytes) with enough precision to show how far past the limit it
    /// is: 8.6 MB, or 8.001 MB for a file a few hundred bytes over.
    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / Double(1 << 20), limit = Double(maximumBytes >> 20)
        var places = 1
        // The fewest decimals that, rounded down, still show the size past the limit.
        while places < 6, (mb * pow(10, Double(places))).rounded(.down) / pow(10, Double(places)) <= limit { places += 1 }
        return String(format: "%.\(places)f MB", (mb * pow(10, Double(places))).rounded(.down) / pow(10, Double(places)))
    }

    /// Decodes bytes as UTF-8, reporting the first invalid byte with its offset, line and column.
    public static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        // Through a buffer: Data's own iterator is a call per byte.
        if let offset = data.withUnsafeBytes({ $0.firstIndex(of: 0) }) {
            let (line, col) = lineColumn(data, offset: offset)
            return .failure(.error(.fileBinary, SourceLocation(path: displayPath, line: line, column: col),
                                   "file is binary (it contains a NUL byte at byte offset \(offset))",
                                   hint: "only UTF-8 text files may end in .md or .conf"))
        }
        if let s = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) { return .success(s) }
        let offset = firstInvalidUTF8(data)
        let (line, col) = lineColumn(data, offset: offset)
        return .failure(.error(.fileInvalidUTF8, SourceLocation(path: displayPath, line: line, column: col),
                               "invalid UTF-8 at byte offset \(offset)",
                               hint: "save the file as UTF-8 (most editors offer this under \"Save with encoding\")"))
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        // UTF8.decode consumes a whole scalar at a time; track offsets by re-encoding length.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                offset += UTF8.width(s)
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }

    static func lineColumn(_ data: Data, offset: Int) -> (Int, Int) {
        var line = 1, lineStart = 0
        for (i, b) in data.prefix(offset).enumerated() where b == 10 {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}
