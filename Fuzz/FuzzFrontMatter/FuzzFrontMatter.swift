import FuzzSupport
import LatihFrontMatter

/// libFuzzer entry: any bytes, as a lesson, a course and a site.conf. The parser must
/// return diagnostics, never crash, and every diagnostic must point inside the input.
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    // The course schema has typed keys of every kind; a lesson reads the same lines.
    let doc = FrontMatterParser.parseDocument(text, path: "x.md", schema: .course)
    for d in doc.diagnostics where d.location.line > lines + 1 { fatalError("diagnostic past the end: \(d)") }
    _ = FrontMatterParser.parseConf(text, path: "site.conf", schema: .site)
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
