import Foundation
import Testing

/// A database written by an older pricedb answers every question the same after the upgrade.
///
/// `Fixtures/databases/schema-3.sqlite` was written by the pricedb of schema 3 (one row per observation): the
/// seed article, the synthetic history and SkyPilot catalogs of AWS (three days, prices changing), GCP, Azure and
/// Lambda. `Golden/schema-3/` holds that pricedb's JSON answers to the commands in `commands.txt`; the upgraded
/// database must give the same answers byte for byte.
@Suite struct SchemaUpgradeTests {
    static let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/pricedbTests/Golden/schema-3")

    static let commands: [(name: String, arguments: [String])] = {
        let text = (try? String(contentsOf: golden.appendingPathComponent("commands.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: "|", maxSplits: 1)
            return (String(parts[0]), parts[1].split(separator: " ").map(String.init))
        }
    }()

    /// A copy of the old database in a fresh folder, so that the upgrade never touches the fixture.
    static func upgradedCopy() throws -> String {
        let db = CommandRunner.temporaryDatabase()
        try FileManager.default.createDirectory(
            atPath: (db as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CommandRunner.packageRoot.appendingPathComponent("Fixtures/databases/schema-3.sqlite").path, toPath: db)
        return db
    }

    @Test func everyCommandAnswersAsBeforeTheUpgrade() throws {
        #expect(Self.commands.count == 12)
        let db = try Self.upgradedCopy()
        for (name, arguments) in Self.commands {
            let result = try CommandRunner.run(arguments + ["--db", db, "--format", "json"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let expected = try String(contentsOf: Self.golden.appendingPathComponent(name + ".json"), encoding: .utf8)
            #expect(result.stdout == expected, "\(name) answers differently after the upgrade")
        }
    }
}
