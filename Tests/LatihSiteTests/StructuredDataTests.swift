import Foundation
import LatihTestSupport
import Testing
@testable import LatihSite

/// Each course page of a public catalogue carries schema.org `Course` JSON-LD.
@Suite struct StructuredDataTests {
    @Test func coursePagesDescribeTheirCourse() throws {
        let out = try temporaryFolder() + "/site"
        let result = SiteBuilder.build(BuildOptions(contentDir: repoRoot + "/content", templatesDir: repoRoot + "/templates", outputDir: out))
        #expect(result.succeeded, "\(result.diagnostics)")
        func data(_ course: String) throws -> [String: Any] {
            let html = try String(contentsOfFile: out + "/courses/\(course)/index.html", encoding: .utf8)
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        }
        let spbe = try data("spbe")
        #expect(spbe["@type"] as? String == "Course" && spbe["name"] as? String == "SPBE dan Pemerintahan Digital")
        #expect(spbe["inLanguage"] as? String == "id" && spbe["url"] as? String == "https://latih.example.go.id/courses/spbe/")
        let instance = try #require(spbe["hasCourseInstance"] as? [String: Any])
        #expect(instance["courseMode"] as? String == "online" && instance["courseWorkload"] as? String == "PT2H30M")
        #expect((spbe["provider"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect(try data("english-front-desk")["inLanguage"] as? String == "en")
    }
}
