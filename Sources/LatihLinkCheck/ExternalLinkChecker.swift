import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LatihDiagnostics

/// Checks http(s) links for `latih check --external`: each distinct URL once (the result
/// is cached for the run and shared by every page that links to it), many at a time but
/// only a few per host, each with a timeout. HEAD first, GET when a server refuses HEAD.
public struct ExternalLinkChecker: Sendable {
    /// Seconds to wait for an answer.
    public var timeout: TimeInterval
    /// Requests in flight at once, and to any one host.
    public var concurrency: Int
    public var perHost: Int

    public init(timeout: TimeInterval = 10, concurrency: Int = 16, perHost: Int = 2) {
        self.timeout = timeout
        self.concurrency = concurrency
        self.perHost = perHost
    }

    /// What one URL answered.
    public enum Outcome: Sendable, Equatable {
        case ok
        case movedPermanently(to: String)
        case broken(status: Int)
        case serverProblem(status: Int)
        case timedOut
        case unreachable(String)
    }

    /// Diagnostics for every link whose URL did not answer well.
    public func check(_ links: [(url: String, location: SourceLocation)]) async -> [Diagnostic] {
        let urls = Array(Set(links.map(\.url))).sorted()
        let outcomes = await results(for: urls)
        var out: [Diagnostic] = []
        for (url, location) in links {
            guard let outcome = outcomes[url] else { continue }
            switch outcome {
            case .ok:
                break
            case .movedPermanently(let target):
                out.append(.warning(.externalLinkMoved, location, "external link has moved permanently to \(target)",
                                    hint: "link to the new address, so learners skip the redirect and the link keeps working"))
            case .broken(let status):
                out.append(.error(.externalLinkBroken, location, "external link is broken: \(url) answered \(status) \(Self.reason(status))",
                                  hint: "find where the page moved, or remove the link"))
            case .serverProblem(let status):
                out.append(.warning(.externalLinkServerError, location, "external link answered \(status) \(Self.reason(status)): \(url)",
                                    hint: "the server may be down or refusing checks; open the link by hand to confirm"))
            case .timedOut:
                out.append(.warning(.externalLinkTimeout, location, "external link did not answer within \(Int(timeout)) s: \(url)",
                                    hint: "the server may be slow or down; run the check again later, or raise --timeout"))
            case .unreachable(let why):
                out.append(.error(.externalLinkUnreachable, location, "external link cannot be reached: \(url) (\(why))",
                                  hint: "check the address for typos; the host may no longer exist"))
            }
        }
        return out
    }

    /// Each URL's outcome.
    public func results(for urls: [String]) async -> [String: Outcome] {
        let limiter = HostLimiter(total: concurrency, perHost: perHost)
        return await withTaskGroup(of: (String, Outcome).self) { group in
            for url in urls {
                group.addTask {
                    let host = URL(string: url)?.host ?? url
                    await limiter.acquire(host)
                    let outcome = await probe(url)
                    await limiter.release(host)
                    return (url, outcome)
                }
            }
            var out: [String: Outcome] = [:]
            for await (url, outcome) in group { out[url] = outcome }
            return out
        }
    }

    func probe(_ string: String) async -> Outcome {
        guard let url = URL(string: string) else { return .unreachable("not a valid URL") }
        let first = await request(url, method: "HEAD")
        if case .answered(let status, _) = first, status == 405 || status == 501 || status == 403 {
            return classify(await request(url, method: "GET"))
        }
        return classify(first)
    }

    enum Answer {
        case answered(Int, permanentRedirect: String?)
        case failed(URLError)
    }

    func classify(_ answer: Answer) -> Outcome {
        switch answer {
        case .answered(let status, let moved):
            if (200..<400).contains(status) { return moved.map { .movedPermanently(to: $0) } ?? .ok }
            if status == 404 || status == 410 { return .broken(status: status) }
            return .serverProblem(status: status)
        case .failed(let error):
            if error.code == .timedOut { return .timedOut }
            return .unreachable(error.localizedDescription)
        }
    }

    func request(_ url: URL, method: String) async -> Answer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("latih-check (link checker)", forHTTPHeaderField: "User-Agent")
        let recorder = RedirectRecorder()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration, delegate: recorder, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: .answered(http.statusCode, permanentRedirect: recorder.permanentTarget))
                } else {
                    continuation.resume(returning: .failed(error as? URLError ?? URLError(.unknown)))
                }
            }
            task.resume()
        }
    }

    static func reason(_ status: Int) -> String {
        HTTPURLResponse.localizedString(forStatusCode: status).capitalized
    }
}

/// Notes the first permanent redirect (301, 308) and lets the request follow it.
private final class RedirectRecorder: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var target: String?

    var permanentTarget: String? {
        lock.lock()
        defer { lock.unlock() }
        return target
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        lock.lock()
        if target == nil, response.statusCode == 301 || response.statusCode == 308 {
            target = request.url?.absoluteString
        }
        lock.unlock()
        completionHandler(request)
    }
}

/// At most `total` requests at once, and `perHost` to one host.
actor HostLimiter {
    let total: Int
    let perHost: Int
    private var running = 0
    private var byHost: [String: Int] = [:]
    private var waiting: [(host: String, resume: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    func acquire(_ host: String) async {
        if running < total, byHost[host, default: 0] < perHost {
            take(host)
            return
        }
        await withCheckedContinuation { waiting.append((host, $0)) }
    }

    func release(_ host: String) {
        running -= 1
        byHost[host, default: 1] -= 1
        if let i = waiting.firstIndex(where: { byHost[$0.host, default: 0] < perHost }), running < total {
            let next = waiting.remove(at: i)
            take(next.host)
            next.resume.resume()
        }
    }

    private func take(_ host: String) {
        running += 1
        byHost[host, default: 0] += 1
    }
}
