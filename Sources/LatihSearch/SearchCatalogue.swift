/// The part of the catalogue file that describes courses and facets.
struct SearchCatalogue {
    let documents: [SearchDocument]
    let courses: [SearchCourse]

    /// Appends `,"courses":[…],"facets":{…},"docTags":{…}` to the catalogue file.
    ///
    /// A course is `[category, level, [competencies], [tags], gap, count]`, facets as
    /// indexes into `facets`; documents of a course are consecutive, so its facets apply
    /// to the range: `count` documents, starting `gap` after the previous course's last
    /// (the first course's, after 0). Gaps are nearly all 0 and counts repeat, so they
    /// compress far better than first and end numbers, which grow with every course, in a
    /// file that every query loads. Course titles are not here: every query loads this
    /// file, and a title is only needed in the breadcrumb of a result, which its document
    /// record carries (5–6 KB less on every cold query at 10,000 lessons).
    /// `docTags` maps a tag to the documents that carry it themselves, as id deltas.
    func write(into out: inout JSONText) {
        let categories = Set(courses.map(\.category).filter { !$0.isEmpty }).sorted(by: utf16Less)
        let levels = ["dasar", "menengah", "lanjut"].filter { l in courses.contains { $0.level == l } }
            + Set(courses.map(\.level)).subtracting(["dasar", "menengah", "lanjut", ""]).sorted(by: utf16Less)
        let competencies = Set(courses.flatMap(\.competencies)).sorted(by: utf16Less)
        let tags = Set(courses.flatMap(\.tags) + documents.flatMap(\.tags)).sorted(by: utf16Less)
        func index(_ list: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1, $0) })
        }
        let ci = index(categories), li = index(levels), ki = index(competencies), ti = index(tags)

        var ranges = [(Int, Int)](repeating: (0, 0), count: courses.count)
        var seen = [Bool](repeating: false, count: courses.count)
        for (d, doc) in documents.enumerated() {
            guard let c = doc.course, c < courses.count else { continue }
            if !seen[c] { ranges[c] = (d, d + 1); seen[c] = true } else { ranges[c].1 = d + 1 }
        }
        out.raw(",\"courses\":[")
        var end = 0
        for (i, c) in courses.enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("[\(ci[c.category] ?? -1),\(li[c.level] ?? -1),")
            out.ints(c.competencies.compactMap { ki[$0] })
            out.raw(",")
            out.ints(Array(Set(c.tags.compactMap { ti[$0] })).sorted())
            // A course with no documents takes none, where the previous one ended.
            let (first, last) = seen[i] ? ranges[i] : (end, end)
            out.raw(",\(first - end),\(last - first)]")
            end = last
        }
        out.raw("],\"facets\":{\"category\":")
        out.strings(categories)
        out.raw(",\"level\":")
        out.strings(levels)
        out.raw(",\"competency\":")
        out.strings(competencies)
        out.raw(",\"tag\":")
        out.strings(tags)
        out.raw("},\"docTags\":{")
        var byTag: [Int: [Int]] = [:]
        for (d, doc) in documents.enumerated() {
            for t in Set(doc.tags.compactMap({ ti[$0] })) { byTag[t, default: []].append(d) }
        }
        for (i, (t, docs)) in byTag.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("\"\(t)\":")
            var last = 0
            out.ints(docs.map { d in defer { last = d }; return d - last })
        }
        out.raw("}")
    }
}
