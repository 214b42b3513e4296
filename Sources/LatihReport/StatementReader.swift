import Foundation
import LatihDiagnostics
import LatihParallel
#if canImport(Glibc)
import Glibc
#endif

/// A statement's id, as 128 bits: compared without building a lowercased string each.
struct StatementID: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// A UUID's 32 hex digits (the hyphens skipped), in either case; nil if it is not one.
    init?(_ s: String) {
        var h: UInt64 = 0, l: UInt64 = 0, n = 0
        for c in s.utf8 where c != UInt8(ascii: "-") {
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 65...70: d = UInt64(c - 55)
            case 97...102: d = UInt64(c - 87)
            default: return nil
            }
            if n < 16 { h = h << 4 | d } else { l = l << 4 | d }
            n += 1
        }
        guard n == 32 else { return nil }
        (high, low) = (h, l)
    }
}

/// One statement as read, reduced to what the report counts: its id (or the id it
/// voids), its time, what its activity names in the catalogue (or the activity id when
/// the catalogue does not know it), and the event. A year holds a million, and the whole
/// statements would take several times the memory until they are counted.
struct ReadStatement: Sendable {
    var id: StatementID?
    /// For a voiding statement: the statement it voids.
    var voids: StatementID?
    /// Kept only for an activity the catalogue does not know.
    var unknownActivity: String?
    /// The event, for a statement with a time about an activity the catalogue knows.
    var event: Event?
    var time: Double?

    /// `memo` keeps the targets of activity ids seen in the same part of the file, and
    /// `strings` one copy of each actor seen there: a person's statements then share it
    /// instead of holding one each.
    init(_ s: Statement, index: CatalogueIndex, memo: inout [String: Target?], strings: inout [String: String]) {
        id = s.id.flatMap(StatementID.init)
        let verb = s.verb?.id ?? ""
        voids = verb == Statement.voided ? s.object?.id.flatMap(StatementID.init) : nil
        time = (s.timestamp ?? s.stored).flatMap(ISOTime.seconds)
        var target: Target?
        if voids == nil, let objectID = s.object?.id {
            if let known = memo[objectID] { target = known } else {
                target = index.target(objectID)
                memo[objectID] = target
            }
            if target == nil { unknownActivity = objectID }
        }
        guard let target, let time else { return }
        let score = s.result?.score.flatMap { sc -> Double? in
            if let raw = sc.raw { return sc.max.map { $0 > 0 && $0 != 100 ? raw / $0 * 100 : raw } ?? raw }
            return sc.scaled.map { $0 * 100 }
        }
        let key = s.learnerKey
        let learner = strings[key] ?? key
        if learner == key, strings[key] == nil { strings[key] = key }
        event = Event(learner: learner, name: s.actor?.name, time: time, kind: Event.Kind(verb: verb),
                      target: target, score: score, success: s.result?.success, response: s.result?.response)
    }

    var isVoiding: Bool { voids != nil }
}

/// Reads statements from files: a JSON array (what `GET /statements` answers, or an LRS's
/// export) or one JSON statement per line. Each statement is decoded on its own, in
/// parallel, so that one bad statement is a warning at its line and the rest are read.
enum StatementReader {
    /// What reading a file gave: its statements, a warning for each that cannot be read
    /// (and for an array that is not closed), and how many could not be read.
    /// The statements come in parts, as they were read: joining them into one array would
    /// hold them twice at the peak.
    typealias Read = (parts: [[ReadStatement]], diagnostics: [Diagnostic], skipped: Int)

