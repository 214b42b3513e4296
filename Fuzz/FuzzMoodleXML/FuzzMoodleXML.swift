import Foundation
import FuzzSupport
import LatihImport
import LatihQuiz

/// libFuzzer entry: any bytes as a Moodle XML bank. Reading must never crash, and what
/// `latih import` would write must read back as a quiz with no mistakes in it.
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let (text, _) = BankImporter.latihQuizzes(fromMoodleXML: Data(bytes: data, count: size)) else { return 0 }
    let body = text.components(separatedBy: "\n").dropFirst().dropLast(2).joined(separator: "\n")
    guard body.contains("? ") || body.contains("| ") else { return 0 }
    let (_, diags) = QuizParser.parse(body, path: "x.md", firstLine: 2, defaultID: "a/b/1")
    precondition(diags.isEmpty, "imported quiz does not read back: \(diags.map(\.message))\n\(body)")
    return 0
}

@_cdecl("FuzzMoodleXML_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
