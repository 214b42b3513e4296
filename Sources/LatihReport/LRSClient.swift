import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LatihDiagnostics

/// Reads a year's statements from an LRS's `GET /statements` (xAPI 1.0.3), following
/// `more` until the LRS has no more, with `since` and `until` for the year.
struct LRSClient {
    let endpoint: String
    let auth: String
    /// Hears the number of statements read so far, after each page.
    var progress: ((Int) -> Void)?

    struct Failure: Error { var message: String }

    /// The year's statements, a page at a time, to `sink`.
    func statements(_ year: YearWindow, index: CatalogueIndex, into sink: (consuming StatementPart) -> Void) throws {
        let root = endpoint.hasSuffix("/") ? endpoint : endpoint + "/"
        var query = URLComponents(string: root + "statements")
        query?.queryItems = [URLQueryItem(name: "since", value: ISOTime.string(year.start)),
                             URLQueryItem(name: "until", value: ISOTime.string(year.end)),
                             URLQueryItem(name: "limit", value: "1000")]
        guard var url = query?.url else { throw Failure(message: "`\(endpoint)` is not an address") }
        var memo: [String: Int32?] = [:]
        var read = 0
        var page = 1
        while true {
            let data = try get(url)
            guard let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let items = body["statements"] as? [Any] else {
                throw Failure(message: "the LRS's answer to \(url.absoluteString) is not a StatementResult")
            }
            var part = StatementPart()
            for (i, item) in items.enumerated() {
                let at = SourceLocation(path: "\(root)statements (page \(page))", line: i + 1, column: 1)
                guard let bytes = try? JSONSerialization.data(withJSONObject: item) else { continue }
                do {
                    let s = try [UInt8](bytes).withUnsafeBufferPointer { p throws(StatementScanner.Failure) in try StatementScanner.statement(p) }
                    if let problem = s.problem() { part.warnings.append(.warning(.reportInvalidStatement, at, "not a valid xAPI 1.0.3 statement: \(problem)")); continue }
                    part.add(s, index: index, year: year, memo: &memo)
                } catch {
                    part.warnings.append(.warning(.reportNotJSON, at, error.message))
                }
            }
            read += part.read
            sink(part)
            progress?(read)
            guard let more = body["more"] as? String, !more.isEmpty, let next = URL(string: more, relativeTo: url)?.absoluteURL else { break }
            url = next
            page += 1
        }
    }

    func get(_ url: URL) throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.setValue(auth, forHTTPHeaderField: "Authorization")
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.data = data
            box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = box.error { throw Failure(message: "cannot reach the LRS: \(error.localizedDescription)") }
        guard box.status == 200, let data = box.data else {
            throw Failure(message: box.status == 401 || box.status == 403
                          ? "the LRS refused the credentials (HTTP \(box.status))" : "the LRS answered HTTP \(box.status) for \(url.absoluteString)")
        }
        return data
    }

    /// Carries a response out of URLSession's callback; written before the semaphore is signalled.
    private final class Box: @unchecked Sendable {
        var data: Data?
        var status = 0
        var error: Error?
    }
}
