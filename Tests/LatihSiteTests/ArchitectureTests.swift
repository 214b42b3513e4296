import Foundation
import LatihTestSupport
import Testing

/// The shape the code keeps (CONTRIBUTING.md): facts that a compiler does not check.
@Suite struct ArchitectureTests {
    /// Every Swift file under Sources/, with its target.
    func sources() throws -> [(target: String, path: String, text: String)] {
        let root = Repository.root + "/Sources"
        var out: [(String, String, String)] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            guard let walk = FileManager.default.enumerator(atPath: root + "/" + target) else { continue }
            for case let file as String in walk where file.hasSuffix(".swift") {
                out.append((target, target + "/" + file, try String(contentsOfFile: root + "/" + target + "/" + file, encoding: .utf8)))
            }
        }
        return out
    }

    /// Front matter is read by key only in the model (LatihContent) and its parser: a
    /// misspelt key elsewhere would compile and print nothing. Other targets use the
    /// model's typed properties (`course.summary`, `lesson.tags` …).
    @Test func frontMatterIsReadByKeyOnlyInTheModel() throws {
        let files = try sources()
        #expect(files.count > 100)
        let keyed = try Regex(#"frontMatter\.(text|list|date|bool|minutes)\(""#)
        let offenders = files.filter { !["LatihContent", "LatihFrontMatter"].contains($0.target) && $0.text.contains(keyed) }.map(\.path)
        #expect(offenders.isEmpty, "\(offenders)")
    }

    /// The site's core knows no command: no LMS packaging, report or server code in LatihSite.
    @Test func theSiteCoreNamesNoCommand() throws {
        let site = try sources().filter { $0.target == "LatihSite" }
        #expect(!site.isEmpty)
        for word in ["PackageCheck", "CourseForLMS", "PackageLinks", "CatalogueSummary", "Hummingbird", "ReportRunner"] {
            #expect(!site.contains { $0.text.contains(word) }, "\(word) in LatihSite")
        }
    }
}
