import Foundation
import LatihParallel

/// Builds the search index that `latih-search.js` reads. Layout (all under `search/`):
///
/// - `index.<hash>.json`: the small catalogue: shard boundaries and file names, courses
///   (title, path, facets, which documents are theirs), facet names, lesson-level tags.
/// - `terms/<n>.<hash>.json`: the shards. Keys are words and stems in one sorted space,
///   cut into ranges, so a prefix is always in one or two neighbouring shards. A key holds
///   postings (document id deltas with a precomputed BM25F impact), the stems of the word,
///   and "cards" for its ten best documents: title, page, duration and an excerpt around
///   the match, so a one-word query needs no further request to show its top results.
/// - `docs/<n>.<hash>.json`: cards and text of 32 documents each, fetched only for results
///   that no fetched shard carries a card for (filters, long queries).
/// - `words.<hash>.json`: every word, fetched only when a query needs typo tolerance.
///
/// Each file also exists as `.js`, which registers the same data in
/// `self.latihSearchData`: browsers refuse `fetch` from `file://` but run scripts.
/// Names carry a hash of the contents, so hosts can cache them forever.
public struct SearchIndexBuilder: Sendable {
    /// Field weights of BM25F: title, headings, meta (summary, tags, competencies), body.
    public static let fieldWeights: [Double] = [8, 4, 2, 1]
    static let k1 = 1.2
    static let b = 0.75
    /// Documents with a card per key.
    public static let cardsPerKey = 10
    /// Documents per group file.
    public static let groupSize = 32
    /// Characters of body text kept per document in group files, for snippets.
    static let groupTextLimit = 2400
    /// A shard is closed once it passes this many bytes of JSON.
    public var shardBytes = 48_000
    /// `(contents) → short hash`, for file names.
    let hash: @Sendable (String) -> String

    public init(hash: @escaping @Sendable (String) -> String) {
        self.hash = hash
    }

