import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Commands that only read open the database read-only: they never change it, and they work for a user who
/// may only read the file and its folder.
@Suite struct ReadOnlyTests {
    static let readers: [[String]] = [
        ["report", "--as-of", "2026-02"], ["quarters", "--gpu", "A100 (40GB)"], ["history", "--gpu", "H100"],
        ["cost", "--gpu", "H100", "--hours", "8", "--as-of", "2026-02"],
        ["breakeven", "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-02"], ["snapshots"], ["providers"], ["gpus"],
    ]

    static func digest(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func readingCommandsLeaveTheFileAsItWas() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"]).status == 0)
        let before = try Self.digest(db)
        for command in Self.readers {
            let result = try CommandRunner.run(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try Self.digest(db) == before)
    }

    /// Runs as `nobody` (so only as root, as CI runs) on a copy of the binary and a database in a folder that
    /// user may read but not write.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func aUserWhoMayOnlyReadCanReport() throws {
        let folder = Scratch.unique("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("prices.sqlite").path
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"]).status == 0)
        let binary = folder.appendingPathComponent("pricedb").path
        try FileManager.default.copyItem(atPath: CommandRunner.binary.path, toPath: binary)
        for (path, mode) in [(folder.path, 0o755), (db, 0o644), (binary, 0o755)] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
        let before = try Self.digest(db)
        for command in Self.readers {
            let result = try CommandRunner.run(
                ["-u", "nobody", "--", binary] + command + ["--db", db], executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try Self.digest(db) == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
    }
}
