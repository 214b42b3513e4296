import Foundation

/// The open pages' event streams, and what to tell them.
actor ReloadHub {
    enum Event: Sendable {
        case reload([String])
        case reloadAll
        case failed(String)

        /// The event as server-sent-event text.
        var text: String {
            switch self {
            case .reload(let paths): return "event: reload\ndata: \(Self.json(["changed": paths]))\n\n"
            case .reloadAll: return "event: reload\ndata: {\"all\":true}\n\n"
            case .failed(let report): return "event: failed\ndata: \(Self.json(["text": report]))\n\n"
            }
        }

        static func json(_ value: some Encodable) -> String {
            (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? "{}"
        }
    }

    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The last failure, told to pages that connect while the build is broken.
    private var failure: String?

    func connect() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let id = UUID()
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        continuation.yield(": connected\n\n")
        if let failure { continuation.yield(Event.failed(failure).text) }
        return stream
    }

    func disconnect(_ id: UUID) { clients[id] = nil }

    /// The diagnostics of the last failed update, while the build is broken.
    func currentFailure() -> String? { failure }

    func send(_ event: Event) {
        if case .failed(let text) = event { failure = text } else { failure = nil }
        for c in clients.values { c.yield(event.text) }
    }
}
