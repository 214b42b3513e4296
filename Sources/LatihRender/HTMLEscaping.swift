import LatihMarkdown
import Mustache

/// HTML escaping for `{{name}}` in templates, by `HTML.escape`: the same five characters
/// and entities as swift-mustache's own, so pages are byte for byte the same.
///
/// The library's escaping walks a string Character by Character through a dictionary,
/// and builds a new string even when there is nothing to escape: 15 % of a whole build's
/// CPU at 10,000 lessons (`perf record`). The library lets a template choose a content
/// type by name (`{{% CONTENT_TYPE: LATIH_HTML}}`), so `Theme` registers this one and puts
/// that line above every template it loads.
struct HTMLEscaping: MustacheContentType {
    /// The name templates choose it by.
    static let name = "LATIH_HTML"
    /// The line `Theme` puts above each template (standalone, so it renders as nothing).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }
}
