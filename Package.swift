// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portal-audit", targets: ["portal-audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // System-library wrappers: C types stay inside Fetch, HTML and the command line's MallocArenas.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CMalloc"),

        // Loading of the YAML files people write, with file:line errors.
        .target(name: "DataFile", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The words the whole tool shares (item state …), typed, with the raw values the files use.
        .target(name: "Vocabulary"),
        // Vietnamese text normalisation (NFC, folding, slugs): the base of every match.
        .target(name: "TextNormalization"),
        .target(name: "Fetch", dependencies: ["CCurl", "TextNormalization"]),
        // The one URL model: split, resolved and normalised on UTF-8 bytes (no libxml2, no Foundation).
        .target(name: "WebAddress"),
        .target(name: "HTML", dependencies: ["CLibXML2", "TextNormalization", "WebAddress"]),
        .target(name: "Crawl", dependencies: ["Vocabulary", "Fetch", "HTML", "WebAddress", "DataFile", .product(name: "Crypto", package: "swift-crypto")],
                resources: [.copy("Resources/url-policy.yaml"), .copy("Resources/tiers.yaml"), .copy("Resources/evidence.yaml")]),
        .target(name: "Detect", dependencies: ["Vocabulary", "HTML", "WebAddress", "TextNormalization", "DataFile", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources/rules")]),
        // Portal health from the public web: page checks (injected content, accessibility,
        // freshness, links) and the judging of the transport probe (https, headers, ipv6).
        .target(name: "Health", dependencies: ["Vocabulary", "HTML", "TextNormalization", "DataFile"], resources: [.copy("Resources/health.yaml")]),
        // The one reader and writer of spreadsheets as Excel saves them, and of numbers
        // as Vietnamese writes them ("1.234", "95,3"): shared by Scoring and Report.
        .target(name: "Spreadsheet", dependencies: ["DataFile"]),
        .target(name: "Scoring", dependencies: ["Vocabulary", "TextNormalization", "DataFile", "Spreadsheet"]),
        // Nightly history in SQLite: runs, findings, measurements, changes and flags.
        .target(name: "Store", dependencies: ["Vocabulary", "DataFile", "Spreadsheet", .product(name: "GRDB", package: "GRDB.swift")],
                resources: [.copy("Resources/flag-policy.yaml")]),
        // Vietnamese reports (HTML, CSV, JSON, Markdown) from plain models, and the ranking
        // and score files rendered from Scoring's results (Report imports Scoring, never back).
        .target(name: "Report", dependencies: ["Vocabulary", "Spreadsheet", "Scoring", "Health", "DataFile"],
                resources: [.copy("Resources/wording.yaml")]),
        // Measuring: crawl + detection + portal health per target, written as measurements.json.
        .target(name: "Measure", dependencies: ["Vocabulary", "Crawl", "Detect", "Fetch", "HTML", "Health", "DataFile"],
                resources: [.copy("Resources/rule-sets-by-year.yaml")]),
        // The nightly run: measure, score, store, report, under the run lock.
        .target(name: "Audit", dependencies: ["Measure", "Crawl", "Detect", "DataFile", "Scoring", "Store", "Report",
                                              "Spreadsheet", "Health"]),
        // Recorded portals served on loopback as the internet serves the real ones: `serve`, the demo and the tests.
        .target(name: "SnapshotServer", dependencies: ["Crawl", "WebAddress", "SiteServer"]),
        // Serves recorded portals (and test fixtures) over real HTTP on loopback.
        .target(name: "SiteServer", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // The appraisers' web workspace: nights, agencies, flags and their decisions, accounts,
        // and evidence replayed from the nights' WARC files.
        .target(name: "Workspace", dependencies: [
            "Vocabulary", "Store", "Crawl", "WebAddress", "Scoring", "Audit", "Report", "DataFile", "Spreadsheet",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("Resources/workspace.yaml"), .copy("Resources/workspace.css")]),
        .executableTarget(name: "portal-audit", dependencies: [
            "CMalloc", "Audit", "Measure", "Workspace", "SnapshotServer", "Fetch", "Crawl", "Detect", "Scoring", "SiteServer", "DataFile", "Store", "Report", "Spreadsheet",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Yams", package: "Yams"),
        ]),

        // What several test targets share: the package, the binary, temporary folders, request logs.
        .target(name: "TestSupport", dependencies: ["SiteServer"], path: "Tests/TestSupport"),
        .testTarget(name: "DataFileTests", dependencies: ["DataFile"]),
        .testTarget(name: "VocabularyTests", dependencies: ["Vocabulary"]),
        .testTarget(name: "FetchTests", dependencies: ["TestSupport", "Fetch", "SiteServer"]),
        .testTarget(name: "SiteServerTests", dependencies: ["TestSupport", "Fetch", "SiteServer"]),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "WebAddressTests", dependencies: ["WebAddress", "HTML", "Crawl", "Detect"]),
        .testTarget(name: "CrawlTests", dependencies: ["TestSupport", "Vocabulary", "Crawl", "Fetch", "HTML", "SiteServer", "DataFile"]),
        .testTarget(name: "DetectTests", dependencies: ["Detect", "HTML", "DataFile"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HealthTests", dependencies: ["Measure", "Health", "HTML", "Fetch", "SiteServer", "Audit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScoringTests", dependencies: ["Vocabulary", "Scoring", "Report", "DataFile", "Spreadsheet"]),
        .testTarget(name: "StoreTests", dependencies: ["Vocabulary", "Store", "Report"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Vocabulary"]),
        .testTarget(name: "AuditTests", dependencies: ["Measure", "TestSupport", "Audit", "Crawl", "Detect", "Scoring", "Store", "Report", "Fetch", "SiteServer"]),
        // Faults, hostile input, kills and fuzzing over the real stack (issue 7).
        .testTarget(name: "ReliabilityTests", dependencies: [
            "Vocabulary", "Measure", "TestSupport", "Audit", "Crawl", "Fetch", "HTML", "SiteServer", "Detect", "Scoring", "Store", "Report", "DataFile", "Spreadsheet",
        ], resources: [.copy("Corpus")]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Vocabulary", "Measure",
            "TestSupport", "Workspace", "Audit", "SnapshotServer", "Report", "Store", "Crawl", "SiteServer", "Scoring",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        // The command line's own views (history, flags), tested in process.
        .testTarget(name: "PortalAuditTests", dependencies: ["portal-audit", "Report", "Store"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "Audit", "SnapshotServer", "Crawl", "SiteServer", "Store", .product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