    /// The files of the index, and the path (without extension) of its catalogue file.
    public func build(documents: [SearchDocument], courses: [SearchCourse]) -> (files: [SearchFile], catalogue: String) {
        // 1. Words of every field of every document, counted (in parallel).
        let counted: [DocumentTerms] = documents.parallelMap(DocumentTerms.init)
        // 2. The vocabulary, and each word's stem in each language it occurs in.
        var vocabulary = Set<String>()
        var english = Set<String>()
        for (doc, terms) in zip(documents, counted) {
            for word in terms.counts.keys {
                vocabulary.insert(word)
                if doc.language == "en" { english.insert(word) }
            }
        }
        let known = vocabulary
        let indonesian = IndonesianStemmer(isKnown: { known.contains($0) })
        let words = vocabulary.sorted(by: utf16Less)
        let stemsID: [String] = words.parallelMap { indonesian.stem($0) }
        var stemID: [String: String] = [:]
        stemID.reserveCapacity(words.count)
        for (w, s) in zip(words, stemsID) { stemID[w] = s }
        var stemEN: [String: String] = [:]
        for w in english { stemEN[w] = EnglishStemmer.stem(w) }

        // 3. Postings, in document order.
        var keyIndex: [String: Int] = [:]
        var entries: [KeyEntry] = []
        func entry(_ key: String) -> Int {
            if let i = keyIndex[key] { return i }
            keyIndex[key] = entries.count
            entries.append(KeyEntry(key: key))
            return entries.count - 1
        }
        for (id, (doc, terms)) in zip(documents, counted).enumerated() {
            var stems: [String: FieldCounts] = [:]
            for (word, counts) in terms.counts {
                let e = entry(word)
                entries[e].word.append(Posting(doc: id, counts: counts))
                let stem = doc.language == "en" ? stemEN[word]! : stemID[word]!
                entries[e].stems.insert(stem)
                stems[stem, default: FieldCounts()].add(counts)
            }
            for (stem, counts) in stems {
                entries[entry(stem)].stem.append(Posting(doc: id, counts: counts))
            }
        }
        // Dictionaries iterate in random order; postings must be in document order.
        for i in entries.indices {
            entries[i].word.sort { $0.doc < $1.doc }
            entries[i].stem.sort { $0.doc < $1.doc }
        }

        // 4. Impacts (BM25F, computed here once rather than in every browser) and the
        //    documents that get cards.
        var averages = [Double](repeating: 0, count: 4)
        for t in counted { for f in 0..<4 { averages[f] += Double(t.lengths[f]) } }
        let averageLengths = averages.map { documents.isEmpty ? 0 : $0 / Double(documents.count) }
        let n = Double(documents.count)
        let lengths = counted.map(\.lengths)
        let scored: [ScoredEntry] = entries.parallelMap { e in
            ScoredEntry(entry: e, n: n, lengths: lengths, averages: averageLengths)
        }

        // 5. Excerpts for every card, one pass over each document that has any.
        let stemsOfID = stemID, stemsOfEN = stemEN
        var wanted = [[String]](repeating: [], count: documents.count)
        for s in scored { for d in s.cardDocs { wanted[d].append(s.key) } }
        let excerpts: [[String: String]] = Array(zip(documents, wanted)).parallelMap { pair in
            let (doc, keys) = pair
            if keys.isEmpty { return [:] }
            return Excerpts.find(keys: Set(keys), in: doc, stem: { doc.language == "en" ? stemsOfEN[$0] ?? $0 : stemsOfID[$0] ?? $0 })
        }

        // 6. Files.
        var files: [SearchFile] = []
        func publish(_ logical: String, _ json: String) -> String {
            let name = "search/\(logical).\(hash(json))"
            files.append(SearchFile(path: name + ".json", contents: json))
            files.append(SearchFile(path: name + ".js", contents: "(self.latihSearchData=self.latihSearchData||{})[\"\(name)\"]=\(json);\n"))
            return name
        }
        let ordered = scored.sorted { utf16Less($0.key, $1.key) }
        var shards: [(lower: String, json: String)] = []
        var start = 0
        while start < ordered.count {
            var end = start
            var size = 0
            var parts: [String] = []
            while end < ordered.count, size < shardBytes || end == start {
                let json = ordered[end].json(excerpts: excerpts)
                size += json.utf8.count
                parts.append(json)
                end += 1
            }
            var docs = Set<Int>()
            for e in ordered[start..<end] { docs.formUnion(e.cardDocs) }
            var out = JSONText(capacity: size + 1024)
            out.raw("{\"k\":{")
            out.raw(parts.joined(separator: ","))
            out.raw("},\"d\":{")
            for (i, d) in docs.sorted().enumerated() {
                if i > 0 { out.raw(",") }
                out.raw("\"\(d)\":")
                Self.card(documents[d], into: &out)
            }
            out.raw("}}")
            shards.append((ordered[start].key, out.text))
            start = end
        }
        let shardNames = shards.enumerated().map { publish("terms/\($0.offset)", $0.element.json) }

        var groupNames: [String] = []
        var g = 0
        while g * Self.groupSize < documents.count {
            var out = JSONText(capacity: 64 * 1024)
            out.raw("[")
            let range = (g * Self.groupSize)..<min((g + 1) * Self.groupSize, documents.count)
            for d in range {
                if d > range.lowerBound { out.raw(",") }
                Self.groupRecord(documents[d], into: &out)
            }
            out.raw("]")
            groupNames.append(publish("docs/\(g)", out.text))
            g += 1
        }

        var wordsJSON = JSONText(capacity: words.count * 10)
        wordsJSON.strings(words)
        let wordsName = publish("words", wordsJSON.text)

        let catalogue = Catalogue(documents: documents, courses: courses)
        var meta = JSONText(capacity: 16 * 1024)
        meta.raw("{\"v\":1,\"n\":\(documents.count),\"shards\":")
        meta.strings(shards.map(\.lower))
        meta.raw(",\"files\":")
        meta.strings(shardNames)
        meta.raw(",\"groups\":")
        meta.strings(groupNames)
        meta.raw(",\"groupSize\":\(Self.groupSize),\"words\":")
        meta.string(wordsName)
        catalogue.write(into: &meta)
        meta.raw("}")
        let metaName = publish("index", meta.text)
        return (files, metaName)
    }

    /// `[kind, title, path, minutes, module]`.
    static func card(_ doc: SearchDocument, into out: inout JSONText) {
        out.raw("[\(doc.kind.rawValue),")
        out.string(doc.title)
        out.raw(",")
        out.string(doc.path)
        out.raw(",\(doc.minutes ?? 0),")
        out.string(doc.module ?? "")
        out.raw("]")
    }

    /// `[kind, title, path, minutes, module, summary, text]`.
    static func groupRecord(_ doc: SearchDocument, into out: inout JSONText) {
        out.raw("[\(doc.kind.rawValue),")
        out.string(doc.title)
        out.raw(",")
        out.string(doc.path)
        out.raw(",\(doc.minutes ?? 0),")
        out.string(doc.module ?? "")
        out.raw(",")
        out.string(doc.summary)
        out.raw(",")
        var text = doc.body
        if text.count > groupTextLimit {
            text = String(text.prefix(groupTextLimit))
            if let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            text += " …"
        }
        out.string(text)
        out.raw("]")
    }
}

/// Order by UTF-16 code units, as JavaScript compares strings, so that the browser's
/// binary search over shard boundaries agrees with the build's sort.
func utf16Less(_ a: String, _ b: String) -> Bool {
    a.utf16.lexicographicallyPrecedes(b.utf16)
}

/// How often a term occurs in each field of one document.
struct FieldCounts: Sendable {
    var title: UInt16 = 0, headings: UInt16 = 0, meta: UInt16 = 0, body: UInt16 = 0

