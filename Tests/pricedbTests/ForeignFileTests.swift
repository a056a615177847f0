import Foundation
import TestSupport
import Testing

/// pricedb writes only where it should: never another program's file, never its own database through `--out`
/// or `backup`, and `--db` is always a file name.
@Suite struct ForeignFileTests {
    static let seed = "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"

    static let readers: [[String]] = [
        ["check"], ["report", "--as-of", "2026-02"], ["snapshots"], ["providers"], ["gpus"], ["offers", "--gpu", "H100"],
        ["history", "--gpu", "H100"], ["quarters", "--gpu", "H100"], ["backup", Scratch.unique("copy", ".sqlite").path],
        ["watch", "--below", "2", "--gpu", "H100"], ["ingest", seed], ["ingest", "--dry-run", seed],
    ]

    /// Another program's database, and an empty file.
    static func foreignFiles() throws -> [String] {
        let folder = Scratch.unique("foreign")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let foreign = folder.appendingPathComponent("accounts.sqlite").path
        let created = try CommandRunner.run(
            ["sqlite3", foreign, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, 'x')"],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(created.status == 0, "\(created.stderr)")
        let empty = folder.appendingPathComponent("empty.sqlite").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let text = folder.appendingPathComponent("notes.db").path
        try "my notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        return [foreign, empty, text]
    }

    @Test func noCommandChangesAFileThatIsNotPricedbs() throws {
        for file in try Self.foreignFiles() {
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            for command in Self.readers {
                let result = try CommandRunner.run(command + ["--db", file])
                #expect(result.status == 74, "\(command) on \(file): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("is not a pricedb database"), "\(command): \(result.stderr)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(command) changed \(file)")
            }
            let folder = (file as NSString).deletingLastPathComponent
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") }
            #expect(left.isEmpty, "\(left)")
        }
    }

    @Test func aNewDatabaseIsMarkedAsPricedbs() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed]).status == 0)
        let id = try CommandRunner.run(["sqlite3", db, "PRAGMA application_id"], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(id.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1347568706")
    }

    static let writers: [[String]] = [
        ["report", "--as-of", "2026-02"], ["offers", "--gpu", "H100", "--format", "json"], ["offers", "--gpu", "H100"],
        ["quarters", "--gpu", "H100"], ["history", "--gpu", "H100"], ["cost", "--gpu", "H100", "--hours", "8", "--as-of", "2026-02"],
        ["chart", "--gpu", "H100"], ["snapshots"], ["providers"], ["gpus"],
    ]

    @Test func outputNeverReplacesTheDatabase() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed]).status == 0)
        let link = (db as NSString).deletingLastPathComponent + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for command in Self.writers {
            for target in [db, link, db + ".lock", db + "-wal", (db as NSString).deletingLastPathComponent + "/./prices.sqlite"] {
                let result = try CommandRunner.run(command + ["--db", db, "--out", target])
                #expect(result.status == 73, "\(command) --out \(target): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("Nothing was written"), "\(result.stderr)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try CommandRunner.run(["check", "--db", db]).status == 0)
    }

    @Test func listingsAndOffersWriteTheirOutputFile() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed]).status == 0)
        for command in [["offers", "--gpu", "H100", "--format", "csv", "--as-of", "2026-02"], ["snapshots"], ["providers"], ["gpus"]] {
            let out = Scratch.unique("listing", ".txt").path
            let result = try CommandRunner.run(command + ["--db", db, "--out", out])
            #expect(result.status == 0 && result.stdout.isEmpty, "\(command): \(result.stdout) \(result.stderr)")
            #expect(try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline).count > 1, "\(command): \(result.stderr)")
        }
    }

    @Test func aBackupNeedsAPathAndNeverReplacesTheDatabase() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed]).status == 0)
        #expect(try CommandRunner.run(["backup", "", "--db", db]).status == 64)
        for target in [db, db + "-wal", db + ".lock"] {
            let result = try CommandRunner.run(["backup", "--force", target, "--db", db])
            #expect(result.status == 73, "\(target): \(result.stderr)")
        }
        let foreign = try Self.foreignFiles()[0]
        #expect(try CommandRunner.run(["backup", "--force", foreign, "--db", db]).status == 73)
        let copy = Scratch.unique("backup", ".sqlite").path
        #expect(try CommandRunner.run(["backup", copy, "--db", db]).status == 0)
        #expect(try CommandRunner.run(["backup", "--force", copy, "--db", db]).status == 0)
        #expect(try CommandRunner.run(["check", "--db", db]).status == 0)
    }

    /// `--db file:x.sqlite` names a file called `file:x.sqlite`, as any other path would.
    @Test func aDatabaseNameIsNeverAURI() throws {
        let folder = Scratch.unique("uri")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "file:prices.sqlite?mode=memory"
        let result = try CommandRunner.run(["ingest", "--quiet", "--db", folder.path + "/" + name, Self.seed])
        #expect(result.status == 0, "\(result.stderr)")
        let relative = try CommandRunner.run(
            ["ingest", "--quiet", "--db", name, CommandRunner.packageRoot.appendingPathComponent(Self.seed).path], inFolder: folder)
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + ".lock").path))
    }
}
