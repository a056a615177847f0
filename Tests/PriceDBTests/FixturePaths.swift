import Foundation

@testable import PriceDB

/// The repository's folders, found from this source file so that tests need no resource bundle.
enum FixturePaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Fixtures")
    static let seed = fixtures.appendingPathComponent("snapshots/2026-02-07-gpu-rental-comparison.json")

    static func files(in folder: String, withExtension ext: String) -> [URL] {
        let directory = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// The JSON Schema `Fixtures/NAME.schema.json`, parsed.
    static func schema(_ name: String) -> JSONValue {
        let bytes = [UInt8](FileManager.default.contents(atPath: fixtures.appendingPathComponent("\(name).schema.json").path)!)
        return try! JSONParser.parse(bytes)
    }
}
