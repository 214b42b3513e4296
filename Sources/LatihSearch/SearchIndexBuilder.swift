import Foundation
import LatihParallel

/// Builds the search index that `latih-search.js` reads. Layout (all under `search/`):
///
/// - `index.<hash>.json`: the small catalogue: shard bounds, the hash `h` that names
///   shards and documents, courses (title, facets, which documents are theirs), facet
///   names, lesson-level tags.
/// - `terms/<n>.<h>.json`: the shards, of about 12 KB. Keys are words and stems in one
///   sorted space, cut into ranges, so a prefix is in few neighbouring shards. A key holds
///   postings (document id deltas with a precomputed BM25F impact), the stems of the word,
///   and "cards" for its ten best documents (and for the ten best by its stem postings,
///   when other words stem to it): title, page, duration and an excerpt around the match,
///   so a one-word query needs no further request to show its top results.
/// - `docs/<n>.<h>.json`: the cards and the first 1,200 characters of documents 2n and
///   2n + 1, fetched only for results that no fetched shard carries a card for (filters,
///   queries of several common words).
/// - `words.<hash>.json`: every word, fetched only when a query needs typo tolerance.
///
/// Each file's data is also registered by a script, in `self.latihSearchData` under the
/// file's name: browsers refuse `fetch` from `file://` but run scripts. The catalogue
/// and the word list have a twin `.js` each; shards and documents come in scripts of 16
/// files (`terms/s<n>.<h>.js`, `docs/s<n>.<h>.js`).
/// Names carry a hash of the contents, so hosts can cache them forever.
public struct SearchIndexBuilder: Sendable {
    /// Field weights of BM25F: title, headings, meta (summary, tags, competencies), body.
    public static let fieldWeights: [Double] = [8, 4, 2, 1]
    static let k1 = 1.2
    /// Impacts are stored as integers: BM25F × 20, so most fit in two packed characters.
    static let impactScale = 20.0
    static let b = 0.75
    /// Documents with a card per key (per use of the key: as a word and as others' stem).
    public static let cardsPerKey = 10
    /// What a stem match counts against the exact word: `WEIGHTS.stem` in latih-search.js.
    static let stemWeight = 0.7
    /// Documents per JSON file (`docs/<n>.<h>.json`, n = document ÷ 2). The results that
    /// need one are spread over the catalogue (the ten best pages for two common words
    /// are rarely neighbours, even in a catalogue with topics), so bigger files cost bytes
    /// and save no requests; two per file halve the files to write at the same bytes as
    /// one with 2,400 characters.
    public static let docsPerFile = 2
    /// Characters of body text kept per document, for snippets: enough for the first
    /// occurrence of the common words that send a query here.
    static let docTextLimit = 1200
    /// Files per script for `file://` (`terms/s<n>.<h>.js`, `docs/s<n>.<h>.js`), where
    /// bytes cost nothing and every file costs time to write.
    public static let filesPerScript = 16
    /// A shard is closed once it passes this many bytes of JSON. Smaller shards waste
    /// less of what a query fetches (the other keys of its shards) but lengthen the list
    /// of bounds in the catalogue; at 10,000 lessons 12 KB minimised the two together
    /// over the search benchmark's queries (32 KB: 59–64 KB a query, 12 KB: 46–52 KB).
    public var shardBytes = 12_000
    /// `(contents as UTF-8) → short hash`, for file names.
    let hash: @Sendable ([UInt8]) -> String

    public init(hash: @escaping @Sendable ([UInt8]) -> String) {
        self.hash = hash
    }