    subscript(field: Int) -> UInt16 {
        get { [title, headings, meta, body][field] }
    }

    mutating func add(field: Int) {
        switch field {
        case 0: title &+= title < .max ? 1 : 0
        case 1: headings &+= headings < .max ? 1 : 0
        case 2: meta &+= meta < .max ? 1 : 0
        default: body &+= body < .max ? 1 : 0
        }
    }

    mutating func add(_ o: FieldCounts) {
        title = title.addingReportingOverflow(o.title).overflow ? .max : title + o.title
        headings = headings.addingReportingOverflow(o.headings).overflow ? .max : headings + o.headings
        meta = meta.addingReportingOverflow(o.meta).overflow ? .max : meta + o.meta
        body = body.addingReportingOverflow(o.body).overflow ? .max : body + o.body
    }
}

/// The words of one document, counted per field.
struct DocumentTerms: Sendable {
    var counts: [String: FieldCounts] = [:]
    var lengths: [Int] = [0, 0, 0, 0]

    init(_ doc: SearchDocument) {
        let fields = [doc.title, doc.headings.joined(separator: "\n"), doc.meta.joined(separator: "\n"), doc.body]
        for (f, text) in fields.enumerated() {
            let words = Tokenizer.words(text)
            lengths[f] = words.count
            for w in words { counts[w, default: FieldCounts()].add(field: f) }
        }
    }
}

struct Posting: Sendable {
    var doc: Int
    var counts: FieldCounts
}

/// A key (a word, a stem, or both) and its postings, before scoring.
struct KeyEntry: Sendable {
    var key: String
    var word: [Posting] = []
    var stem: [Posting] = []
    /// The stems of the word, one per language it was read in.
    var stems: Set<String> = []
}

/// A key with its impacts computed and its card documents chosen.
struct ScoredEntry: Sendable {
    var key: String
    var word: [(doc: Int, impact: Int)]
    var stem: [(doc: Int, impact: Int)]
    var stems: [String]
    var cardDocs: [Int]

    init(entry e: KeyEntry, n: Double, lengths: [[Int]], averages: [Double]) {
        key = e.key
        func score(_ postings: [Posting]) -> [(doc: Int, impact: Int)] {
            let df = Double(postings.count)
            let idf = log(1 + (n - df + 0.5) / (df + 0.5))
            return postings.map { p in
                var pseudo = 0.0
                for f in 0..<4 where averages[f] > 0 {
                    let tf = Double(p.counts[f])
                    if tf == 0 { continue }
                    let norm = 1 - SearchIndexBuilder.b + SearchIndexBuilder.b * Double(lengths[p.doc][f]) / averages[f]
                    pseudo += SearchIndexBuilder.fieldWeights[f] * tf / norm
                }
                let impact = idf * pseudo * (SearchIndexBuilder.k1 + 1) / (pseudo + SearchIndexBuilder.k1)
                return (p.doc, max(1, Int((impact * 100).rounded())))
            }
        }
        word = score(e.word)
        stem = score(e.stem)
        stems = e.stems.filter { $0 != e.key }.sorted(by: utf16Less)
        var best: [Int: Int] = [:]
        for p in word { best[p.doc] = max(best[p.doc] ?? 0, p.impact) }
        for p in stem { best[p.doc] = max(best[p.doc] ?? 0, p.impact) }
        cardDocs = best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(SearchIndexBuilder.cardsPerKey).map(\.key).sorted()
    }

    /// `"key":{"w":[Δdoc,impact,…],"s":[…] or "w" when equal,"st":[stems],"c":[[doc,"excerpt"],…]}`.
    func json(excerpts: [[String: String]]) -> String {
        var out = JSONText(capacity: 64 + (word.count + stem.count) * 8 + cardDocs.count * 160)
        out.string(key)
        out.raw(":{")
        var first = true
        func field(_ name: String) {
            if !first { out.raw(",") }
            first = false
            out.raw("\"\(name)\":")
        }
        func postings(_ list: [(doc: Int, impact: Int)]) {
            out.raw("[")
            var last = 0
            for (i, p) in list.enumerated() {
                if i > 0 { out.raw(",") }
                out.raw("\(p.doc - last),\(p.impact)")
                last = p.doc
            }
            out.raw("]")
        }
        if !word.isEmpty { field("w"); postings(word) }
        if !stem.isEmpty {
            field("s")
            if stem.elementsEqual(word, by: { $0.doc == $1.doc && $0.impact == $1.impact }) { out.raw("\"w\"") } else { postings(stem) }
        }
        if !stems.isEmpty { field("st"); out.strings(stems) }
        field("c")
        out.raw("[")
        for (i, d) in cardDocs.enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("[\(d),")
            out.string(excerpts[d][key] ?? "")
            out.raw("]")
        }
        out.raw("]}")
        return out.text
    }
}
