// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pricedb",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PriceDB", targets: ["PriceDB"]),
        .executable(name: "pricedb", targets: ["pricedb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The schema's one source: the plain SQL files in Migrations/, embedded in the binary at build time.
        .target(
            name: "PriceDBMigrations",
            path: "Migrations",
            resources: [
                .embedInCode("0001_initial.sql"),
                .embedInCode("0002_observation_date_index.sql"),
                .embedInCode("0003_snapshot_ids_never_reused.sql"),
                .embedInCode("0004_price_runs.sql"),
                .embedInCode("0005_watch_reports.sql"),
                .embedInCode("0006_exchange_rates.sql"),
                .embedInCode("0007_series_days.sql"),
                .embedInCode("0008_open_runs.sql"),
                .embedInCode("0009_strict_rates.sql"),
                .embedInCode("0010_fetch_sources.sql"),
            ]
        ),
        .target(
            name: "PriceDB",
            dependencies: [
                "PriceDBMigrations",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "pricedb",
            dependencies: [
                "PriceDB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The tests' scratch folder, shared by both test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "PriceDBTests",
            dependencies: ["PriceDB", "PriceDBMigrations", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "pricedbTests",
            dependencies: [
                "PriceDB", "pricedb", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
