import LatihQuiz

/// libFuzzer entry: any bytes as the body of a ```quiz block, parsed and rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (quiz, diags) = QuizParser.parse(text, path: "x.md", firstLine: 5, defaultID: "a/b/1")
    if diags.isEmpty { _ = QuizRenderer(strings: [:]).html(quiz, index: 0) }
    return 0
}

/// SwiftPM links executables with `main` aliased to `FuzzQuiz_main`, so this entry point
/// hands control to libFuzzer's driver, which then calls `fuzz` for each input.
@_cdecl("FuzzQuiz_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
