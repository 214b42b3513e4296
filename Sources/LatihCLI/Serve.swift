import ArgumentParser
import Foundation
import LatihDiagnostics
import LatihServe
import LatihSite

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in memory, serve it, and rebuild on every save.",
        discussion: """
        Open pages reload by themselves after an edit, and show the diagnostics when an \
        edit breaks the build; the last good site stays served meanwhile. Nothing is \
        written to disk: use `latih build` to publish.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    func run() throws {
        let terminal = Terminal()
        let options = BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: "",
                                   includeDrafts: site.drafts, write: false)
        let colour = terminal.colour
        let server = DevServer(options: options, host: host, port: port, render: { diagnostics, forTerminal in
            DiagnosticRenderer(colour: forTerminal && colour, sourceLine: Terminal.line).render(diagnostics)
        }, log: { line in
            FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
        })
        var stops: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                terminal.clearStatus()
                FileHandle.standardError.write(Data("stopped\n".utf8))
                Foundation.exit(0)
            }
            source.resume()
            stops.append(source)
        }
        defer { stops.forEach { $0.cancel() } }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do { try await server.run() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            terminal.error("cannot serve on \(host):\(port): \(error)")
            throw ExitCode(Latih.Exit.usage.rawValue)
        }
    }
}

/// Carries an error out of the server task; written once before the semaphore is signalled.
private final class FailureBox: @unchecked Sendable {
    var error: Error?
}
