import ArgumentParser
import Foundation
import LatihCertify
import LatihCredentials
import LatihDiagnostics
import LatihReport
import LatihSite

/// `latih certify`: certificates that the agency signs from its records, and that anyone
/// can verify offline on the site.
struct Certify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign, revoke and verify the agency's certificates (Open Badges 3.0).",
        subcommands: [CertifyKey.self, CertifyIssue.self, CertifyRevoke.self, CertifyVerify.self]
    )
}

struct CertifyKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make the agency's Ed25519 signing key (a Multikey JSON file, mode 0600).",
        discussion: "Never overwrites a file, and refuses a place inside the content, the theme, a built site or a repository."
    )

    @Option(help: "Where to write the key.")
    var output: String

    @Option(help: "The agency the key signs for.")
    var name = ""

    @OptionGroup var site: SiteOptions

    func run() throws {
        let terminal = Terminal()
        switch KeyFile.create(output, name: name, protecting: [site.content, site.templates], now: Date().timeIntervalSince1970) {
        case .failure(let d):
            terminal.report([d])
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        case .success(let key):
            print("""
            Wrote \(output) (readable by you alone). Keep it secret, and back it up: it signs every certificate.
            Public key: \(key.publicKeyMultibase)
            Publish it by adding to \(site.content)/site.conf, then rebuild the site:
              certificate-keys: \(key.publicKeyMultibase)
            """)
        }
    }
}

struct CertifyIssue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue the certificates that a year's learning records prove.",
        discussion: """
        One signed credential and printable page per learner and course completed in the year, and one per learner \
        who reached the year's JP target; the ledger lists them. Reads the same records as `latih report`.
        """
    )

    @Option(help: "The agency's key, from `latih certify key`.")
    var key: String

    @OptionGroup var site: SiteOptions

    @OptionGroup var records: RecordOptions

    @Option(help: "The folder the certificates and the ledger are written to. It holds personal data: never publish it.")
    var output = "certificates"

    func validate() throws { try records.checkSources() }

    func run() throws {
        let terminal = Terminal()
        let result = Issuance.issue(IssueOptions(records: records.options(site), keyPath: key, output: output))
        terminal.report(result.diagnostics)
        guard result.succeeded else {
            terminal.error("certify issue failed: \(DiagnosticRenderer.tally(result.diagnostics)); \(output)/ was left as it was")
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
        print("\(result.credentials) certificates for \(result.people) people in \(output)/ (\(result.added) new); "
              + "rebuild the site to publish the status list")
    }
}

struct CertifyRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke certificates: the next `latih build` publishes the revocation."
    )

    @Argument(help: "The certificates' ids (urn:uuid:… or the bare UUID).")
    var ids: [String]

    @Option(help: "The agency's key, from `latih certify key`.")
    var key: String

    @Option(help: "Why they are revoked, noted in the ledger.")
    var reason = ""

    @Option(help: "The folder `latih certify issue` wrote.")
    var certificates = "certificates"

    @OptionGroup var site: SiteOptions

    func run() throws {
        let terminal = Terminal()
        let build = BuildOptions(contentDir: site.content, templatesDir: site.templates, outputDir: "", includeDrafts: site.drafts, write: false)
        let (revoked, diags) = Revocation.revoke(RevokeOptions(ids: ids, keyPath: key, build: build, certificates: certificates, reason: reason))
        terminal.report(diags)
        guard !diags.hasErrors else {
            terminal.error("certify revoke failed: \(DiagnosticRenderer.tally(diags)); nothing was revoked")
            throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
        print("Revoked \(revoked.count) certificates in \(site.content)/certificates/status.json; rebuild the site to publish it")
    }
}

struct CertifyVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a certificate by the rules of the site's verification page.",
        discussion: "Exits 0 when it is valid, 1 with the reason when it is not."
    )

    @Argument(help: "A credential's JSON file, or its verification address (…/verifikasi/#v1.…).")
    var credential: String

    @Option(help: "A built site, whose trust and status lists are used.")
    var site: String?

    @Option(help: "A content folder, whose site.conf and status list are used (when --site is not given).")
    var content = "content"

    @Option(help: "The templates (theme) folder.")
    var templates = "templates"

    func run() throws {
        let terminal = Terminal()
        let trust: Verifying.Trust = site.map { .site($0) }
            ?? .content(BuildOptions(contentDir: content, templatesDir: templates, outputDir: "", write: false))
        let (found, diags) = Verifying.verify(credential, trust: trust)
        terminal.report(diags)
        guard let v = found else { throw ExitCode(Latih.Exit.contentErrors.rawValue) }
        for (check, outcome) in v.checks {
            switch outcome {
            case .passed: print("✓ \(check.rawValue)")
            case .failed(let r): print("✗ \(check.rawValue): \(r)")
            case .unchecked(let r): print("? \(check.rawValue): \(r)")
            }
        }
        if let asOf = v.statusAsOf { print("status as of \(asOf)") }
        print(v.verdict.rawValue)
        switch v.verdict {
        case .valid, .validUnchecked: return
        default: throw ExitCode(Latih.Exit.contentErrors.rawValue)
        }
    }
}
