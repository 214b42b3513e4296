import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A year's events, set aside by person as they are read, then given back a person at a
/// time: what lets the report's memory follow its people, not its statements. The events
/// go into buckets by person; a large reading keeps its buckets in files in a private
/// temporary folder (removed when done), so that only one bucket is in memory while it
/// is folded. Duplicates and voided statements are settled inside a bucket: a statement
/// id belongs to one actor (an LRS refuses the same id with other content), so every copy
/// of a statement falls in one bucket; the voided ids, which voiding statements name
/// whoever their actor, are kept whole and are few.
final class PersonBuckets {
    struct Counts {
        var read = 0
        var voided = 0
        var duplicates = 0
        var outOfYear = 0
        var counted = 0
        /// Statements about activities the catalogue does not know, by activity id.
        var unknown: [String: Int] = [:]
    }

    private(set) var strings = StringTable()
    private(set) var slots: PersonSlots
    /// The slot of each string that is a learner key (`.max` for other strings).
    private var slotOf: [UInt32] = [.max]
    private var voided: Set<StatementID> = []
    private var counts = Counts()
    private var buffers: [[Event]]
    private var files: [Int32]
    private var folder: String?
    /// A bucket's events held before they are written to its file.
    private let flushAt: Int

    /// `expectedBytes`: the size of the files to be read, which sets how many buckets
    /// there are (one, in memory, for a small reading).
    /// `held`: the events kept in memory, in all buckets together, before they are
    /// written to the files.
    init(slots: PersonSlots, expectedBytes: Int, bytesPerBucket: Int, held: Int = 1 << 19) {
        self.slots = slots
        let count = max(1, min(1000, expectedBytes / max(1, bytesPerBucket) + (expectedBytes > bytesPerBucket ? 1 : 0)))
        flushAt = max(1, min(held, max(held / count, 512)))
        buffers = Array(repeating: [], count: count)
        files = Array(repeating: -1, count: count)
    }

