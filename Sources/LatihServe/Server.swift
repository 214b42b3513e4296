import Foundation
import Hummingbird
import LatihDiagnostics
import Logging
import LatihRebuild
import LatihSite

/// `latih serve`: builds the site in memory, serves it over HTTP with Hummingbird,
/// watches the content and theme folders, applies each edit, and tells open pages to
/// reload (or to show the errors) through server-sent events.
public struct DevServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// Turns diagnostics into text, for the terminal (coloured) and for the browser (plain).
    public var render: @Sendable ([Diagnostic], Bool) -> String
    /// Lines for the terminal.
    public var log: @Sendable (String) -> Void

    public init(options: BuildOptions, host: String, port: Int,
                render: @escaping @Sendable ([Diagnostic], Bool) -> String, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.host = host
        self.port = port
        self.render = render
        self.log = log
    }

    /// Hummingbird's own log, kept to warnings: the terminal is for the author.
    static var quietLogger: Logger {
        var logger = Logger(label: "latih-serve")
        logger.logLevel = .warning
        return logger
    }

    /// The snippet added to every page, and only in `serve`.
    static let snippet = "<script src=\"/_latih/reload.js\"></script>"

    public func run() async throws {
        var options = self.options
        options.bodyEnd = Self.snippet
        let session = SiteSession(options: options)
        let hub = ReloadHub()
        let render = self.render, log = self.log
        let started = Date()
        let first = session.build()
        Self.report(first, hub: hub, seconds: Date().timeIntervalSince(started), render: render, log: log)

        let content = URL(fileURLWithPath: options.contentDir).standardizedFileURL.path
        let templates = URL(fileURLWithPath: options.templatesDir).standardizedFileURL.path
        let watcher = FileWatcher(roots: [content, templates])
        watcher.start()
        Task.detached {
            var refresh: Task<Void, Never>?
            for await batch in watcher.batches {
                var changed: Set<String> = []
                var theme = false
                for path in batch {
                    if path.hasPrefix(templates + "/") || path == templates { theme = true }
                    else if path.hasPrefix(content + "/") { changed.insert(String(path.dropFirst(content.count + 1))) }
                }
                let t = Date()
                let update = session.update(content: changed, theme: theme)
                Self.report(update, hub: hub, seconds: Date().timeIntervalSince(t), render: render, log: log)
                if update.succeeded, session.searchIsStale {
                    // The search index is rebuilt in the background once edits pause;
                    // pages come first, and edits are not held up by it.
                    refresh?.cancel()
                    refresh = Task.detached {
                        try? await Task.sleep(nanoseconds: 300_000_000)
                        if Task.isCancelled { return }
                        let pages = session.refreshSearch()
                        if !pages.isEmpty { await hub.send(.reload(pages)) }
                    }
                }
            }
        }

        let responder = SiteResponder(session: session, hub: hub)
        let host = self.host
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "latih"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                log("Serving http://\(host):\(port)/  (Ctrl-C to stop)")
            },
            logger: Self.quietLogger
        )
        // Open pages keep their event streams open, which a graceful shutdown would wait
        // for forever; a development server has nothing to flush, so the command exits
        // on Ctrl-C or SIGTERM itself.
        try await app.runService(gracefulShutdownSignals: [])
    }

    static func report(_ update: SiteSession.Update, hub: ReloadHub, seconds: Double,
                       render: @escaping @Sendable ([Diagnostic], Bool) -> String, log: @escaping @Sendable (String) -> Void) {
        let ms = String(format: "%.0f", seconds * 1000)
        if update.succeeded {
            if !update.diagnostics.isEmpty { log(render(update.diagnostics, true)) }
            let what = update.wasFull ? "rebuilt everything" : "updated \(update.changed.count) file(s)"
            log("\(what) in \(ms) ms" + (update.diagnostics.isEmpty ? "" : "; \(DiagnosticRenderer.tally(update.diagnostics))"))
            Task { await hub.send(update.wasFull ? .reloadAll : .reload(update.changed)) }
        } else {
            log(render(update.diagnostics, true))
            log("build failed: \(DiagnosticRenderer.tally(update.diagnostics)); still serving the last good site")
            let text = render(update.diagnostics, false)
            Task { await hub.send(.failed(text)) }
        }
    }
}
