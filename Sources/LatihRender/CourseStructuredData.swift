import Foundation
import LatihContent

/// A course page's schema.org `Course`, as JSON-LD: what search engines read to show a
/// public catalogue's courses (name, description, provider, language, and an online
/// instance with its workload). Its text is the catalogue's own; it is script-safe JSON in
/// a data block, which never runs.
struct CourseStructuredData: Encodable {
    struct Organization: Encodable {
        let type = "Organization"
        var name: String
        var url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }

    struct Instance: Encodable {
        let type = "CourseInstance"
        let courseMode = "online"
        /// ISO 8601, as schema.org and Google's course results read it (`PT3H30M`).
        var courseWorkload: String
        enum CodingKeys: String, CodingKey { case type = "@type", courseMode, courseWorkload }
    }

    let context = "https://schema.org"
    let type = "Course"
    var name: String
    var description: String
    var inLanguage: String
    var url: String?
    var provider: Organization
    var hasCourseInstance: Instance
    var timeRequired: String

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", name, description, inLanguage, url, provider, hasCourseInstance, timeRequired
    }

    init(_ course: Course, in catalogue: Catalogue) {
        let config = catalogue.config
        let base = config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        name = course.title
        description = course.summary
        inLanguage = catalogue.language(of: course)
        url = base.map { $0 + "courses/\(course.slug)/" }
        provider = Organization(name: config.organisation.isEmpty ? config.title : config.organisation, url: base)
        let minutes = course.minutes
        let duration = "PT" + (minutes >= 60 ? "\(minutes / 60)H" : "") + (minutes % 60 > 0 || minutes == 0 ? "\(minutes % 60)M" : "")
        hasCourseInstance = Instance(courseWorkload: duration)
        timeRequired = duration
    }

    var json: String { scriptSafeJSON(self) }
}
