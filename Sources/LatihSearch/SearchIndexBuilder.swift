import Foundation
import LatihCompression
import LatihParallel

/// Builds the search index that the browser's engine (`templates/assets/search/`) reads. Its size grows with the text of
/// the catalogue, not with its vocabulary: a word on one page costs its letters and one
/// posting. Layout (all under `search/`, specified in `docs/search.md`):
///
/// - `index.<hash>.js`: the catalogue, as JSON: shard bounds, the hash `h` that names
///   shards and documents, courses (facets, which documents are theirs), facet names,
///   lesson-level tags. The search page loads it beside the engine.
/// - `terms/<n>.<h>.js`: the term shards. Keys are words and stems in one sorted space,
///   cut into ranges of about `shardBytes`, so a prefix is in few neighbouring shards. A
///   key holds its postings (document-number deltas and one-byte BM25F impacts) and its
///   stems; binary (`ShardEncoder`), deflated.
/// - `docs/<d>.<h>.js`: document `d`: title, page, duration, breadcrumb, summary and its
///   whole text, as JSON, deflated; fetched for the results a query shows, and cut into
///   excerpts in the browser.
///
/// Every file is a script that registers its data in `self.latihSearchData` under its
/// name (without `.js`), as a packed string where it is deflated (`ScriptPacking`): browsers refuse `fetch`
/// from `file://` but run scripts, so the one form serves the web and USB sticks alike.
/// Names carry a hash of the contents, so hosts can cache them forever.
public struct SearchIndexBuilder: Sendable {
    /// Field weights of BM25F: title, headings, meta (summary, tags, competencies), body.
    public static let fieldWeights: [Double] = [8, 4, 2, 1]
    static let k1 = 1.2
    static let b = 0.75
    /// The `v` of the catalogue: changes whenever what the browser reads does.
    public static let formatVersion = 4
    /// libdeflate's level (1–12) for shards and documents.
    static let compression: Int32 = 6
    /// A shard is closed once its keys' estimated encoded size passes this many bytes
    /// (a key larger than that is a shard of its own). Smaller shards waste less of
    /// what a query fetches (the other keys of its shards) but lengthen the list of
    /// bounds that every query loads.
    public var shardBytes = 8_000
    /// `(contents as UTF-8) → short hash`, for file names.
    let hash: @Sendable ([UInt8]) -> String
    /// Counts the files of the index as they are encoded, for a progress line.
    public var counter: ProgressCounter?

    public init(hash: @escaping @Sendable ([UInt8]) -> String) {
        self.hash = hash
    }

