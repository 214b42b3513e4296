import ArgumentParser
import Foundation
import LatihDiagnostics

/// The `latih` command: a thin layer over `LatihSite` that parses arguments,
/// prints diagnostics and chooses the exit code.
public struct Latih: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "latih",
        abstract: "Build training catalogues from Markdown.",
        version: version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Package.self, ReportCommand.self, Certify.self, Import.self]
    )

    public init() {}

    /// Exit codes: 0 success, 1 content errors, 2 bad usage.
    public enum Exit: Int32 {
        case success = 0
        case contentErrors = 1
        case usage = 2
    }

    /// Runs the command line and returns the process exit code.
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return Exit.success.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return Exit.success.rawValue
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return Exit.usage.rawValue
        }
    }
}