    /// The files of the index, and the path (without extension) of its catalogue file.
    public func build(documents: [SearchDocument], courses: [SearchCourse]) -> (files: [SearchFile], catalogue: String) {
        // Strings are hashed only where a word is first seen; everything after works on
        // integer ids, since hashing was most of the indexing time.
        // 1. Words of every field of every document, counted (in parallel).
        let counted: [DocumentTerms] = documents.parallelMap(DocumentTerms.init)
        // 2. The vocabulary. One pass gives each distinct word a provisional id, in order
        //    of first sight, and each document its words' provisional ids; ids in sorted
        //    order then replace them through an array, with no second lookup by string.
        //    Words stay bytes, with the hash each document's counter gave them, until the
        //    catalogue's distinct words are known.
        let isEnglish = documents.map { $0.language == "en" }
        var vocabulary = WordCounter(expectedWords: 1 << 15)
        var inEnglish: [Bool] = []
        let docProvisional: [[Int32]] = counted.indices.map { d in
            let terms = counted[d], english = isEnglish[d]
            var ids: [Int32] = []
            ids.reserveCapacity(terms.counter.count)
            terms.counter.forEachWord { bytes, hash in
                let i = vocabulary.index(of: bytes, hash: hash)
                if i == inEnglish.count { inEnglish.append(english) } else if english { inEnglish[i] = true }
                ids.append(Int32(i))
            }
            return ids
        }
        let seen = vocabulary.words
        let alphabetical = seen.indices.sorted { utf16Less(seen[$0], seen[$1]) }
        var sortedID = [Int](repeating: 0, count: seen.count)
        for (r, i) in alphabetical.enumerated() { sortedID[i] = r }
        let words = alphabetical.map { seen[$0] }
        let englishWord = alphabetical.map { inEnglish[$0] }
        let hasEnglish = englishWord.contains(true)
        // Each word's stem in each language. The stemmer knows the corpus's words and the
        // roots their derived forms attest (see `attestedRoots`).
        let known = Set(words)
        let attested = IndonesianStemmer.attestedRoots(in: words)
        let indonesian = IndonesianStemmer(isKnown: { known.contains($0) || attested.contains($0) })
        let stemsID: [String] = words.parallelMap { indonesian.stem($0) }
        // Porter2 only for words that English pages use; the others are never looked up.
        let stemsEN: [String] = hasEnglish ? Array(words.indices).parallelMap { englishWord[$0] ? EnglishStemmer.stem(words[$0]) : words[$0] } : stemsID
        // Keys: every word, then every stem that is not also a word.
        var keys = words
        var keyID: [String: Int] = [:]
        keyID.reserveCapacity(words.count * 2)
        for (i, w) in words.enumerated() { keyID[w] = i }
        func id(_ key: String) -> Int {
            if let i = keyID[key] { return i }
            keyID[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        let stemKeyID = stemsID.map(id)
        // Attested roots are keys even when no word stems to them: the browser stems a
        // query word that the index lacks by the same knowledge.
        for root in attested.sorted(by: utf16Less) { _ = id(root) }
        let stemKeyEN = hasEnglish ? stemsEN.map(id) : stemKeyID

        // 3. Each document's words as ids, in order of first occurrence (in parallel).
        //    Nothing below depends on their order within a document.
        let toSorted = sortedID
        let docWords: [[WordCount]] = Array(counted.indices).parallelMap { d in
            zip(docProvisional[d], counted[d].infos)
                .map { WordCount(word: toSorted[Int($0)], counts: $1.counts, firstBody: $1.firstBody) }
        }
        // 4. Postings in document order; a document's stems are summed over its words
        //    (each document's sums in parallel, then appended in order).
        let docStems: [[(key: Int, counts: FieldCounts)]] = Array(docWords.indices).parallelMap { d in
            let english = isEnglish[d]
            var stems = docWords[d].map { (key: english ? stemKeyEN[$0.word] : stemKeyID[$0.word], counts: $0.counts) }
            stems.sort { $0.key < $1.key }
            var merged: [(key: Int, counts: FieldCounts)] = []
            merged.reserveCapacity(stems.count)
            for s in stems {
                if let last = merged.last, last.key == s.key { merged[merged.count - 1].counts.add(s.counts) } else { merged.append(s) }
            }
            return merged
        }
        // Postings of all keys in two flat arrays, each key's a contiguous range: counted
        // first, then filled in document order (no array per key to grow).
        var wordStart = [Int](repeating: 0, count: keys.count + 1)
        var stemStart = [Int](repeating: 0, count: keys.count + 1)
        var usedInIndonesian = [Bool](repeating: false, count: words.count)
        var usedInEnglish = [Bool](repeating: false, count: words.count)
        for (d, list) in docWords.enumerated() {
            let english = isEnglish[d]
            for wc in list {
                wordStart[wc.word + 1] += 1
                if english { usedInEnglish[wc.word] = true } else { usedInIndonesian[wc.word] = true }
            }
            for s in docStems[d] { stemStart[s.key + 1] += 1 }
        }
        for k in 0..<keys.count {
            wordStart[k + 1] += wordStart[k]
            stemStart[k + 1] += stemStart[k]
        }
        let empty = Posting(doc: 0, counts: FieldCounts())
        var wordFlat = [Posting](repeating: empty, count: wordStart[keys.count])
        var stemFlat = [Posting](repeating: empty, count: stemStart[keys.count])
        var wordNext = wordStart, stemNext = stemStart
        // Through buffers: array subscripts checked each write's uniqueness (this step
        // went from 0.30 to 0.24 s at 10,000 lessons).
        wordFlat.withUnsafeMutableBufferPointer { wordFlat in
            stemFlat.withUnsafeMutableBufferPointer { stemFlat in
                wordNext.withUnsafeMutableBufferPointer { wordNext in
                    stemNext.withUnsafeMutableBufferPointer { stemNext in
                        for (d, list) in docWords.enumerated() {
                            for wc in list {
                                wordFlat[wordNext[wc.word]] = Posting(doc: d, counts: wc.counts)
                                wordNext[wc.word] += 1
                            }
                            for s in docStems[d] {
                                stemFlat[stemNext[s.key]] = Posting(doc: d, counts: s.counts)
                                stemNext[s.key] += 1
                            }
                        }
                    }
                }
            }
        }
        // A word's stems depend only on the languages of the pages that use it.
        let stemsOfWord: [Set<Int>] = words.indices.map { w in
            var out = Set<Int>()
            if usedInIndonesian[w], stemKeyID[w] != w { out.insert(stemKeyID[w]) }
            if usedInEnglish[w], stemKeyEN[w] != w { out.insert(stemKeyEN[w]) }
            return out
        }

        // 5. Impacts (BM25F, computed here once rather than in every browser) and the
        //    documents that get cards.
        var totals = [Double](repeating: 0, count: 4)
        for t in counted { for f in 0..<4 { totals[f] += Double(t.lengths[f]) } }
        let averages = totals.map { documents.isEmpty ? 0 : $0 / Double(documents.count) }
        let n = Double(documents.count)
        // Each document's BM25 length normalisation per field, worked out once rather
        // than for every posting (the same expression, so the same impacts).
        var norms = [Double](repeating: 1, count: documents.count * 4)
        for (d, t) in counted.enumerated() {
            for f in 0..<4 where averages[f] > 0 {
                norms[d * 4 + f] = 1 - Self.b + Self.b * Double(t.lengths[f]) / averages[f]
            }
        }
        let fieldNorms = norms
        // Keys that some other word stems to (a word's stems never include itself): their
        // cards also serve those words' queries.
        let stemTargets = stemsOfWord.reduce(into: Set<Int>()) { $0.formUnion($1) }
        let allKeys = keys, wordLists = wordFlat, stemLists = stemFlat, stemSets = stemsOfWord
        let wordRanges = wordStart, stemRanges = stemStart
        let scored: [ScoredEntry] = Array(allKeys.indices).parallelMap { k in
            ScoredEntry(key: allKeys[k], word: wordLists[wordRanges[k]..<wordRanges[k + 1]],
                        stem: stemLists[stemRanges[k]..<stemRanges[k + 1]],
                        stems: k < words.count ? stemSets[k].map { allKeys[$0] } : [],
                        attested: attested.contains(allKeys[k]), stemOfOthers: stemTargets.contains(k),
                        n: n, norms: fieldNorms, averages: averages)
        }

        // 6. Excerpts for every card, from positions found while counting.
        var wantedByDoc = [[Int]](repeating: [], count: documents.count)
        for (k, s) in scored.enumerated() { for d in s.cardDocs { wantedByDoc[d].append(k) } }
        let wanted = wantedByDoc
        let excerpts: [[Int: String]] = Array(documents.indices).parallelMap { d in
            if wanted[d].isEmpty { return [:] }
            let english = isEnglish[d]
            func stem(of key: Int) -> Int { key < words.count ? (english ? stemKeyEN[key] : stemKeyID[key]) : key }
            // The first body token of each wanted key and of its stem, found among the
            // document's words; only those keys are tracked (sorted, for binary search).
            let needed = Array(Set(wanted[d] + wanted[d].map(stem(of:)))).sorted()
            // The first occurrence of each key as a word, and the first of any word
            // whose stem it is: an excerpt shows the exact word if the document has it.
            var firstAsWord = [Int](repeating: -1, count: needed.count)
            var firstInFamily = [Int](repeating: -1, count: needed.count)
            func slot(_ key: Int) -> Int? {
                var lo = 0, hi = needed.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if needed[mid] < key { lo = mid + 1 } else { hi = mid }
                }
                return lo < needed.count && needed[lo] == key ? lo : nil
            }
            for wc in docWords[d] where wc.firstBody >= 0 {
                if let i = slot(wc.word) { firstAsWord[i] = wc.firstBody }
                let s = stem(of: wc.word)
                if s != wc.word, let i = slot(s) {
                    firstInFamily[i] = firstInFamily[i] < 0 ? wc.firstBody : min(firstInFamily[i], wc.firstBody)
                }
            }
            func firstOf(_ key: Int) -> Int? {
                guard let i = slot(key) else { return nil }
                if firstAsWord[i] >= 0 { return firstAsWord[i] }
                return firstInFamily[i] >= 0 ? firstInFamily[i] : nil
            }
            var out: [Int: String] = [:]
            for k in wanted[d] {
                out[k] = Excerpts.passage(documents[d], counted[d].bodySpans, around: firstOf(k) ?? firstOf(stem(of: k)))
            }
            return out
        }

        // 6. Files.
        var files: [SearchFile] = []
        /// Writes `json` as `<name>.json` and `<name>.js`; `name` defaults to `search/<logical>.<hash>`.
        @discardableResult
        func publish(_ logical: String, _ json: JSONText, name given: String? = nil) -> String {
            let name = given ?? "search/\(logical).\(hash(json.bytes))"
            let text = json.text
            files.append(SearchFile(path: name + ".json", contents: text))
            files.append(SearchFile(path: name + ".js", contents: "(self.latihSearchData=self.latihSearchData||{})[\"\(name)\"]=\(text);\n"))
            return name
        }
        let crumbs = documents.map { Self.crumb($0, courses: courses) }
        let order = scored.indices.sorted { utf16Less(scored[$0].key, scored[$1].key) }
        let ordered = order.map { scored[$0] }
        let entryJSON: [JSONText] = order.parallelMap { scored[$0].json(excerpts: excerpts, id: $0) }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < ordered.count {
            var end = start
            var size = 0
            while end < ordered.count, size < shardBytes || end == start {
                size += entryJSON[end].bytes.count
                end += 1
            }
            ranges.append(start..<end)
            start = end
        }
        let shardJSON: [JSONText] = ranges.parallelMap { range in
            var docs = Set<Int>()
            for e in ordered[range] { docs.formUnion(e.cardDocs) }
            var out = JSONText(capacity: range.reduce(0) { $0 + entryJSON[$1].bytes.count } + docs.count * 96 + 64)
            out.raw("{\"k\":{")
            for i in range {
                if i > range.lowerBound { out.byte(UInt8(ascii: ",")) }
                out.raw(entryJSON[i])
            }
            out.raw("},\"d\":{")
            for (i, d) in docs.sorted().enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                out.byte(0x22)
                out.int(d)
                out.raw("\":")
                Self.card(documents[d], crumb: crumbs[d], into: &out)
            }
            out.raw("}}")
            return out
        }
        let docRanges = stride(from: 0, to: documents.count, by: Self.docsPerFile).map { $0..<min($0 + Self.docsPerFile, documents.count) }
        let docJSON: [JSONText] = docRanges.parallelMap { range in
            var out = JSONText(capacity: range.count * 2048)
            out.byte(UInt8(ascii: "["))
            for d in range {
                if d > range.lowerBound { out.byte(UInt8(ascii: ",")) }
                Self.documentRecord(documents[d], crumb: crumbs[d], into: &out)
            }
            out.byte(UInt8(ascii: "]"))
            return out
        }
        // Shards and documents share one hash, of all their contents: the catalogue then
        // names them with a single string instead of a hash per file (6.6 KB of every
        // cold query at 10,000 lessons). Per-file hashes would save little caching across
        // builds anyway: adding or removing a page renumbers the documents after it, which
        // changes most shards.
        let partHashes: [String] = (shardJSON + docJSON).parallelMap { hash($0.bytes) }
        let setHash = hash(Array(partHashes.joined(separator: "\n").utf8))
        // JSON files for the web; from file:// the same data comes in scripts of
        // `filesPerScript` files, each registered under its JSON file's name.
        func publishAll(_ folder: String, _ parts: [JSONText]) {
            let texts = parts.map(\.text)
            for (i, text) in texts.enumerated() {
                files.append(SearchFile(path: "search/\(folder)/\(i).\(setHash).json", contents: text))
            }
            let groups = stride(from: 0, to: texts.count, by: Self.filesPerScript).map { $0..<min($0 + Self.filesPerScript, texts.count) }
            let scripts: [String] = groups.parallelMap { range in
                var out = "(function(d){\n"
                for i in range { out += "d[\"search/\(folder)/\(i).\(setHash)\"]=" + texts[i] + ";\n" }
                return out + "})(self.latihSearchData=self.latihSearchData||{});\n"
            }
            for (g, script) in scripts.enumerated() {
                files.append(SearchFile(path: "search/\(folder)/s\(g).\(setHash).js", contents: script))
            }
        }
        publishAll("terms", shardJSON)
        publishAll("docs", docJSON)
        // A shard's bound is the shortest prefix of its first key that sorts after the
        // last key of the shard before: the browser only asks which shard a key falls
        // in, and short bounds keep the catalogue small when shards are many.
        let shardLowers = ranges.enumerated().map { i, range -> String in
            i == 0 ? "" : Self.separator(after: ordered[range.lowerBound - 1].key, upTo: ordered[range.lowerBound].key)
        }

        var wordsJSON = JSONText(capacity: words.count * 10)
        wordsJSON.strings(words)
        let wordsName = publish("words", wordsJSON)

        let catalogue = SearchCatalogue(documents: documents, courses: courses)
        var meta = JSONText(capacity: 16 * 1024)
        meta.raw("{\"v\":1,\"n\":\(documents.count),\"en\":\(hasEnglish),\"shards\":")
        meta.string(Self.frontCoded(shardLowers))
        meta.raw(",\"h\":")
        meta.string(setHash)
        meta.raw(",\"docsPerFile\":\(Self.docsPerFile),\"filesPerScript\":\(Self.filesPerScript),\"words\":")
        meta.string(wordsName)
        catalogue.write(into: &meta)
        meta.raw("}")
        let metaName = publish("index", meta)
        return (files, metaName)
    }

