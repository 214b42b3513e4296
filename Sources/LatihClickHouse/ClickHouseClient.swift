import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// ClickHouse's HTTP interface, for reading only: a query goes out as a POST with its
/// external tables (ClickHouse's temporary tables sent along with the query, so that the
/// reader needs no right to create anything), and its TabSeparated answer is read as it
/// arrives, a row at a time, with the body's backpressure: memory holds a few rows, not
/// the answer. AsyncHTTPClient carries the HTTP; only ClickHouse's own conventions are here.
public struct ClickHouseClient: Sendable {
    /// `http(s)://host:8123`.
    public var url: String
    public var user: String?
    public var password: String?
    public var database: String
    /// Seconds a query may run on the server.
    public var maxExecutionTime = 3600

    public init(url: String, user: String?, password: String?, database: String) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.user = user
        self.password = password
        self.database = database
    }

    /// A table sent with the query, which the query reads by `name`.
    public struct ExternalTable: Sendable {
        public var name: String
        /// ClickHouse's column list: `object_id String, code Int32`.
        public var structure: String
        public var rows: [[String]]
        public init(name: String, structure: String, rows: [[String]]) {
            self.name = name
            self.structure = structure
            self.rows = rows
        }
    }

    public enum Failure: Error, Sendable, Equatable {
        /// No answer from the address.
        case unreachable(String)
        /// The user or password was refused.
        case credentials(String)
        /// The server refused the query (a missing table, a syntax error), or stopped in the
        /// middle of its answer.
        case server(String)

        public var message: String {
            switch self {
            case .unreachable(let m), .credentials(let m), .server(let m): return m
            }
        }
    }

    /// The server's version, e.g. `18.16.1`.
    public func version() async throws(Failure) -> String {
        var v = ""
        try await select("SELECT version()") { row in v = row.string(0) }
        return v
    }

    /// Runs `sql` (a SELECT whose answer is TabSeparated) and gives each row to `body`.
    /// A query that the server stops in the middle (ClickHouse then writes its error at the
    /// end of a `200 OK`) throws: callers that must not act on a partial answer add a last
    /// row of their own and check it (see `ReportQueries`).
    public func select(_ sql: String, tables: [ExternalTable] = [], _ body: (borrowing TSVRow) throws -> Void) async throws(Failure) {
        var components = URLComponents(string: url + "/")
        var items = [URLQueryItem(name: "database", value: database),
                     URLQueryItem(name: "default_format", value: "TabSeparated"),
                     URLQueryItem(name: "max_execution_time", value: String(maxExecutionTime))]
        var request: HTTPClientRequest
        if tables.isEmpty {
            components?.queryItems = items
            request = HTTPClientRequest(url: components?.string ?? url)
            request.body = .bytes(ByteBuffer(string: sql))
        } else {
            // External data: the query goes in the address, each table as a file part of a
            // multipart form, its columns in `<name>_structure`.
            items.append(URLQueryItem(name: "query", value: sql))
            for t in tables { items.append(URLQueryItem(name: t.name + "_structure", value: t.structure)) }
            components?.queryItems = items
            // `+` stands for a space in a query string: spell it out.
            let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            components?.percentEncodedQuery = encoded
            request = HTTPClientRequest(url: components?.string ?? url)
            let boundary = "latih-" + UUID().uuidString
            var body = ByteBuffer()
            for t in tables {
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(t.name)\"; filename=\"\(t.name).tsv\"\r\n")
                body.writeString("Content-Type: text/tab-separated-values\r\n\r\n")
                for row in t.rows { body.writeString(row.map(TSV.escape).joined(separator: "\t") + "\n") }
                body.writeString("\r\n")
            }
            body.writeString("--\(boundary)--\r\n")
            request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.body = .bytes(body)
        }
        request.method = .POST
        if let user { request.headers.add(name: "X-ClickHouse-User", value: user) }
        if let password { request.headers.add(name: "X-ClickHouse-Key", value: password) }

        // A server that is not there is said at once: no retrying the connection for an hour.
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(Int64(maxExecutionTime)))
        configuration.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { http.shutdown { _ in } }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .seconds(Int64(maxExecutionTime) + 60))
        } catch {
            throw .unreachable("cannot reach ClickHouse at \(url): \(error)")
        }
        var lines = TSVLines()
        do {
            if response.status != .ok {
                var text = ""
                for try await chunk in response.body {
                    if text.utf8.count < 4096 { text += String(buffer: chunk) }
                }
                let message = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if response.status == .unauthorized || response.status == .forbidden || message.contains("Code: 516") || message.contains("Code: 192")
                    || message.contains("Code: 193") || message.contains("Authentication failed") || message.contains("Unknown user") {
                    throw Failure.credentials("ClickHouse refused the user or password: \(Self.firstLine(message))")
                }
                throw Failure.server("ClickHouse answered HTTP \(response.status.code): \(Self.firstLine(message))")
            }
            for try await chunk in response.body {
                try chunk.withUnsafeReadableBytes { raw in try lines.feed(raw.bindMemory(to: UInt8.self), body) }
            }
            try lines.finish()
        } catch let f as Failure {
            throw f
        } catch let e as TSVLines.Broken {
            throw .server("ClickHouse stopped in the middle of its answer: \(Self.firstLine(e.text))")
        } catch {
            throw .server("reading ClickHouse's answer failed: \(error)")
        }
    }

    static func firstLine(_ s: String) -> String {
        let line = s.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? s
        return line.count > 400 ? String(line.prefix(400)) + "…" : line
    }
}