    deinit {
        for fd in files where fd >= 0 { close(fd) }
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    var bucketCount: Int { buffers.count }
    /// The folder of the files events were set aside in, if any.
    var temporaryFolder: String? { folder }

    /// A part's statements, in reading order.
    func add(_ part: consuming StatementPart) throws {
        counts.read += part.read
        counts.voided += part.voids.count
        voided.formUnion(part.voids)
        var map = [UInt32](repeating: 0, count: part.strings.count)
        for n in 1..<max(1, part.strings.count) { map[n] = strings.number(part.strings[UInt32(n)]) }
        for var e in part.events {
            e.learner = map[Int(e.learner)]
            e.name = map[Int(e.name)]
            e.response = map[Int(e.response)]
            try append(e)
        }
    }

    /// An event from a learner's export (no statement, so no id).
    func add(_ event: Event, learner: String) throws {
        var e = event
        e.learner = strings.number(learner)
        try append(e)
    }

    private func append(_ e: Event) throws {
        let key = Int(e.learner)
        if key >= slotOf.count { slotOf += Array(repeating: .max, count: key - slotOf.count + 1) }
        if slotOf[key] == .max { slotOf[key] = UInt32(slots.slot(strings[e.learner])) }
        let b = Int(slotOf[key]) % buffers.count
        buffers[b].append(e)
        if buffers.count > 1, buffers[b].count >= flushAt { try flush(b) }
    }

    private func flush(_ b: Int) throws {
        if files[b] < 0 {
            if folder == nil {
                // Personal data: a folder only its owner can read, outside any output.
                var template = Array((NSTemporaryDirectory() + "/latih-report-XXXXXX").utf8CString)
                guard let made = mkdtemp(&template) else { throw Failure(message: "cannot make a temporary folder: \(String(cString: strerror(errno)))") }
                folder = String(cString: made)
            }
            let fd = open("\(folder!)/\(b)", O_RDWR | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw Failure(message: "cannot write a temporary file: \(String(cString: strerror(errno)))") }
            files[b] = fd
        }
        try buffers[b].withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(files[b], raw.baseAddress! + done, raw.count - done)
                guard n > 0 else { throw Failure(message: "cannot write a temporary file: \(String(cString: strerror(errno)))") }
                done += n
            }
        }
        buffers[b].removeAll(keepingCapacity: true)
    }

    /// A bucket's events, in the order they were added: those in its file, then those
    /// still held.
    private struct Source: Sendable {
        var fd: Int32
        var held: [Event]

        func load() throws -> [Event] {
            var events: [Event] = []
            if fd >= 0 {
                let size = Int(lseek(fd, 0, SEEK_END))
                let count = size / MemoryLayout<Event>.stride
                events = try [Event](unsafeUninitializedCapacity: count + held.count) { buffer, initialized in
                    var done = 0
                    let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
                    while done < size {
                        let n = pread(fd, raw + done, size - done, off_t(done))
                        guard n > 0 else { throw Failure(message: "cannot read a temporary file: \(String(cString: strerror(errno)))") }
                        done += n
                    }
                    initialized = count
                }
                close(fd)
            }
            return events + held
        }
    }

    /// Folds the people of each bucket, buckets on every core (so at most as many buckets
    /// as cores are in memory): `body` gets each person with counted events, the key of
    /// their earliest event and their events in `Event.precedes` order, and adds them to
    /// the bucket's own `T` (made by `make`). Returns each bucket's `T`, and the counts.
    func people<T: Sendable>(_ make: @escaping @Sendable () -> T,
                             _ body: @escaping @Sendable (inout T, Int, String, ArraySlice<Event>) -> Void) throws -> ([T], Counts) {
        let sources = zip(files, buffers).map { Source(fd: $0, held: $1) }
        files = Array(repeating: -1, count: files.count)
        buffers = Array(repeating: [], count: buffers.count)
        let voided = self.voided, slotOf = self.slotOf, strings = self.strings
        let folded = sources.parallelMap { source -> Result<(T, Counts), Failure> in
            var counts = Counts()
            var result = make()
            let events: [Event]
            do { events = try source.load() } catch let f as Failure { return .failure(f) } catch { return .failure(Failure(message: "\(error)")) }
            var keep = [Bool](repeating: true, count: events.count)
            // Every copy of a voided statement is voided; of the others, the first copy counts.
            var withID: [Int32] = []
            for (i, e) in events.enumerated() where e.hasID {
                if !voided.isEmpty, voided.contains(e.id) { keep[i] = false; counts.voided += 1 } else { withID.append(Int32(i)) }
            }
            withID.sort { events[Int($0)].id != events[Int($1)].id ? events[Int($0)].id < events[Int($1)].id : $0 < $1 }
            for (j, i) in withID.enumerated() where j > 0 && events[Int(withID[j - 1])].id == events[Int(i)].id {
                keep[Int(i)] = false
                counts.duplicates += 1
            }
            var counted: [Event] = []
            for (i, e) in events.enumerated() where keep[i] {
                switch e.status {
                case .counted: counted.append(e)
                case .outOfYear: counts.outOfYear += 1
                case .unknownActivity: counts.unknown[strings[e.response], default: 0] += 1
                case .ignored: break
                }
            }
            counts.counted = counted.count
            counted.sort { a, b in
                let (sa, sb) = (slotOf[Int(a.learner)], slotOf[Int(b.learner)])
                if sa != sb { return sa < sb }
                return Event.precedes(a, b)
            }
            var start = 0
            while start < counted.count {
                let slot = slotOf[Int(counted[start].learner)]
                var end = start + 1
                while end < counted.count, slotOf[Int(counted[end].learner)] == slot { end += 1 }
                body(&result, Int(slot), strings[counted[start].learner], counted[start..<end])
                start = end
            }
            return .success((result, counts))
        }
        var counts = self.counts
        var out: [T] = []
        for f in folded {
            switch f {
            case .failure(let failure): throw failure
            case .success(let (result, c)):
                out.append(result)
                counts.voided += c.voided
                counts.duplicates += c.duplicates
                counts.outOfYear += c.outOfYear
                counts.counted += c.counted
                for (id, n) in c.unknown { counts.unknown[id, default: 0] += n }
            }
        }
        return (out, counts)
    }

    struct Failure: Error { var message: String }
}