    /// Sorted strings as one string, each after the previous one's prefix that it shares:
    /// a base-36 digit for that prefix's length (in UTF-16 units, as JavaScript counts
    /// them; at most 35), the rest of the string, and a space before the next. Shard bounds
    /// share long prefixes; this takes 1.7–3 KB (gzip) off every cold query at 10,000 lessons.
    /// Keys hold no spaces (they are words). `latih-search.js` has `decodeBounds`.
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
    static func crumb(_ doc: SearchDocument, courses: [SearchCourse]) -> String {
        if doc.kind != .lesson { return "" }
        let course = doc.course.flatMap { $0 < courses.count ? courses[$0].title : nil } ?? ""
        return [course, doc.module ?? ""].filter { !$0.isEmpty }.joined(separator: " › ")
    }

    /// `[kind, title, path, minutes, crumb]`.
    static func card(_ doc: SearchDocument, crumb: String, into out: inout JSONText) {
        out.byte(UInt8(ascii: "["))
        cardFields(doc, crumb: crumb, into: &out)
        out.byte(UInt8(ascii: "]"))
    }

    /// A card's fields, without brackets: what a document record begins with too.
    static func cardFields(_ doc: SearchDocument, crumb: String, into out: inout JSONText) {
        out.int(doc.kind.rawValue)
        out.byte(UInt8(ascii: ","))
        out.string(doc.title)
        out.byte(UInt8(ascii: ","))
        out.string(doc.path)
        out.byte(UInt8(ascii: ","))
        out.int(doc.minutes ?? 0)
        out.byte(UInt8(ascii: ","))
        out.string(crumb)
    }

    /// `[kind, title, path, minutes, crumb, summary, text]`.
    static func documentRecord(_ doc: SearchDocument, crumb: String, into out: inout JSONText) {
        out.byte(UInt8(ascii: "["))
        cardFields(doc, crumb: crumb, into: &out)
        out.byte(UInt8(ascii: ","))
        out.string(doc.summary)
        out.raw(",")
        var text = doc.body
        // Found by walking 1,200 characters rather than counting a whole body's (7 KB at
        // the benchmark's lessons): counting made this step 0.5 s at 10,000 lessons.
        if let cut = text.index(text.startIndex, offsetBy: docTextLimit, limitedBy: text.endIndex), cut < text.endIndex {
            text = String(text[..<cut])
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            text += " …"
        }
        out.string(text)
        out.raw("]")
    }
}