    /// The statements of `data` (from `path`). With `consuming`, `data` is a mapped file
    /// that is not read again: its pages are let go as each part is read.
    static func read(_ data: Data, path: String, index: CatalogueIndex, consuming: Bool = false) -> Read {
        data.withUnsafeBytes { raw in read(raw.bindMemory(to: UInt8.self), path: path, index: index, consuming: consuming) }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, index: CatalogueIndex, consuming: Bool = false) -> Read {
        let first = bytes.firstIndex { !isSpace($0) }
        let pieces: [(line: Int, range: Range<Int>)]
        var diags: [Diagnostic] = []
        if let first, bytes[first] == UInt8(ascii: "[") {
            let (p, problem) = JSONArraySplitter.elements(bytes, from: first)
            pieces = p
            if let problem { diags.append(.warning(.reportNotJSON, SourceLocation(path: path, line: problem.line, column: 1), problem.message)) }
        } else {
            pieces = lines(bytes)
        }
        let chunks = stride(from: 0, to: pieces.count, by: 2048).map { $0..<min($0 + 2048, pieces.count) }
        // Each part keeps its statements and its (rare) warnings apart: a warning slot beside
        // every statement would cost more memory than the statements themselves.
        let decoded = { () -> [(statements: [ReadStatement], warnings: [Diagnostic])] in
            let buffer = SendableBuffer(bytes)
            return chunks.parallelMap { chunk in
                var memo: [String: Target?] = [:]
                var strings: [String: String] = [:]
                var statements: [ReadStatement] = [], warnings: [Diagnostic] = []
                statements.reserveCapacity(chunk.count)
                for i in chunk {
                    let (line, range) = pieces[i]
                    let at = SourceLocation(path: path, line: line, column: 1)
                    do {
                        let s = try StatementScanner.statement(UnsafeBufferPointer(rebasing: buffer.pointer[range]))
                        if let problem = s.problem() {
                            warnings.append(.warning(.reportInvalidStatement, at, "not a valid xAPI 1.0.3 statement: \(problem)"))
                        } else {
                            statements.append(ReadStatement(s, index: index, memo: &memo, strings: &strings))
                        }
                    } catch let failure as StatementScanner.Failure {
                        warnings.append(.warning(.reportNotJSON, at, failure.message))
                    } catch {
                        warnings.append(.warning(.reportNotJSON, at, "line is not JSON"))
                    }
                }
                // This part of a mapped export is read for good: its pages are let go, so
                // that a year's export is not all resident at once.
                if consuming, let first = chunk.first, let last = chunk.last {
                    buffer.release(pieces[first].range.lowerBound..<pieces[last].range.upperBound)
                }
                return (statements, warnings)
            }
        }()
        var skipped = 0
        for part in decoded {
            diags += part.warnings
            skipped += part.warnings.count
        }
        return (decoded.map(\.statements), diags, skipped)
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    /// Non-blank lines, numbered from 1.
    static func lines(_ b: UnsafeBufferPointer<UInt8>) -> [(line: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        var start = 0, line = 1
        func add(_ end: Int) {
            if b[start..<end].contains(where: { !isSpace($0) }) { out.append((line, start..<end)) }
        }
        for i in b.indices where b[i] == 10 {
            add(i)
            start = i + 1
            line += 1
        }
        if start < b.count { add(b.count) }
        return out
    }

}

/// A file's bytes, read by every core at once (never written while they read).
struct SendableBuffer: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<UInt8>
    init(_ p: UnsafeBufferPointer<UInt8>) { pointer = p }

    /// Tells the kernel that the whole pages inside `range` will not be read again: for a
    /// mapped file they are dropped from memory (and read from the file again if they
    /// were). Only for a mapping that nothing reads again: other memory would read as zeros.
    func release(_ range: Range<Int>) {
        #if canImport(Glibc)
        guard let base = pointer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + range.lowerBound + page - 1) / page * page
        let end = (Int(bitPattern: base) + range.upperBound) / page * page
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, MADV_DONTNEED)
        #endif
    }
}

/// The elements of a top-level JSON array, as byte ranges with the line each starts on.
/// Written by hand because Foundation's JSON parsers give no positions: a report must say
/// at which line of a 500 MB export a bad statement is. Only the array's own structure is
/// read here (strings, escapes, nesting); each element is then parsed by JSONDecoder.
enum JSONArraySplitter {
    static func elements(_ b: UnsafeBufferPointer<UInt8>, from open: Int) -> ([(line: Int, range: Range<Int>)], (line: Int, message: String)?) {
        var out: [(Int, Range<Int>)] = []
        var line = 1
        for i in 0..<open where b[i] == 10 { line += 1 }
        var i = open + 1
        var depth = 0, inString = false, escaped = false
        var start: Int?, startLine = line
        while i < b.count {
            let c = b[i]
            if c == 10 { line += 1 }
            if inString {
                if escaped { escaped = false } else if c == 92 { escaped = true } else if c == 34 { inString = false }
            } else {
                switch c {
                case 34:
                    inString = true
                    if start == nil { start = i; startLine = line }
                case 123, 91:
                    if start == nil { start = i; startLine = line }
                    depth += 1
                case 125 where depth > 0, 93 where depth > 0:
                    depth -= 1
                case 93:
                    if let s = start { out.append((startLine, s..<i)) }
                    return (out, nil)
                case 44 where depth == 0:
                    if let s = start { out.append((startLine, s..<i)) }
                    start = nil
                default:
                    if start == nil && !StatementReader.isSpace(c) { start = i; startLine = line }
                }
            }
            i += 1
        }
        if let s = start { out.append((startLine, s..<b.count)) }
        return (out, (line, "the JSON array is not closed; the statements before its end were read"))
    }
}
