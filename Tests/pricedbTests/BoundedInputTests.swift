import Foundation
import TestSupport
import Testing

/// Every input is judged by its first bytes and read within bounds: binary data is refused at once, snapshot
/// JSON has a size cap, a CSV record a length cap, standard input the same; a refused ingest creates nothing.
@Suite struct BoundedInputTests {
    static func shell(_ script: String) throws -> CommandRunner.Result {
        try CommandRunner.run(["bash", "-c", script], executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    @Test func endlessBinaryInputIsRefusedAtOnce() throws {
        let folder = Scratch.unique("zero")
        let result = try Self.shell("'\(CommandRunner.binary.path)' ingest --db '\(folder.path)/p.sqlite' - < /dev/zero")
        #expect(result.status == 65)
        #expect(result.stderr.contains("binary data"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a refused ingest created \(folder.path)")
    }

    @Test func snapshotJSONBeyondTheCapIsRefusedUnread() throws {
        let file = Scratch.unique("big", ".json").path
        try ("{" + String(repeating: " ", count: 8191)).write(toFile: file, atomically: true, encoding: .utf8)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 513 << 20)
        try handle.close()
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run(["ingest", "--db", db, file])
        #expect(result.status == 65)
        #expect(result.stderr.contains("larger than 512 MB"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let piped = try Self.shell("(printf '{'; head -c 540000000 /dev/zero | tr '\\0' ' ') | '\(CommandRunner.binary.path)' ingest --db '\(db)' -")
        #expect(piped.status == 65)
        #expect(piped.stderr.contains("larger than 512 MB"), "\(piped.stderr)")
    }

    @Test func aCatalogRecordBeyondTheCapIsRefused() throws {
        let file = Scratch.unique("long", ".csv").path
        try ("InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n\"" + String(repeating: "a", count: 2 << 20))
            .write(toFile: file, atomically: true, encoding: .utf8)
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run([
            "ingest", "--db", db, "--provider", "aws", "--provider-name", "AWS", "--provider-kind", "hyperscaler",
            "--observed-at", "2026-02-07", file,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("a record longer than 1 MB"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00] as [UInt8], "UTF-32"), ([0xFF, 0xFE, 0x7B, 0x00], "UTF-16"),
        ([0x7B, 0x00, 0x22], "binary data"),
    ])
    func textThatIsNotUTF8IsNamed(bytes: [UInt8], name: String) throws {
        let file = Scratch.unique("encoded", ".json").path
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), file])
        #expect(result.status == 65)
        #expect(result.stderr.contains(name), "\(result.stderr)")
    }

    /// A correction carries every provider of the snapshot it replaces, or is refused naming what it would take.
    @Test func aCorrectionThatDropsProvidersIsRefused() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, ForeignFileTests.seed]).status == 0)
        let seed = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(ForeignFileTests.seed), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(seed.utf8)) as? [String: Any])
        var corrected = json
        corrected["observations"] = (json["observations"] as? [[String: Any]] ?? []).filter { $0["provider"] as? String == "runpod" }
        let file = Scratch.unique("correction", ".json").path
        try JSONSerialization.data(withJSONObject: corrected).write(to: URL(fileURLWithPath: file))
        for dryRun in [["--dry-run"], []] {
            let result = try CommandRunner.run(["ingest", "--replace", "--db", db, file] + dryRun)
            #expect(result.status == 65, "\(dryRun): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("would also remove what snapshot 1 observed of aws ("), "\(result.stderr)")
            #expect(result.stderr.contains("pricedb snapshots remove 1"), "\(result.stderr)")
        }
        let listed = try CommandRunner.run(["snapshots", "--db", db, "--format", "csv"])
        #expect(listed.stdout.contains(",57,"), "\(listed.stdout)")
    }

    /// Exchange rates are typed: `sqlite3` cannot store a rate that would stop every conversion.
    @Test func aRateOfTheWrongTypeCannotBeStored() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, "Fixtures/rates/eurofxref-hist-sample.csv"]).status == 0)
        for value in ["'abc'", "1e30", "x'00'", "2.5"] {
            let result = try CommandRunner.run(
                ["sqlite3", db, "UPDATE exchange_rate SET per_eur_millionths = \(value)"], executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(result.status != 0, "\(value) was stored")
        }
        #expect(try CommandRunner.run(["check", "--db", db]).status == 0)
    }
}