    /// The files of the index, and the path (without extension) of its catalogue file.
    public func build(documents: [SearchDocument], courses: [SearchCourse]) -> (files: [SearchFile], catalogue: String) {
        // Strings are hashed only where a word is first seen; everything after works on
        // integer ids, since hashing was most of the indexing time.
        // 1. Words of every field of every document, counted (in parallel).
        var counted: [DocumentTerms] = documents.parallelMap(DocumentTerms.init)
        let lengths = counted.map(\.lengths)
        // 2. The vocabulary (`vocabulary`), and each document's words as ids of it; the
        //    documents' own word tables are not needed again, and are let go before
        //    anything larger is made. Each stage below is a function of its own, so that
        //    what it works with is let go when it returns: a rare vocabulary's tables
        //    were a good part of the build's peak memory.
        let isEnglish = documents.map { $0.language == "en" }
        let words: [String], englishWord: [Bool]
        var docWords: [[WordCount]]
        (words, englishWord, docWords) = Self.vocabulary(counted, isEnglish: isEnglish)
        counted = []
        let hasEnglish = englishWord.contains(true)
        // Each word's stem in each language. The stemmer knows the corpus's words, the
        // roots their derived forms attest, and the size of each one's family (see
        // `corpusRoots`).
        let (indonesian, attested, families) = IndonesianStemmer.knowing(words)
        // 3. Keys: every word, then every stem that is not also a word.
        let (keys, stemKeyID, stemKeyEN) = Self.keys(words, englishWord: englishWord, hasEnglish: hasEnglish,
                                                     stemmer: indonesian, attested: attested)
        // 4. Postings in document order, in two flat arrays (`postings`); the documents'
        //    word lists are let go once they are laid out.
        let laid = Self.postings(docWords, isEnglish: isEnglish, keyCount: keys.count, wordCount: words.count,
                                 stemKeyID: stemKeyID, stemKeyEN: stemKeyEN)
        docWords = []
        let (wordStart, stemStart, wordFlat, stemFlat) = (laid.wordStart, laid.stemStart, laid.wordFlat, laid.stemFlat)
        let (usedInIndonesian, usedInEnglish) = (laid.usedInIndonesian, laid.usedInEnglish)
        // A word's stems depend only on the languages of the pages that use it: at most
        // two key ids per word (-1 for none), in one flat array rather than a set each.
        var stemsOfWord = [Int32](repeating: -1, count: words.count * 2)
        for w in words.indices {
            if usedInIndonesian[w], stemKeyID[w] != w { stemsOfWord[2 * w] = Int32(stemKeyID[w]) }
            if usedInEnglish[w], stemKeyEN[w] != w, stemsOfWord[2 * w] != Int32(stemKeyEN[w]) { stemsOfWord[2 * w + 1] = Int32(stemKeyEN[w]) }
        }

        // 5. Impacts: BM25F, computed here once rather than in every browser.
        var totals = [Double](repeating: 0, count: 4)
        for l in lengths { for f in 0..<4 { totals[f] += Double(l[f]) } }
        let averages = totals.map { documents.isEmpty ? 0 : $0 / Double(documents.count) }
        let n = Double(documents.count)
        // Each document's BM25 length normalisation per field, worked out once rather
        // than for every posting (the same expression, so the same impacts).
        var norms = [Double](repeating: 1, count: documents.count * 4)
        for (d, l) in lengths.enumerated() {
            for f in 0..<4 where averages[f] > 0 {
                norms[d * 4 + f] = 1 - Self.b + Self.b * Double(l[f]) / averages[f]
            }
        }
        let fieldNorms = norms
        let allKeys = keys, wordLists = wordFlat, stemLists = stemFlat, stemSets = stemsOfWord
        let wordRanges = wordStart, stemRanges = stemStart
        @Sendable func entry(_ k: Int) -> ScoredEntry {
            ScoredEntry(key: allKeys[k], word: wordLists[wordRanges[k]..<wordRanges[k + 1]],
                        stem: stemLists[stemRanges[k]..<stemRanges[k + 1]],
                        stems: k < words.count ? stemSets[(2 * k)...(2 * k + 1)].filter { $0 >= 0 }.map { allKeys[Int($0)] } : [],
                        attested: attested.contains(allKeys[k]), family: families[allKeys[k]] ?? 0, n: n, norms: fieldNorms, averages: averages)
        }

        // 6. Shards: keys in sorted order, cut where their estimated size passes
        //    `shardBytes`; each shard is scored, encoded and deflated on its own (in
        //    parallel), so no more than a shard's entries exist at once per core.
        let order = utf16Order(allKeys)
        var ranges: [Range<Int>] = []
        var start = 0
        while start < order.count {
            var end = start, size = 0
            while end < order.count, size < shardBytes || end == start {
                let k = order[end]
                let count = (wordRanges[k + 1] - wordRanges[k]) + (stemRanges[k + 1] - stemRanges[k])
                size += ShardEncoder.estimate(keyBytes: allKeys[k].utf8.count, postings: count)
                end += 1
            }
            ranges.append(start..<end)
            start = end
        }
        let counter = self.counter
        counter?.expect(ranges.count + documents.count)
        let shardPayloads: [[UInt8]] = ranges.parallelMap { range in
            defer { counter?.step() }
            var encoder = ShardEncoder(keys: range.count, capacity: shardBytes + shardBytes / 4)
            for i in range { encoder.append(entry(order[i])) }
            return Deflate.compress(encoder.bytes, level: Self.compression)
        }
        // 7. One record per document, for the results a query shows: what the result
        //    shows and the page's whole text, which the browser cuts into an excerpt around the matched words.
        let crumbs = documents.map { Self.crumb($0, courses: courses) }
        let docPayloads: [[UInt8]] = Array(documents.indices).parallelMap { d in
            defer { counter?.step() }
            var out = JSONText(capacity: documents[d].body.utf8.count + 256)
            Self.documentRecord(documents[d], crumb: crumbs[d], into: &out)
            return Deflate.compress(out.bytes, level: Self.compression)
        }
        // Shards and documents share one hash, of all their contents: the catalogue then
        // names them with a single string instead of a hash per file. Per-file hashes
        // would save little caching across builds anyway: adding or removing a page
        // renumbers the documents after it, which changes most shards.
        let partHashes: [String] = (shardPayloads + docPayloads).parallelMap { hash($0) }
        let setHash = hash(Array(partHashes.joined(separator: "\n").utf8))
        var files: [SearchFile] = []
        files.reserveCapacity(shardPayloads.count + docPayloads.count + 1)
        for (folder, payloads) in [("terms", shardPayloads), ("docs", docPayloads)] {
            let scripts: [String] = Array(payloads.indices).parallelMap { i in
                Self.script(name: "search/\(folder)/\(i).\(setHash)", payload: payloads[i])
            }
            for (i, script) in scripts.enumerated() {
                files.append(SearchFile(path: "search/\(folder)/\(i).\(setHash).js", contents: script))
            }
        }
        // A shard's bound is the shortest prefix of its first key that sorts after the
        // last key of the shard before: the browser only asks which shard a key falls
        // in, and short bounds keep the catalogue small when shards are many.
        let shardLowers = ranges.enumerated().map { i, range -> String in
            i == 0 ? "" : Self.separator(after: allKeys[order[range.lowerBound - 1]], upTo: allKeys[order[range.lowerBound]])
        }

        let catalogue = SearchCatalogue(documents: documents, courses: courses)
        var meta = JSONText(capacity: 16 * 1024)
        meta.raw("{\"v\":\(Self.formatVersion),\"n\":\(documents.count),\"en\":\(hasEnglish),\"shards\":")
        meta.string(Self.frontCoded(shardLowers))
        meta.raw(",\"h\":")
        meta.string(setHash)
        catalogue.write(into: &meta)
        meta.raw("}")
        let metaName = "search/index.\(hash(meta.bytes))"
        files.append(SearchFile(path: metaName + ".js",
                                contents: "(self.latihSearchData=self.latihSearchData||{})[\"\(metaName)\"]=\(meta.text);\n"))
        return (files, metaName)
    }

