import Foundation
import LatihParallel

/// `report.json`, written a learner at a time: encoding the whole report at once holds the
/// encoder's copy of every learner's row beside the file's bytes, several times the file
/// (about 200 MB for 20,000 people). The text is the one JSONEncoder gives the whole report
/// (pretty-printed, keys sorted): the report without its learners, with each learner's own
/// encoding put in their place, indented as the encoder indents an array's elements.
enum ReportJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func write(_ report: Report, to path: String) throws {
        let encoder = encoder()
        var skeleton = report
        skeleton.learners = []
        let outline = try encoder.encode(skeleton)
        // How the encoder writes an empty array under the top-level object.
        let empty = Data("\"learners\" : [\n\n  ]".utf8)
        guard let slot = outline.range(of: empty) else {
            try (try encoder.encode(report) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? file.close() }
        try file.write(contentsOf: Data(outline[..<slot.lowerBound]) + Data("\"learners\" : [".utf8))
        if report.learners.isEmpty { try file.write(contentsOf: Data("\n\n  ]".utf8)) }
        // A thousand learners a part, encoded on every core, written in order.
        let parts = stride(from: 0, to: report.learners.count, by: 1000).map { $0..<min($0 + 1000, report.learners.count) }
        let learners = report.learners
        for batch in stride(from: 0, to: parts.count, by: 16).map({ parts[$0..<min($0 + 16, parts.count)] }) {
            let encoded = Array(batch).parallelMap { range -> Data? in
                let encoder = Self.encoder()
                var out = Data()
                for i in range {
                    out.append(contentsOf: (i == 0 ? "\n" : ",\n").utf8)
                    // Each line four spaces in; the blank line of an empty array stays blank.
                    guard let one = try? encoder.encode(learners[i]) else { return nil }
                    var lineStart = true
                    for byte in one {
                        if lineStart, byte != 10 { out.append(contentsOf: [32, 32, 32, 32]) }
                        out.append(byte)
                        lineStart = byte == 10
                    }
                }
                return out
            }
            for part in encoded {
                guard let part else { throw CocoaError(.coderInvalidValue) }
                try file.write(contentsOf: part)
            }
        }
        var buffer = Data()
        if !report.learners.isEmpty { buffer.append(contentsOf: "\n  ]".utf8) }
        buffer.append(outline[slot.upperBound...])
        buffer.append(10)
        try file.write(contentsOf: buffer)
    }
}
