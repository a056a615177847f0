import Foundation
import GRDB
import PriceDB
import TestSupport
import Testing

/// Files scraped by someone else and read from cron: nothing in them may crash pricedb, hang it, drive the
/// terminal or slip past the rules by a byte the database does not keep.
@Suite struct HostileInputTests {
    static func snapshot(provider: String = "x", name: String = "X", gpu: String = "H100", extra: String = "") -> String {
        """
        {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
         "providers": [{"id": "\(provider)", "name": "\(name)"}],
         "observations": [{"provider": "\(provider)", "gpu": "\(gpu)", "price": 2.5\(extra)}]}
        """
    }

    static func write(_ text: String, as name: String = "input.json") throws -> String {
        try DailyUseTests.file(name, text)
    }

    @Test(arguments: [
        ("an escape sequence in a name", snapshot(name: "X\\u001b]0;owned\\u0007"), "providers[0].name"),
        ("a NUL in a GPU label", snapshot(gpu: "H100\\u0000X"), "observations[0].gpu"),
        ("a line break in a region", snapshot(extra: ", \"region\": \"us\\neast\""), "observations[0].region"),
        ("a right-to-left override in a note", snapshot(extra: ", \"note\": \"a\\u202Eb\""), "observations[0].note"),
    ])
    func controlCharactersAreRefusedWithTheirPath(label: String, json: String, path: String) throws {
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run(["ingest", "--db", db, try Self.write(json)])
        #expect(result.status == 65, "\(label): \(result.stderr)")
        #expect(result.stderr.contains("error: \(path): "), "\(label): \(result.stderr)")
        #expect(result.stderr.contains("control character"), "\(label)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 0x202E }, "\(label) echoed raw")
    }

    @Test func aHugeNameIsRefusedQuicklyAndNotEchoedWhole() throws {
        let db = CommandRunner.temporaryDatabase()
        let name = String(repeating: "RTX ", count: 2_500_000)
        let started = Date()
        let result = try CommandRunner.run(["ingest", "--db", db, try Self.write(Self.snapshot(gpu: name))])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 65)
        #expect(result.stderr.contains("characters long; at most 200"))
        #expect(result.stderr.utf8.count < 2_000)
    }

    @Test func aCatalogWithARawNULOrControlCharacterIsRefused() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, DailyUseTests.seed]).status == 0)
        for (label, row) in [("NUL", "g1\u{0}x,L4,1,0.80,,us-east-1"), ("escape", "g1,L4,1,0.80,,us-\u{1B}[2Jeast")] {
            let csv = try Self.write("InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\n\(row)\n", as: "vms.csv")
            let result = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-08", csv])
            #expect(result.status == 65, "\(label): \(result.stderr)")
            #expect(result.stderr.contains(":2:"), "\(label): the line is named")
        }
        let repeated = try Self.write(
            "InstanceType,AcceleratorName,AcceleratorCount,Price,Price,Region\ng1,L4,1,0.80,0.90,us-east-1\n", as: "vms.csv")
        let twice = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-08", repeated])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("the column Price appears twice"))
        let invalidUTF8 = Scratch.unique("utf8", ".csv")
        try (Data("InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\ng1,L4,1,0.80,,us-".utf8)
            + Data([0xFF, 0xFE]) + Data("\n".utf8)).write(to: invalidUTF8)
        let broken = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-08", invalidUTF8.path])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("not valid UTF-8"))
    }

    @Test func aFIFOIsRefusedAtOnceAndStandardInputIsRead() throws {
        let fifo = Scratch.unique("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let db = CommandRunner.temporaryDatabase()
        let started = Date()
        let result = try CommandRunner.run(["ingest", "--db", db, fifo, DailyUseTests.seed])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 66)
        #expect(result.stderr.contains("it is a FIFO"))
        #expect(result.stdout.contains("stored as snapshot"), "the next file is still stored")

        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["ingest", "--db", CommandRunner.temporaryDatabase(), "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent(DailyUseTests.seed)))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.hasPrefix("-: stored as snapshot 1 (observed 2026-02-07): 57 observations"))
    }

    @Test(arguments: [
        ("\"observed_at\": \"2026-02-07\"", "\"observed_at\": \"1999-12-31\"", "before 2000"),
        ("\"observations\"", "\"source\": {\"published\": \"9999-12-31\"}, \"observations\"", "in the future"),
    ])
    func impossibleDatesAreRefused(original: String, replacement: String, message: String) throws {
        let json = Self.snapshot().replacingOccurrences(of: original, with: replacement)
        let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), try Self.write(json)])
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A database written by hand, or by an older version that stored whatever it was given, is shown safely.
    @Test func storedControlCharactersAreEscapedOnTheTerminalAndKeptInJSON() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, DailyUseTests.seed]).status == 0)
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "UPDATE provider SET short_name = ? WHERE id = 'vast'", arguments: ["Vast\u{1B}]0;owned\u{7}"])
        }
        try queue.close()
        let table = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "consumer"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Vast\\e]0;owned\\u{7}"))
        #expect(!table.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let markdown = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "consumer", "--format", "markdown"])
        #expect(!markdown.stdout.unicodeScalars.contains { $0.value == 0x1B })
        let json = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "consumer", "--format", "json"])
        #expect(json.stdout.contains("Vast\\u001b]0;owned\\u0007"))
    }

    /// A report in Markdown may be published: names and notes from an ingested file stay text in any renderer,
    /// never HTML, a link, code or emphasis.
    @Test func markdownKeepsNamesAndNotesAsText() throws {
        let json = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
             "providers": [{"id": "m", "name": "A|B [x](javascript:alert(1)) <img src=x onerror=alert(1)> _u_ `c`", "kind": "other"}],
             "observations": [{"provider": "m", "gpu": "H100", "instance": "i", "price": 2.5, "note": "R&D <svg onload=alert(1)>"}]}
            """
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, try Self.write(json)]).status == 0)
        let markdown = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "providers", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains(#"A\|B \[x\](javascript:alert(1)) \<img src=x onerror=alert(1)\> \_u\_ \`c\`"#), "\(markdown.stdout)")
        #expect(markdown.stdout.contains(#"R\&D \<svg onload=alert(1)\>"#), "\(markdown.stdout)")
        #expect(markdown.stdout.range(of: #"(?<!\\)[<\[`]"#, options: .regularExpression) == nil, "an unescaped <, [ or `")
    }

    /// Several imports started at once on a database that does not exist yet all succeed: one creates and
    /// migrates it while the others wait.
    @Test func importsStartedTogetherOnANewDatabaseAllSucceed() throws {
        for _ in 0..<5 {
            let db = CommandRunner.temporaryDatabase()
            let processes = (0..<4).map { _ in
                let process = Process()
                process.executableURL = CommandRunner.binary
                process.arguments = ["ingest", "--quiet", "--db", db, DailyUseTests.seed]
                process.currentDirectoryURL = CommandRunner.packageRoot
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            #expect(try PriceStore.open(at: db).snapshots().count == 1)
        }
    }
}
