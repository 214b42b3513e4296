// swift-tools-version: 6.0
import Foundation
import PackageDescription

// One target per concern, with dependencies pointing one way only (each target's list
// below is exactly what its files import):
// Diagnostics ← Output ← Content, Site, Report;  Diagnostics ← FrontMatter ← Content ← Render ← Site ← Rebuild ← Serve ← CLI ← latih
// CCmarkGFM ← Markdown ← Quiz, Render, Site;  FrontMatter ← Quiz, Render, Site
// CLibdeflate ← Compression ← Search ← Site;  Parallel ← Content, Search, Render, Site, CLI
// Diagnostics ← LinkCheck ← CLI;  Content ← Scaffold ← CLI;  Site ← LMS ← CLI;  Site, ClickHouse ← Report ← CLI;  Quiz ← Import ← CLI
let package = Package(
    name: "Latih",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "latih", targets: ["latih"]),
    ],
    // Exact versions: a tool that promises byte-identical builds states what it builds with
    // (CONTRIBUTING.md says how to move them).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libdeflate, for the search index's deflated shards and documents (Debian's
        // libdeflate-dev): the same raw DEFLATE as zlib's, in less than half the time.
        .systemLibrary(name: "CLibdeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // libqrencode, for the QR code on a printed certificate (Debian's libqrencode-dev).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "LatihQR", dependencies: ["CQRencode"]),
        .target(name: "LatihDiagnostics"),
        .target(name: "LatihParallel"),
        // The folders Latih writes whole (site, report, certificates): one set of refusals, markers and swaps.
        .target(name: "LatihOutput", dependencies: [
            "LatihDiagnostics", "LatihParallel",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "LatihFrontMatter", dependencies: ["LatihDiagnostics"]),
        .target(name: "LatihMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "LatihQuiz", dependencies: [
            "LatihDiagnostics", "LatihFrontMatter", "LatihMarkdown",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "LatihCompression", dependencies: ["CLibdeflate"]),
        .target(name: "LatihSearch", dependencies: ["LatihCompression", "LatihParallel"]),
        // Verifiable credentials: strict JSON, RFC 8785, eddsa-jcs-2022 proofs, Open Badges 3.0,
        // status lists and the verification rules; no command and no file system.
        .target(name: "LatihCredentials", dependencies: [
            "LatihCompression",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "LatihContent", dependencies: ["LatihDiagnostics", "LatihFrontMatter", "LatihOutput", "LatihParallel", "LatihCredentials"]),
        .target(name: "LatihRender", dependencies: [
            "LatihDiagnostics", "LatihContent", "LatihFrontMatter", "LatihMarkdown", "LatihParallel",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "LatihSite", dependencies: [
            "LatihDiagnostics", "LatihContent", "LatihFrontMatter", "LatihMarkdown", "LatihRender", "LatihQuiz",
            "LatihSearch", "LatihParallel", "LatihOutput", "LatihCredentials",
        ]),
        // A site kept in memory and updated after edits, through the build's public stages.
        .target(name: "LatihRebuild", dependencies: ["LatihContent", "LatihDiagnostics", "LatihParallel", "LatihRender", "LatihSite"]),
        // `latih serve`: Hummingbird, a file watcher and live reload, kept out of the core.
        .target(name: "LatihServe", dependencies: [
            "LatihDiagnostics", "LatihRebuild", "LatihSite",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `latih check --external`: http(s) links, through Foundation's URLSession.
        .target(name: "LatihLinkCheck", dependencies: ["LatihDiagnostics"]),
        // `latih package`: SCORM 1.2 and cmi5 zips of courses, written with ZIPFoundation.
        .target(name: "LatihLMS", dependencies: [
            "LatihDiagnostics", "LatihSite", "LatihMarkdown", "LatihOutput", "LatihRender",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // `latih report`: learning records (xAPI statements, an LRS, learners' exports) into
        // the agency's monitoring report.
        // ClickHouse's HTTP interface, read-only, streamed (AsyncHTTPClient): where a national
        // LRS keeps its statements, for `latih report --clickhouse`.
        .target(name: "LatihClickHouse", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .target(name: "LatihReport", dependencies: [
            "LatihDiagnostics", "LatihSite", "LatihQuiz", "LatihParallel", "LatihRender", "LatihContent", "LatihMarkdown", "LatihOutput",
            "LatihCredentials", "LatihClickHouse",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `latih certify`: the agency's signing key, and certificates issued from its records
        // (signed Open Badges, printable pages with a QR code, the ledger), revoked and verified.
        .target(name: "LatihCertify", dependencies: [
            "LatihDiagnostics", "LatihCredentials", "LatihOutput", "LatihParallel", "LatihQR", "LatihReport", "LatihSite", "LatihRender", "LatihContent",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // `latih import`: Moodle question banks (Moodle XML through Foundation's XMLParser, GIFT) into lessons.
        .target(name: "LatihImport", dependencies: ["LatihDiagnostics", "LatihQuiz", "LatihContent"]),
        // `latih new`: catalogues, courses and lessons that pass `latih check`.
        .target(name: "LatihScaffold", dependencies: ["LatihContent"]),
        .target(name: "LatihCLI", dependencies: [
            "LatihDiagnostics", "LatihParallel", "LatihSite", "LatihServe", "LatihLinkCheck", "LatihScaffold", "LatihLMS", "LatihReport", "LatihImport", "LatihCertify", "LatihClickHouse", "LatihRender",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // On Linux the executable links mimalloc (Debian's libmimalloc-dev), which takes the
        // place of glibc's malloc for the whole process: a build makes and frees millions of
        // small Strings and arrays, and glibc's allocator held 8 % of its CPU and a sixth
        // of its memory more (bench/RESULTS.md). Only the executable links it: the Swift test targets
        // and the fuzzers, whose sanitizer brings its own allocator, keep glibc's.
        .executableTarget(name: "latih", dependencies: ["LatihCLI"],
                          linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        // Fixtures are read from disk by path (#filePath), not bundled.
        // What the test targets share: the repository's folders, temporary folders, and the
        // tables under Tests/vectors/ that the Swift and JavaScript tests both read.
        .target(name: "LatihTestSupport", path: "Tests/LatihTestSupport"),
        .testTarget(name: "LatihDiagnosticsTests", dependencies: ["LatihDiagnostics", "LatihTestSupport"]),
        .testTarget(name: "LatihFrontMatterTests", dependencies: ["LatihFrontMatter", "LatihDiagnostics"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LatihMarkdownTests", dependencies: ["LatihMarkdown"]),
        .testTarget(name: "LatihSearchTests", dependencies: ["LatihSearch", "LatihCompression", "LatihTestSupport"]),
        .testTarget(name: "LatihParallelTests", dependencies: ["LatihParallel"]),
        .testTarget(name: "LatihCredentialsTests", dependencies: ["LatihCredentials", "LatihCompression", "LatihTestSupport",
                                                                   .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LatihRenderTests", dependencies: ["LatihRender", "LatihMarkdown", "LatihTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LatihQuizTests", dependencies: ["LatihQuiz", "LatihDiagnostics", "LatihTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LatihSiteTests", dependencies: ["LatihSite", "LatihContent", "LatihDiagnostics", "LatihCLI", "LatihOutput", "LatihTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LatihRebuildTests", dependencies: ["LatihRebuild", "LatihSite", "LatihDiagnostics", "LatihTestSupport"]),
        .testTarget(name: "LatihImportTests", dependencies: ["LatihImport", "LatihQuiz", "LatihDiagnostics", "LatihTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LatihReportTests", dependencies: ["LatihReport", "LatihSite", "LatihQuiz", "LatihDiagnostics", "LatihOutput", "LatihTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LatihLMSTests", dependencies: ["LatihLMS", "LatihSite", "LatihDiagnostics", "LatihRender", "LatihTestSupport",
                                                              .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
    ]
)

// libFuzzer targets, built only by `make fuzz` (LATIH_FUZZ=1 with -sanitize=fuzzer):
// each file defines LLVMFuzzerTestOneInput and libFuzzer supplies main.
if ProcessInfo.processInfo.environment["LATIH_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", "LatihFrontMatter"], path: "Fuzz/FuzzFrontMatter"),
        .executableTarget(name: "FuzzQuiz", dependencies: ["FuzzSupport", "LatihQuiz"], path: "Fuzz/FuzzQuiz"),
        .executableTarget(name: "FuzzGift", dependencies: ["FuzzSupport", "LatihQuiz"], path: "Fuzz/FuzzGift"),
        .executableTarget(name: "FuzzLinks", dependencies: ["FuzzSupport", "LatihSite", "LatihContent", "LatihFrontMatter", "LatihMarkdown"], path: "Fuzz/FuzzLinks"),
        .executableTarget(name: "FuzzMoodleXML", dependencies: ["FuzzSupport", "LatihImport", "LatihQuiz"], path: "Fuzz/FuzzMoodleXML"),
    ]
    package.products += ["FuzzFrontMatter", "FuzzQuiz", "FuzzGift", "FuzzLinks", "FuzzMoodleXML"].map { .executable(name: $0, targets: [$0]) }
}
