import Foundation
import Hummingbird
import LatihRebuild

/// Answers requests from the in-memory site, plus the live-reload endpoints under `/_latih/`.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let session: SiteSession
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed)
        }
        let raw = request.uri.path.removingPercentEncoding ?? request.uri.path
        switch raw {
        case "/_latih/events":
            let stream = await hub.connect()
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                for await text in stream {
                                    try await writer.write(ByteBuffer(string: text))
                                }
                                try await writer.finish(nil)
                            })
        case "/_latih/reload.js":
            return file(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8")
        default:
            break
        }
        var path = String(raw.drop(while: { $0 == "/" }))
        // No service worker while authoring: it would answer page loads from its cache
        // and slow every reload down. `latih build` publishes it as usual.
        if path == "sw.js" { return Response(status: .notFound) }
        if path.split(separator: "/").contains("..") { return Response(status: .forbidden) }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let data = session.file(path) {
            // Theme assets and search files carry a hash of their contents in their
            // names, so a reload after an edit fetches only the page itself.
            let immutable = path.hasPrefix("assets/") || (path.hasPrefix("search/") && !path.hasSuffix(".html"))
            return file(data, type: Self.contentType(path), cache: immutable ? "public, max-age=31536000, immutable" : "no-store")
        }
        if session.file(path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: "/" + path + "/"])
        }
        if !session.hasSite {
            // The first build failed: there is no last good site, so every page is this one,
            // which shows the diagnostics and reloads when a save fixes them.
            let report = await hub.currentFailure() ?? "The site is being built…"
            let html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Latih: the build failed</title></head>"
                + "<body><h1>Latih: the build failed</h1><p>Fix the file and save; this page reloads by itself.</p><pre>"
                + Self.escape(report) + "</pre>" + DevServer.snippet + "</body></html>"
            var response = file(Data(html.utf8), type: "text/html; charset=utf-8")
            response.status = .serviceUnavailable
            return response
        }
        let notFound = session.file("404.html") ?? Data("404".utf8)
        var response = file(notFound, type: "text/html; charset=utf-8")
        response.status = .notFound
        return response
    }

    func file(_ data: Data, type: String, cache: String = "no-store") -> Response {
        Response(status: .ok,
                 headers: [.contentType: type, .cacheControl: cache],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json", "webmanifest": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