    /// A script that registers `payload`, as a string (`ScriptPacking`), under `name` in
    /// `self.latihSearchData`: a script loads from `file://`, where browsers refuse
    /// `fetch`, and from the web alike, so the index is stored once, in one form.
    static func script(name: String, payload: [UInt8]) -> String {
        var bytes = Array("(self.latihSearchData=self.latihSearchData||{})[\"\(name)\"]=\"".utf8)
        bytes += ScriptPacking.pack(payload)
        bytes += Array("\";\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sorted strings as one string, each after the previous one's prefix that it shares:
    /// a base-36 digit for that prefix's length (in UTF-16 units, as JavaScript counts
    /// them; at most 35), the rest of the string, and a space before the next. Shard bounds
    /// share long prefixes; this takes 1.7–3 KB (gzip) off every cold query at 10,000 lessons.
    /// Keys hold no spaces (they are words). `decodeBounds` in `templates/assets/search/index-format.js` reads it.
    static func frontCoded(_ sorted: [String]) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var out = ""
        var previous: [UInt16] = []
        for (i, string) in sorted.enumerated() {
            let units = Array(string.utf16)
            var shared = 0
            while shared < min(35, units.count, previous.count), units[shared] == previous[shared] { shared += 1 }
            // Never split a surrogate pair.
            if shared > 0, UTF16.isLeadSurrogate(units[shared - 1]) { shared -= 1 }
            if i > 0 { out += " " }
            out.append(digits[shared])
            out += String(decoding: units[shared...], as: UTF16.self)
            previous = units
        }
        return out
    }

    /// The shortest prefix of `next` that sorts after `last` (UTF-16 order; `last` < `next`).
    static func separator(after last: String, upTo next: String) -> String {
        let units = Array(next.utf16)
        for n in 1..<max(units.count, 1) {
            // A prefix that ends inside a surrogate pair is not a string of its own.
            if UTF16.isLeadSurrogate(units[n - 1]) { continue }
            let candidate = String(decoding: units[..<n], as: UTF16.self)
            if utf16Less(last, candidate) { return candidate }
        }
        return next
    }

    /// A result's breadcrumb below its title: "course › module", either part left out
    /// when missing. (The browser writes its own for courses, paths and pages.)
    /// Postings of all keys in two flat arrays, each key's a contiguous range (`wordStart`,
    /// `stemStart`), in document order; a document's stems are summed over its words
    /// (each document's sums in parallel, then appended in order). Also which words
    /// Indonesian and English pages use.
    static func postings(_ docWords: [[WordCount]], isEnglish: [Bool], keyCount: Int, wordCount: Int,
                         stemKeyID: [Int], stemKeyEN: [Int])
        -> (wordStart: [Int], stemStart: [Int], wordFlat: [Posting], stemFlat: [Posting], usedInIndonesian: [Bool], usedInEnglish: [Bool]) {
        let docStems: [[(key: Int32, counts: FieldCounts)]] = Array(docWords.indices).parallelMap { d in
            let english = isEnglish[d]
            var stems = docWords[d].map { (key: Int32(english ? stemKeyEN[Int($0.word)] : stemKeyID[Int($0.word)]), counts: $0.counts) }
            stems.sort { $0.key < $1.key }
            var merged: [(key: Int32, counts: FieldCounts)] = []
            merged.reserveCapacity(stems.count)
            for s in stems {
                if let last = merged.last, last.key == s.key { merged[merged.count - 1].counts.add(s.counts) } else { merged.append(s) }
            }
            return merged
        }
        // Postings of all keys in two flat arrays, each key's a contiguous range: counted
        // first, then filled in document order (no array per key to grow).
        var wordStart = [Int](repeating: 0, count: keyCount + 1)
        var stemStart = [Int](repeating: 0, count: keyCount + 1)
        var usedInIndonesian = [Bool](repeating: false, count: wordCount)
        var usedInEnglish = [Bool](repeating: false, count: wordCount)
        for (d, list) in docWords.enumerated() {
            let english = isEnglish[d]
            for wc in list {
                let w = Int(wc.word)
                wordStart[w + 1] += 1
                if english { usedInEnglish[w] = true } else { usedInIndonesian[w] = true }
            }
            for s in docStems[d] { stemStart[Int(s.key) + 1] += 1 }
        }
        for k in 0..<keyCount {
            wordStart[k + 1] += wordStart[k]
            stemStart[k + 1] += stemStart[k]
        }
        let empty = Posting(doc: 0, counts: FieldCounts())
        var wordFlat = [Posting](repeating: empty, count: wordStart[keyCount])
        var stemFlat = [Posting](repeating: empty, count: stemStart[keyCount])
        var wordNext = wordStart, stemNext = stemStart
        // Through buffers: array subscripts checked each write's uniqueness (this step
        // went from 0.30 to 0.24 s at 10,000 lessons).
        wordFlat.withUnsafeMutableBufferPointer { wordFlat in
            stemFlat.withUnsafeMutableBufferPointer { stemFlat in
                wordNext.withUnsafeMutableBufferPointer { wordNext in
                    stemNext.withUnsafeMutableBufferPointer { stemNext in
                        for (d, list) in docWords.enumerated() {
                            for wc in list {
                                let w = Int(wc.word)
                                wordFlat[wordNext[w]] = Posting(doc: Int32(d), counts: wc.counts)
                                wordNext[w] += 1
                            }
                            for s in docStems[d] {
                                let k = Int(s.key)
                                stemFlat[stemNext[k]] = Posting(doc: Int32(d), counts: s.counts)
                                stemNext[k] += 1
                            }
                        }
                    }
                }
            }
        }
        return (wordStart, stemStart, wordFlat, stemFlat, usedInIndonesian, usedInEnglish)
    }

    /// The catalogue's distinct words in key order, whether English pages use each, and
    /// each document's words as ids into them with their counts. One pass gives each
    /// distinct word a provisional id, in order of first sight, and each document its
    /// words' provisional ids; ids in sorted order then replace them through an array,
    /// with no second lookup by string. Words stay bytes, with the hash each document's
    /// counter gave them, until the catalogue's distinct words are known.
    static func vocabulary(_ counted: [DocumentTerms], isEnglish: [Bool]) -> (words: [String], englishWord: [Bool], docWords: [[WordCount]]) {
        // The words are split into parts by their hash, and each part is gathered on a
        // core of its own from every document in order: no part holds another's words,
        // so they need no merging, and each document's word gets its provisional id from
        // the one part that has it. (On a rare vocabulary, gathering on one thread was a
        // second and a half of the build's critical path at 10,000 lessons.)
        let parts = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var offsets = [Int](repeating: 0, count: counted.count + 1)
        for d in counted.indices { offsets[d + 1] = offsets[d] + counted[d].counter.count }
        let start = offsets
        let provisional = SharedInts(count: start[counted.count])
        defer { provisional.free() }
        let gathered: [(words: [String], english: [Bool])] = Array(0..<parts).parallelMap { p in
            var vocabulary = WordCounter(expectedWords: 1 << 15)
            var english: [Bool] = []
            for d in counted.indices {
                var k = start[d]
                let inEnglish = isEnglish[d]
                counted[d].counter.forEachWord { bytes, hash in
                    defer { k += 1 }
                    guard Self.part(hash, parts) == p else { return }
                    let i = vocabulary.index(of: bytes, hash: hash)
                    if i == english.count { english.append(inEnglish) } else if inEnglish { english[i] = true }
                    provisional[k] = Int32(i)
                }
            }
            return (vocabulary.words, english)
        }
        // Provisional ids: the parts' words one after another.
        var partOffsets = [Int](repeating: 0, count: parts + 1)
        for p in 0..<parts { partOffsets[p + 1] = partOffsets[p] + gathered[p].words.count }
        let partStart = partOffsets
        let seen = gathered.flatMap(\.words)
        let inEnglish = gathered.flatMap(\.english)
        let alphabetical = utf16Order(seen)
        var sortedID = [Int](repeating: 0, count: seen.count)
        for (r, i) in alphabetical.enumerated() { sortedID[i] = r }
        let toSorted = sortedID
        let docWords: [[WordCount]] = Array(counted.indices).parallelMap { d in
            var out: [WordCount] = []
            out.reserveCapacity(start[d + 1] - start[d])
            var k = start[d]
            counted[d].counter.forEachWord { _, hash in
                let id = toSorted[partStart[Self.part(hash, parts)] + Int(provisional[k])]
                out.append(WordCount(word: Int32(id), counts: counted[d].infos[k - start[d]].counts))
                k += 1
            }
            return out
        }
        return (alphabetical.map { seen[$0] }, alphabetical.map { inEnglish[$0] }, docWords)
    }

    /// Which of `parts` parts a word falls in, by the high bits of its hash (the low
    /// ones place it in a part's table).
    @inline(__always)
    static func part(_ hash: UInt64, _ parts: Int) -> Int { Int((hash >> 40) % UInt64(parts)) }

    /// The index's keys (every word, then every stem that is not also a word, then the
    /// attested roots that are neither), and each word's Indonesian and English stem as
    /// a key id.
    static func keys(_ words: [String], englishWord: [Bool], hasEnglish: Bool, stemmer: IndonesianStemmer,
                     attested: Set<String>) -> (keys: [String], stemKeyID: [Int], stemKeyEN: [Int]) {
        let stemsID: [String] = words.parallelMap { stemmer.stem($0) }
        // Porter2 only for words that English pages use; the others are never looked up.
        let stemsEN: [String] = hasEnglish ? Array(words.indices).parallelMap { englishWord[$0] ? EnglishStemmer.stem(words[$0]) : words[$0] } : stemsID
        var keys = words
        var keyID = WordTable(capacity: words.count + words.count / 4)
        for (i, w) in words.enumerated() { keyID.set(w, i) }
        func id(_ key: String) -> Int {
            if let i = keyID.value(key) { return i }
            keyID.set(key, keys.count)
            keys.append(key)
            return keys.count - 1
        }
        // Most stems are words: found on every core, and only the others added in turn.
        let wordIDs = keyID
        let found: [Int32] = stemsID.parallelMap { Int32(wordIDs.value($0) ?? -1) }
        var stemKeyID = [Int](repeating: 0, count: stemsID.count)
        for (i, f) in found.enumerated() { stemKeyID[i] = f >= 0 ? Int(f) : id(stemsID[i]) }
        // Attested roots are keys even when no word stems to them: the browser stems a
        // query word that the index lacks by the same knowledge.
        for root in attested.sorted(by: utf16Less) { _ = id(root) }
        let stemKeyEN = hasEnglish ? stemsEN.map(id) : stemKeyID
        return (keys, stemKeyID, stemKeyEN)
    }

    static func crumb(_ doc: SearchDocument, courses: [SearchCourse]) -> String {
        if doc.kind != .lesson { return "" }
        let course = doc.course.flatMap { $0 < courses.count ? courses[$0].title : nil } ?? ""
        return [course, doc.module ?? ""].filter { !$0.isEmpty }.joined(separator: " › ")
    }

    /// `[kind, title, path, minutes, crumb, summary, text]`.
    static func documentRecord(_ doc: SearchDocument, crumb: String, into out: inout JSONText) {
        out.byte(UInt8(ascii: "["))
        out.int(doc.kind.rawValue)
        out.byte(UInt8(ascii: ","))
        out.string(doc.title)
        out.byte(UInt8(ascii: ","))
        out.string(doc.path)
        out.byte(UInt8(ascii: ","))
        out.int(doc.minutes ?? 0)
        out.byte(UInt8(ascii: ","))
        out.string(crumb)
        out.byte(UInt8(ascii: ","))
        out.string(doc.summary)
        out.byte(UInt8(ascii: ","))
        out.string(doc.body)
        out.byte(UInt8(ascii: "]"))
    }
}
