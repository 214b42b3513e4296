import FuzzSupport
import LatihQuiz

/// libFuzzer entry: any bytes as the body of a ```gift block, parsed and rendered.
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (quiz, diags) = GiftParser.parse(text, path: "x.md", firstLine: 5, defaultID: "a/b/1")
    if diags.isEmpty { _ = QuizRenderer(strings: [:]).html(quiz, index: 0) }
    return 0
}

@_cdecl("FuzzGift_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
