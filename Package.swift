// swift-tools-version: 6.2
// Mailroom: a vendor-relationship mailbox sorter. See README.md and the module table there.

import PackageDescription

let package = Package(
    name: "Mailroom",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mailroom", targets: ["mailroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C boundaries: one module per C library, nothing else imports the C headers.
        .systemLibrary(name: "CEtpan", path: "Sources/CEtpan"),
        .systemLibrary(name: "CPSL", path: "Sources/CPSL"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .target(
            name: "CICU",
            path: "Sources/CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),

        // Core: shared vocabulary, then one Swift module over each C library.
        .target(name: "MailroomCore"),
        .target(name: "Intl", dependencies: ["CICU"]),
        .target(name: "HTML", dependencies: ["CLibXML2"]),
        .target(
            name: "MIME",
            dependencies: ["CEtpan", "Intl", "HTML", "MailroomCore"]
        ),
        .target(name: "Domains", dependencies: ["CPSL"]),
        .target(name: "Rules", dependencies: ["MailroomCore", "Intl", "HTML", "Yams"]),
        .target(name: "Classification", dependencies: ["MailroomCore", "MIME", "Rules", "Domains", "Intl"]),
        .target(
            name: "Store",
            dependencies: [
                "MailroomCore", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // sqlite3_wal_hook, for the checkpointer
            ]
        ),
        .target(name: "Extraction", dependencies: ["MailroomCore", "MIME", "HTML", "Intl", "Rules"]),
        .target(name: "Config", dependencies: ["MailroomCore", "Yams"]),
        .target(
            name: "IMAP",
            dependencies: [
                "CEtpan", "MailroomCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Engine: sources of mail, the analysis pipeline, storage of its results.
        .target(
            name: "Pipeline",
            dependencies: [
                "MailroomCore", "MIME", "Store", "Rules", "Classification", "Extraction",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Output: the dashboard read model, the HTML report and the data export.
        .target(name: "Dashboard", dependencies: ["MailroomCore", "Store", "Intl", "MIME", "Rules"]),
        .target(
            name: "Report",
            dependencies: [
                "MailroomCore", "Store", "Dashboard", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Sync",
            dependencies: [
                "MailroomCore", "IMAP", "Config", "Pipeline", "Store", "MIME",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // Edge: the command line.
        .target(
            name: "MailroomCLI",
            dependencies: [
                "MailroomCore", "Pipeline", "Store", "Rules", "Classification", "Dashboard", "Report", "Intl", "Config", "IMAP", "Sync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "mailroom", dependencies: ["MailroomCLI", "Pipeline"]),

        // Benchmarks print figures; they are not timed tests.
        .executableTarget(
            name: "mailroom-bench",
            dependencies: ["Pipeline", "MIME", "Store", "Rules", "Classification", "Extraction", "Dashboard", "Report", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/mailroom-bench"
        ),

        .testTarget(name: "MIMETests", dependencies: ["MIME", "Intl", "HTML"]),
        .testTarget(name: "DomainsTests", dependencies: ["Domains"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "MailroomCore"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "MailroomCore"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "MIME", "Store", "MailroomCore", "Rules", "Classification"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "Rules", "MIME", "MailroomCore"]),
        .testTarget(name: "MailroomCLITests", dependencies: ["MailroomCLI"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Store", "MailroomCore", "Intl", "Pipeline", "Rules", "Classification"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Dashboard", "Store", "MailroomCore", "Pipeline", "Rules", "Classification", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Intl", "MIME", "Rules", "MailroomCore"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "MailroomCore"]),
        .testTarget(name: "IMAPTests", dependencies: ["IMAP", "MailroomCore"]),
        .testTarget(
            name: "SyncTests",
            dependencies: ["Sync", "IMAP", "MIME", "Config", "Store", "Pipeline", "MailroomCore", "Rules", "Classification"],
            exclude: ["Support/dovecot-harness"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
