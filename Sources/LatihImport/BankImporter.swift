import Foundation
import LatihContent
import LatihDiagnostics
import LatihQuiz

/// What `latih import` did.
public struct ImportResult: Sendable {
    /// The lesson file written, relative to the content folder.
    public var written: String?
    public var converted = 0
    public var skipped = 0
    public var diagnostics: [Diagnostic] = []
}

/// `latih import`: a Moodle question bank (Moodle XML, or GIFT) into a new lesson of a
/// course, numbered after its last item, with the questions in Latih's quiz syntax and a
/// quiz per category. What cannot be converted is reported at its line with the reason;
/// everything else is still written. No file is ever overwritten.
public enum BankImporter {
    public static func run(bank: String, course: String, title: String?, content: String) -> ImportResult {
        var result = ImportResult()
        let fm = FileManager.default
        let courseDir = content + "/courses/" + course
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: courseDir, isDirectory: &isDir), isDir.boolValue else {
            result.diagnostics.append(.error(.importUnknownCourse, SourceLocation(path: courseDir), "no course `\(course)`",
                                             hint: "courses are the folders of \(content)/courses/; create one with `latih new course \(course)`"))
            return result
        }
        guard let data = fm.contents(atPath: bank) else {
            result.diagnostics.append(.error(.importBankUnreadable, SourceLocation(path: bank), "bank cannot be read"))
            return result
        }
        var blocks: [QuizWriter.Block] = []
        var images: [(String, Data)] = []
        if bank.lowercased().hasSuffix(".gift") || bank.lowercased().hasSuffix(".txt") {
            let (quiz, diags) = GiftParser.parse(String(decoding: data, as: UTF8.self), path: bank, firstLine: 1, defaultID: "bank")
            for d in diags {
                result.skipped += 1
                result.diagnostics.append(.warning(.importQuestionLeftOut, d.location, "question left out: \(d.message)", hint: d.hint))
            }
            if !quiz.questions.isEmpty { blocks.append(QuizWriter.Block(title: nil, questions: quiz.questions)) }
            result.converted = quiz.questions.count
        } else {
            let (nodes, failure) = MoodleXMLReader.questions(in: data)
            if let failure {
                result.diagnostics.append(.error(.importBankUnreadable, SourceLocation(path: bank, line: failure.line, column: 1), failure.message,
                                                 hint: "export the bank from Moodle as \"Moodle XML format\", or as GIFT"))
                return result
            }
            var byCategory: [(String?, [BankQuestion])] = []
            for q in MoodleXMLReader.convert(nodes) {
                let at = SourceLocation(path: bank, line: q.line, column: 1)
                if let why = q.skipped {
                    result.skipped += 1
                    result.diagnostics.append(.warning(.importQuestionLeftOut, at, "question left out: \(why)"))
                    continue
                }
                for note in q.notes { result.diagnostics.append(.warning(.importQuestionKeptInPart, at, "question kept in part: \(note)")) }
                images += q.images
                if let last = byCategory.last, last.0 == q.category { byCategory[byCategory.count - 1].1.append(q) }
                else { byCategory.append((q.category, [q])) }
            }
            for (category, qs) in byCategory {
                blocks.append(QuizWriter.Block(title: category.map(categoryTitle), shuffle: qs.contains(where: \.shuffle),
                                               partial: qs.contains(where: \.partial), questions: qs.compactMap(\.question)))
                result.converted += qs.count
            }
        }
        guard result.converted > 0 else {
            result.diagnostics.append(.error(.importNothingConverted, SourceLocation(path: bank), "no question in the bank could be converted"))
            return result
        }
        // The new lesson: numbered after the course's last lesson or module.
        let names = (try? fm.contentsOfDirectory(atPath: courseDir)) ?? []
        let next = (names.compactMap { name -> Int? in
            let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            return Slug.ordered(stem)?.0
        }.max() ?? 0) + 1
        let bankName = ((bank as NSString).lastPathComponent as NSString).deletingPathExtension
        let lessonTitle = title ?? "Bank soal: \(bankName)"
        var slug = slugify(title ?? bankName)
        if slug.isEmpty { slug = "bank-soal" }
        let file = String(format: "%02d-%@.md", next, slug)
        let path = courseDir + "/" + file
        guard !fm.fileExists(atPath: path) else {
            result.diagnostics.append(.error(.importFileExists, SourceLocation(path: path), "\(path) already exists", hint: "import never overwrites a file; give another --title"))
            return result
        }
        let questions = blocks.reduce(0) { $0 + $1.questions.filter { $0.answer.isScored }.count }
        var text = "---\ntitle: \(QuizWriter.line(lessonTitle))\nsummary: Soal dari bank \(QuizWriter.line(bankName)).\nduration: \(max(5, questions)) menit\n---\n\n"
        text += QuizWriter.markdown(blocks)
        do {
            for (name, bytes) in images {
                let image = courseDir + "/" + name
                if !fm.fileExists(atPath: image) { try bytes.write(to: URL(fileURLWithPath: image)) }
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            result.written = "courses/\(course)/\(file)"
        } catch {
            result.diagnostics.append(.error(.importWriteFailed, SourceLocation(path: path), "cannot write the lesson: \(error.localizedDescription)"))
        }
        result.diagnostics.sort()
        return result
    }

    /// A Moodle XML bank's questions as Latih's quiz syntax, and how many were left out;
    /// nil when the XML cannot be read (for the fuzzer, which reads no files).
    public static func latihQuizzes(fromMoodleXML data: Data) -> (text: String, skipped: Int)? {
        let (nodes, failure) = MoodleXMLReader.questions(in: data)
        if failure != nil { return nil }
        let questions = MoodleXMLReader.convert(nodes)
        let kept = questions.compactMap(\.question)
        return (QuizWriter.markdown([QuizWriter.Block(title: nil, questions: kept)]), questions.count - kept.count)
    }

    /// `$course$/top/Default for SPBE/Keamanan` → "Keamanan".
    static func categoryTitle(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init).filter { $0 != "top" && !$0.hasPrefix("$") }
        return parts.last ?? path
    }

    /// A lesson slug from a title: lowercase ASCII letters, digits and hyphens.
    static func slugify(_ s: String) -> String {
        var out = ""
        for c in s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
    }
}
