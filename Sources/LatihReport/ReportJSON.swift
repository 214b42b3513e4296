import Foundation

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
        var buffer = Data(outline[..<slot.lowerBound])
        buffer.append(contentsOf: "\"learners\" : [".utf8)
        if report.learners.isEmpty { buffer.append(contentsOf: "\n\n  ]".utf8) }
        for (i, learner) in report.learners.enumerated() {
            buffer.append(contentsOf: (i == 0 ? "\n" : ",\n").utf8)
            // Each line four spaces in; the blank line of an empty array stays blank.
            var lineStart = true
            for byte in try encoder.encode(learner) {
                if lineStart, byte != 10 { buffer.append(contentsOf: [32, 32, 32, 32]) }
                buffer.append(byte)
                lineStart = byte == 10
            }
            if buffer.count > 1 << 20 {
                try file.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !report.learners.isEmpty { buffer.append(contentsOf: "\n  ]".utf8) }
        buffer.append(outline[slot.upperBound...])
        buffer.append(10)
        try file.write(contentsOf: buffer)
    }
}
