import Foundation
import LatihDiagnostics
import LatihParallel
#if canImport(Glibc)
import Glibc
#endif

/// A statement's id, as 128 bits: compared without building a lowercased string each.
struct StatementID: Hashable, Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

    static let none = StatementID(high: 0, low: 0)
    static func < (a: StatementID, b: StatementID) -> Bool { (a.high, a.low) < (b.high, b.low) }

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

/// A part of a reading (a few thousand statements, an LRS page), reduced to what the
/// report counts: an event per statement, the ids that its voiding statements void, and
/// its warnings. Parts are made on every core and handed on in reading order.
struct StatementPart: Sendable {
    var events: [Event] = []
    /// The learner keys, names, responses and unknown activity ids of `events`.
    var strings = StringTable()
    /// The statements voided by this part's voiding statements.
    var voids: [StatementID] = []
    /// Statements read, voiding statements included.
    var read = 0
    var warnings: [Diagnostic] = []

    /// `memo` keeps the codes of activity ids seen in the part.
    mutating func add(_ s: Statement, index: CatalogueIndex, year: YearWindow, memo: inout [String: Int32?]) {
        read += 1
        let verb = s.verb?.id ?? ""
        if verb == Statement.voided {
            if let v = s.object?.id.flatMap(StatementID.init) { voids.append(v) }
            return
        }
        let id = s.id.flatMap(StatementID.init)
        // problem() has checked that the time is there and reads.
        let time = Event.micros((s.timestamp ?? s.stored).flatMap(ISOTime.seconds) ?? 0)
        var e = Event(time: time, id: id ?? .none, learner: strings.number(s.learnerKey), kind: Event.Kind(verb: verb))
        e.hasID = id != nil
        if !year.contains(e.seconds) {
            e.status = .outOfYear
        } else if let objectID = s.object?.id {
            let code: Int32?
            if let known = memo[objectID] { code = known } else {
                code = index.target(objectID).map(index.code)
                memo[objectID] = code
            }
            if let code {
                e.activity = code
                e.name = strings.number(s.actor?.name)
                e.response = strings.number(s.result?.response)
                e.successCode = Event.successCode(s.result?.success)
                if let sc = s.result?.score {
                    if let raw = sc.raw { e.score = sc.max.map { $0 > 0 && $0 != 100 ? raw / $0 * 100 : raw } ?? raw }
                    else if let scaled = sc.scaled { e.score = scaled * 100 }
                }
            } else {
                e.status = .unknownActivity
                e.response = strings.number(objectID)
            }
        } else {
            e.status = .ignored
        }
        events.append(e)
    }
}

/// Reads statements from files: a JSON array (what `GET /statements` answers, or an LRS's
/// export) or one JSON statement per line. Each statement is decoded on its own, in
/// parallel, so that one bad statement is a warning at its line and the rest are read.
/// A file is read a window at a time and handed on in parts, so that a year's export is
/// never held whole, decoded, at once.
enum StatementReader {
    /// Statements decoded together on one core.
    static let partSize = 2048
    /// Statements split out of the file before they are decoded.
    static let windowSize = 64 * partSize

