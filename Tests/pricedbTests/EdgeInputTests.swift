import Foundation
import TestSupport
import Testing

/// Inputs at the edges get one answer that says what to do, the same wherever they are written.
@Suite struct EdgeInputTests {
    static func snapshot(_ observations: String, name: String = "edge.json") throws -> String {
        let folder = Scratch.unique("edge")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
             "providers": [{"id": "mk", "name": "MK", "kind": "p2p-marketplace"}],
             "observations": [\(observations)]}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [
        ("1e-999999", "has more than 6 decimal places"), ("1e999999", "is too large for a price"), ("0e-99999", ""),
    ])
    func extremeExponentsAreNamedForWhatTheyAre(price: String, expected: String) throws {
        let file = try Self.snapshot(#"{"provider": "mk", "gpu": "H100", "tier": "marketplace", "price": \#(price)}"#)
        let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), file])
        #expect(result.status == (expected.isEmpty ? 0 : 65), "\(result.stderr)")
        #expect(expected.isEmpty || result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test(arguments: [
        ("1e308", "10,000 or more"), ("0", "is not above 0"), ("2.1234567", "more than 6 decimal places"), ("2.00", ""),
    ])
    func aThresholdReadsTheSameOnTheCommandLineAndInARulesFile(value: String, expected: String) throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, ForeignFileTests.seed]).status == 0)
        let rules = Scratch.unique("rules", ".toml").path
        try "[[rule]]\ngpu = \"H100\"\nbelow = \(value)\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let fromFile = try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-02", "--rules", rules])
        let fromFlag = try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-02", "--below", value])
        if expected.isEmpty {
            #expect([0, 1].contains(fromFile.status) && [0, 1].contains(fromFlag.status), "\(fromFile.stderr) \(fromFlag.stderr)")
        } else {
            #expect(fromFile.status == 65 && fromFile.stderr.contains("\(rules):3: below: ") && fromFile.stderr.contains(expected))
            #expect(fromFlag.status == 64 && fromFlag.stderr.contains(expected), "\(fromFlag.stderr)")
        }
    }

    @Test func aBreakEvenFromOnlyZeroPricesIsNoAnswer() throws {
        let db = CommandRunner.temporaryDatabase()
        let file = try Self.snapshot(#"{"provider": "mk", "gpu": "RTX 4090", "tier": "marketplace", "price": 0}"#)
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, file]).status == 0)
        let result = try CommandRunner.run(["breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-02"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--rate"), "\(result.stderr)")
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2060}"])
    func invisibleCharactersInNamesAndNotesAreRefused(character: String) throws {
        let escaped = String(format: "\\u%04X", character.unicodeScalars.first!.value)
        for field in [#""instance": "a\#(escaped)b""#, #""note": "a\#(escaped)b""#, #""region": "a\#(escaped)b""#] {
            let file = try Self.snapshot(#"{"provider": "mk", "gpu": "H100", "tier": "marketplace", "price": 1, \#(field)}"#)
            let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), file])
            #expect(result.status == 65, "\(field) was stored")
            #expect(result.stderr.contains("invisible characters"), "\(result.stderr)")
        }
    }

    @Test func aFileNameWithControlCharactersReachesNoOutputRaw() throws {
        let db = CommandRunner.temporaryDatabase()
        let file = try Self.snapshot(#"{"provider": "mk", "gpu": "H100", "tier": "marketplace", "price": 1}"#, name: "bad\u{1B}[2Jname\n.json")
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, file]).status == 0)
        for format in ["csv", "json", "table"] {
            let listed = try CommandRunner.run(["snapshots", "--db", db, "--format", format])
            #expect(!listed.stdout.contains("\u{1B}"), "\(format)")
            #expect(listed.stdout.contains(#"e[2Jname\"#), "\(format): \(listed.stdout)")
        }
    }
}
