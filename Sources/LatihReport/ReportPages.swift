import Foundation
import LatihMarkdown
import LatihRender
import LatihSite

/// The report's pages, rendered through the theme's `report.mustache` (which inherits the
/// site's layout): a summary, units and their people, each person, courses and their
/// lessons, and the item analysis. Every chart has its table beside it.
struct ReportPages: Sendable {
    let report: Report
    let index: CatalogueIndex
    let strings: [String: String]
    let language: String
    /// Published asset paths by theme name (`latih.css` → `assets/latih.3f2a9c1b.css`).
    let assetPaths: [String: String]

    func t(_ key: String) -> String { strings[key] ?? key }

    func fill(_ key: String, _ values: [String: String]) -> String {
        var s = t(key)
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    /// A number as the report's language writes it (a decimal comma in Indonesian).
    func number(_ x: Double, _ decimals: Int = 1) -> String {
        var s = String(format: "%.\(decimals)f", x)
        while decimals > 0, s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return language == "id" ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    func percent(_ share: Double?) -> String { share.map { number($0 * 100, 1) + " %" } ?? "–" }

    func date(_ iso: String?) -> String { iso.map { String($0.prefix(10)) } ?? "–" }

    // MARK: Building blocks

    func cell(_ text: String, url: String? = nil, sort: Double? = nil, numeric: Bool = false, header: Bool = false) -> [String: Any] {
        var c: [String: Any] = ["text": text]
        if let url { c["url"] = url }
        if let sort { c["sort"] = SVGChart.n(sort) }
        if numeric { c["numeric"] = true }
        if header { c["rowHeader"] = true }
        return c
    }

    func num(_ x: Double, _ decimals: Int = 1) -> [String: Any] { cell(number(x, decimals), sort: x, numeric: true) }

    /// A table: its header for the template, and its rows as HTML made here. A report has a
    /// row per person, and swift-mustache's lookups of each cell's five names (a dynamic
    /// cast per name and context level) cost more than the rest of the report together.
    func table(_ columns: [(String, Bool)], _ rows: [([[String: Any]], Bool)], sortable: Bool = true) -> [String: Any] {
        var body = ""
        for (cells, flagged) in rows {
            body += flagged ? "<tr class=\"is-flagged\">" : "<tr>"
            for c in cells {
                let header = c["rowHeader"] != nil
                var open = header ? "<th scope=\"row\"" : "<td"
                if c["numeric"] != nil { open += " class=\"num\"" }
                if let sort = c["sort"] as? String { open += " data-sort=\"\(HTML.escape(sort))\"" }
                let text = HTML.escape(c["text"] as? String ?? "")
                let inner = (c["url"] as? String).map { "<a href=\"\(HTML.escape($0))\">\(text)</a>" } ?? text
                body += open + ">" + inner + (header ? "</th>" : "</td>")
            }
            body += "</tr>\n"
        }
        return ["columns": columns.map { ["label": $0.0, "numeric": $0.1] }, "bodyHTML": body, "sortable": sortable]
    }

    func section(_ id: String, _ title: String, note: String? = nil, chart: String? = nil, table: [String: Any]? = nil) -> [String: Any] {
        var s: [String: Any] = ["sectionId": id, "sectionTitle": title]
        if let note { s["note"] = note }
        if let chart { s["chart"] = chart }
        if let table { s["table"] = table }
        return s
    }

    func page(_ path: String, heading: String, eyebrow: String? = nil, lead: String? = nil, crumbs: [(String, String)] = [],
              figures: [(String, String)] = [], links: [(String, String)] = [], sections: [[String: Any]], privacy: Bool = false) -> (String, [String: Any]) {
        let root = rootPrefix(for: path)
        var assets: [String: String] = [:]
        for (name, published) in assetPaths { assets[name.replacingOccurrences(of: ".", with: "-")] = root + published }
        var v: [String: Any] = [
            "lang": language, "t": strings, "root": root, "home": root + "index.html", "assets": assets,
            "site": ["title": index.summary.title],
            "pageTitle": "\(heading) · \(index.summary.title)", "nav": [[String: Any]](), "pathsURL": "", "progressURL": "",
            "searchURL": "", "stringsJSON": "{}", "connectSources": "", "baseURL": "", "bodyEnd": "",
            "standalone": true, "report": true,
            "heading": heading, "sections": sections,
            "crumbs": crumbs.map { ["label": $0.0, "url": root + $0.1] }, "hasCrumbs": !crumbs.isEmpty,
            "figures": figures.map { ["label": $0.0, "value": $0.1] }, "hasFigures": !figures.isEmpty,
            "links": links.map { ["label": $0.0, "url": root + $0.1] }, "hasLinks": !links.isEmpty,
        ]
        if let eyebrow { v["eyebrow"] = eyebrow }
        if let lead { v["lead"] = lead }
        if privacy { v["privacy"] = t("report-privacy") }
        return (path, v)
    }

    // MARK: Pages

    /// Every page: (path, template values).
    func all() -> [(String, [String: Any])] { makers().map { $0() } }

    /// Each page, made when called: a unit's page holds a row for each of its people, so
    /// the pages' values are made and rendered one at a time rather than all held at once.
    func makers() -> [@Sendable () -> (String, [String: Any])] {
        let pages = self
        var makers: [@Sendable () -> (String, [String: Any])] = [
            { pages.summary() }, { pages.units() }, { pages.courses() }, { pages.questions() },
        ]
        for (i, u) in report.units.enumerated() { makers.append { pages.unit(u, number: i + 1) } }
        for c in report.courses { makers.append { pages.course(c) } }
        return makers
    }

    func unitName(_ u: String) -> String { u.isEmpty ? t("report-no-unit") : u }

    func summary() -> (String, [String: Any]) {
        let target = String(report.targetJP)
        let reached = report.learners.filter { !$0.belowTarget }.count
        var sections: [[String: Any]] = []
        let monthRows = report.months.map { m -> ([[String: Any]], Bool) in
            ([cell(m.month, header: true), num(Double(m.activeLearners), 0), num(Double(m.lessonsCompleted), 0), num(Double(m.coursesCompleted), 0)], false)
        }
        sections.append(section("per-bulan", t("report-months"),
                                chart: SVGChart.bars(report.months.map { ($0.month, [Double($0.activeLearners), Double($0.lessonsCompleted)]) },
                                                     series: [t("report-active"), t("report-lessons-done")]),
                                table: table([(t("report-month"), false), (t("report-active"), true), (t("report-lessons-done"), true), (t("report-courses-done"), true)],
                                             monthRows, sortable: false)))
        if !report.unknownActivities.isEmpty {
            sections.append(section("tidak-dikenal", t("report-unknown"), note: t("report-unknown-note"),
                                    table: table([(t("report-activity"), false), (t("report-count"), true)],
                                                 report.unknownActivities.map { ([cell($0.id, header: true), num(Double($0.statements), 0)], false) })))
        }
        let files = ["report.json"] + ReportCSV.files.map { "data/" + $0 }
        sections.append(section("data", t("report-data"), note: t("report-data-note"),
                                table: table([(t("report-data"), false)], files.map { ([cell($0, url: $0, header: true)], false) }, sortable: false)))
        return page("index.html", heading: fill("report-title", ["year": String(report.year)]),
                    lead: fill("report-lead", ["catalogue": index.summary.title, "target": target]),
                    figures: [(t("report-people"), String(report.learners.count)),
                              (fill("report-reached", ["target": target]), String(reached)),
                              (t("report-median-jp"), number(median(report.learners.map(\.jp)) ?? 0)),
                              (t("report-statements"), String(report.statements.read)),
                              (t("report-skipped"), String(report.skipped))],
                    links: [(t("report-units"), "unit.html"), (t("report-courses"), "kursus.html"),
                            (t("report-questions"), "soal.html"), (t("report-data"), "index.html#data")],
                    sections: sections, privacy: true)
    }

    func units() -> (String, [String: Any]) {
        let rows = report.units.enumerated().map { i, u -> ([[String: Any]], Bool) in
            ([cell(unitName(u.unit), url: "unit/\(i + 1).html", header: true), num(Double(u.people), 0), num(Double(u.reachedTarget), 0),
              num(u.medianJP), cell(percent(u.completionRate), sort: u.completionRate, numeric: true)], u.medianJP < Double(report.targetJP))
        }
        let chart = SVGChart.bars(report.units.map { (unitName($0.unit), [Double($0.people), Double($0.reachedTarget)]) },
                                  series: [t("report-people"), fill("report-reached", ["target": String(report.targetJP)])])
        return page("unit.html", heading: t("report-units"), crumbs: [(t("report-home"), "index.html")],
                    sections: [section("unit", t("report-units"), chart: chart,
                                       table: table([(t("report-unit"), false), (t("report-people"), true),
                                                     (fill("report-reached", ["target": String(report.targetJP)]), true),
                                                     (t("report-median-jp"), true), (t("report-completion-rate"), true)], rows))],
                    privacy: true)
    }

    /// A unit's page: a row per person, with what they completed, what they are taking,
    /// and their quiz scores. (A page per person would make a report of 20,000 people
    /// 20,000 files, most of its time and disk, for what fits in a row.)
    func unit(_ u: Report.Unit, number n: Int) -> (String, [String: Any]) {
        let titles = Dictionary(report.courses.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let quizTitles = Dictionary(index.quizzes.map { ($0.quiz.id, quizTitle($0)) }, uniquingKeysWith: { a, _ in a })
        var rows: [([[String: Any]], Bool)] = []
        for l in report.learners where (l.unit ?? "") == u.unit {
            let done = l.completed.compactMap { titles[$0] }.joined(separator: "; ")
            let going = l.inProgress.compactMap { titles[$0] }.joined(separator: "; ")
            let scores = l.quizScores.map { "\(quizTitles[$0.quiz] ?? $0.quiz): \(number($0.best)) %\($0.passed ? " ✓" : "")" }.joined(separator: "; ")
            rows.append(([cell(l.name, header: true), cell(l.nip ?? "–"), cell(l.position ?? "–"), num(l.jp),
                          cell(l.belowTarget ? t("report-below-target") : t("report-on-target")),
                          cell(done.isEmpty ? "–" : done, sort: Double(l.completed.count)),
                          cell(going.isEmpty ? "–" : going, sort: Double(l.inProgress.count)),
                          num(Double(l.notStarted), 0), cell(scores.isEmpty ? "–" : scores),
                          cell(date(l.lastActivity))], l.belowTarget))
        }
        return page("unit/\(n).html", heading: unitName(u.unit), eyebrow: t("report-unit"),
                    crumbs: [(t("report-home"), "index.html"), (t("report-units"), "unit.html")],
                    figures: [(t("report-people"), String(u.people)),
                              (fill("report-reached", ["target": String(report.targetJP)]), String(u.reachedTarget)),
                              (t("report-median-jp"), number(u.medianJP)), (t("report-completion-rate"), percent(u.completionRate))],
                    sections: [section("pegawai", t("report-people"),
                                       table: table([(t("report-name"), false), (t("report-nip"), false), (t("report-position"), false),
                                                     (t("report-jp"), true), (t("report-status"), false), (t("report-completed"), false),
                                                     (t("report-in-progress"), false), (t("report-not-started"), true),
                                                     (t("report-quiz-scores"), false), (t("report-last-activity"), false)], rows))],
                    privacy: true)
    }

    func courses() -> (String, [String: Any]) {
        let rows = report.courses.map { c -> ([[String: Any]], Bool) in
            ([cell(c.title, url: "kursus/\(c.slug).html", header: true), num(Double(c.opened), 0), num(Double(c.completed), 0),
              num(Double(c.passed), 0), c.medianDaysToComplete.map { num($0) } ?? cell("–", numeric: true)], false)
        }
        let chart = SVGChart.bars(report.courses.map { ($0.title, [Double($0.opened), Double($0.completed), Double($0.passed)]) },
                                  series: [t("report-opened"), t("report-completed"), t("report-passed")])
        return page("kursus.html", heading: t("report-courses"), crumbs: [(t("report-home"), "index.html")],
                    sections: [section("kursus", t("report-funnel"), chart: chart,
                                       table: table([(t("report-course"), false), (t("report-opened"), true), (t("report-completed"), true),
                                                     (t("report-passed"), true), (t("report-median-days"), true)], rows))])
    }

    func course(_ c: Report.Course) -> (String, [String: Any]) {
        let rows = c.lessons.map { l -> ([[String: Any]], Bool) in
            ([cell(l.title, header: true), num(Double(l.opened), 0), num(Double(l.completed), 0)], false)
        }
        let chart = SVGChart.bars(c.lessons.map { ($0.title, [Double($0.opened), Double($0.completed)]) },
                                  series: [t("report-opened"), t("report-completed")])
        return page("kursus/\(c.slug).html", heading: c.title, eyebrow: t("report-course"),
                    crumbs: [(t("report-home"), "index.html"), (t("report-courses"), "kursus.html")],
                    figures: [(t("report-opened"), String(c.opened)), (t("report-completed"), String(c.completed)),
                              (t("report-passed"), String(c.passed)),
                              (t("report-median-days"), c.medianDaysToComplete.map { number($0) } ?? "–")],
                    sections: [section("pelajaran", t("report-dropoff"), chart: chart,
                                       table: table([(t("report-lesson"), false), (t("report-opened"), true), (t("report-completed"), true)],
                                                    rows, sortable: false))])
    }

    func quizTitle(_ q: CatalogueIndex.QuizEntry) -> String {
        let lesson = index.summary.courses[q.course].lessons[q.lesson].title
        return q.quiz.title.map { "\(lesson): \($0)" } ?? lesson
    }

    func questions() -> (String, [String: Any]) {
        let byID = Dictionary(index.quizzes.map { ($0.quiz.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = report.questions.map { q -> ([[String: Any]], Bool) in
            let options = q.options.map { "\($0.text)\($0.correct ? " ✓" : ""): \($0.chosen)" }.joined(separator: "; ")
            let flags = q.flags.map { t("report-flag-" + $0) }.joined(separator: ", ")
            return ([cell(byID[q.quiz].map(quizTitle) ?? q.quiz, header: true), num(Double(q.number), 0), cell(q.text),
                     num(Double(q.attempts), 0), num(Double(q.people), 0),
                     cell(percent(q.correctShare), sort: q.correctShare, numeric: true),
                     q.discrimination.map { num($0, 2) } ?? cell("–", numeric: true), cell(options.isEmpty ? "–" : options),
                     cell(flags.isEmpty ? "–" : flags)], !q.flags.isEmpty)
        }
        return page("soal.html", heading: t("report-questions"), crumbs: [(t("report-home"), "index.html")],
                    sections: [section("soal", t("report-questions"), note: t("report-questions-note"),
                                       table: table([(t("report-quiz"), false), (t("report-number"), true), (t("report-question"), false),
                                                     (t("report-attempts"), true), (t("report-people"), true),
                                                     (t("report-correct-share"), true), (t("report-discrimination"), true),
                                                     (t("report-options"), false), (t("report-flags"), false)], rows))])
    }
}