    /// The statements of `data` (from `path`), given to `sink` part by part in reading
    /// order; returns the warnings of the file's own shape. With `consuming`, `data` is a
    /// mapped file that is not read again: its pages are let go as each part is read.
    static func read(_ data: Data, path: String, index: CatalogueIndex, year: YearWindow, consuming: Bool = false,
                     into sink: (consuming StatementPart) -> Void) -> [Diagnostic] {
        data.withUnsafeBytes { raw in
            read(raw.bindMemory(to: UInt8.self), path: path, index: index, year: year, consuming: consuming, into: sink)
        }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, index: CatalogueIndex, year: YearWindow, consuming: Bool = false,
                     into sink: (consuming StatementPart) -> Void) -> [Diagnostic] {
        let first = bytes.firstIndex { !isSpace($0) }
        let buffer = SendableBuffer(bytes)
        func decode(_ pieces: [(line: Int, range: Range<Int>)]) {
            let chunks = stride(from: 0, to: pieces.count, by: partSize).map { $0..<min($0 + partSize, pieces.count) }
            let parts = chunks.parallelMap { chunk in
                var memo: [String: Int32?] = [:]
                var part = StatementPart()
                part.events.reserveCapacity(chunk.count)
                for i in chunk {
                    let (line, range) = pieces[i]
                    let at = SourceLocation(path: path, line: line, column: 1)
                    do {
                        let s = try StatementScanner.statement(UnsafeBufferPointer(rebasing: buffer.pointer[range]))
                        if let problem = s.problem() {
                            part.warnings.append(.warning(.reportInvalidStatement, at, "not a valid xAPI 1.0.3 statement: \(problem)"))
                        } else {
                            part.add(s, index: index, year: year, memo: &memo)
                        }
                    } catch let failure as StatementScanner.Failure {
                        part.warnings.append(.warning(.reportNotJSON, at, failure.message))
                    } catch {
                        part.warnings.append(.warning(.reportNotJSON, at, "line is not JSON"))
                    }
                }
                // This part of a mapped export is read for good: its pages are let go, so
                // that a year's export is not all resident at once.
                if consuming, let first = chunk.first, let last = chunk.last {
                    buffer.release(pieces[first].range.lowerBound..<pieces[last].range.upperBound)
                }
                return part
            }
            for part in parts { sink(part) }
        }
        if let first, bytes[first] == UInt8(ascii: "[") {
            let problem = JSONArraySplitter.elements(bytes, from: first, batch: windowSize, decode)
            if let problem { return [.warning(.reportNotJSON, SourceLocation(path: path, line: problem.line, column: 1), problem.message)] }
        } else {
            lines(bytes, batch: windowSize, decode)
        }
        return []
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    /// Non-blank lines, numbered from 1, given to `body` `batch` at a time.
    static func lines(_ b: UnsafeBufferPointer<UInt8>, batch: Int, _ body: ([(line: Int, range: Range<Int>)]) -> Void) {
        var out: [(line: Int, range: Range<Int>)] = []
        var start = 0, line = 1
        func add(_ end: Int) {
            if b[start..<end].contains(where: { !isSpace($0) }) { out.append((line, start..<end)) }
            if out.count >= batch { body(out); out.removeAll(keepingCapacity: true) }
        }
        var i = 0
        while i < b.count {
            if b[i] == 10 {
                add(i)
                start = i + 1
                line += 1
            }
            i += 1
        }
        if start < b.count { add(b.count) }
        if !out.isEmpty { body(out) }
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
        var all: [(line: Int, range: Range<Int>)] = []
        let problem = elements(b, from: open, batch: Int.max) { all += $0 }
        return (all, problem)
    }

    /// The elements, given to `body` `batch` at a time; returns the problem with the
    /// array's end, if any.
    static func elements(_ b: UnsafeBufferPointer<UInt8>, from open: Int, batch: Int,
                         _ body: ([(line: Int, range: Range<Int>)]) -> Void) -> (line: Int, message: String)? {
        var out: [(line: Int, range: Range<Int>)] = []
        func emit(_ element: (Int, Range<Int>)) {
            out.append(element)
            if out.count >= batch { body(out); out.removeAll(keepingCapacity: true) }
        }
        func finish() { if !out.isEmpty { body(out) } }
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
                    if let s = start { emit((startLine, s..<i)) }
                    finish()
                    return nil
                case 44 where depth == 0:
                    if let s = start { emit((startLine, s..<i)) }
                    start = nil
                default:
                    if start == nil && !StatementReader.isSpace(c) { start = i; startLine = line }
                }
            }
            i += 1
        }
        if let s = start { emit((startLine, s..<b.count)) }
        finish()
        return (line, "the JSON array is not closed; the statements before its end were read")
    }
}
