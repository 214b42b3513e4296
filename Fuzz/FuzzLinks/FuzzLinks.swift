import FuzzSupport
import LatihContent
import LatihFrontMatter
import LatihMarkdown
import LatihSite

/// libFuzzer entry: any bytes as a lesson's Markdown, rendered with link and anchor
/// rewriting against a small site. No output may carry a script URL.
let resolver = LinkResolver(targets: [
    "courses/a/01-x.md": "courses/a/x/index.html",
    "courses/a/02-y.md": "courses/a/y/index.html",
    "courses/a/gambar.png": "courses/a/gambar.png",
    "courses/b/course.md": "courses/b/index.html",
])
let document = Document(path: "courses/a/01-x.md", frontMatter: FrontMatter(), body: "", bodyLine: 1)

public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // One render per input, with raw HTML on or off chosen by the input itself, so the
    // fuzzer explores both modes at half the cost.
    for raw in [size > 0 && data[0] & 1 == 1] {
        let result = MarkdownRenderer.render(text, options: MarkdownOptions(rawHTML: raw, firstLine: 4)) { ref in
            resolver.resolve(ref, in: document, pageOutput: "courses/a/x/index.html").url
        }
        let lower = result.html.lowercased()
        if lower.contains("href=\"javascript:") || lower.contains("src=\"javascript:") || lower.contains("href=\"vbscript:") {
            fatalError("script URL in output")
        }
    }
    return 0
}

@_cdecl("FuzzLinks_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
