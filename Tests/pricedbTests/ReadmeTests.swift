import Foundation
import TestSupport
import Testing

/// The README's shell blocks run as written: every line of every ```sh block, in order, from a folder that
/// holds the repository's fixtures, on a database that holds what the quick start stores. A line that cannot
/// run as pasted (one that reaches the internet, say) belongs in a ```text block.
@Suite struct ReadmeTests {
    /// The lines of the README's ```sh blocks, but the quick start's `swift` commands (they build this package).
    static func shellLines() throws -> [String] {
        let text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var lines: [String] = []
        var inShell = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            if inShell && !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("swift ") {
                lines.append(String(line))
            }
        }
        return lines
    }

    @Test func everyShellLineOfTheReadmeRunsAsWritten() throws {
        let lines = try Self.shellLines()
        #expect(lines.count >= 15)
        let folder = Scratch.unique("readme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Fixtures"), withDestinationURL: CommandRunner.packageRoot.appendingPathComponent("Fixtures"))
        let db = folder.appendingPathComponent("prices.sqlite").path
        let seeded = try CommandRunner.run(["ingest", "--quiet", "--db", db, ForeignFileTests.seed] + DailyUseTests.syntheticFiles)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let path = CommandRunner.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for line in lines {
            let result = try CommandRunner.run(
                ["-c", line], environment: ["PATH": path, "PRICEDB_DATABASE": db, "COLUMNS": "100"],
                executable: URL(fileURLWithPath: "/bin/bash"), inFolder: folder)
            #expect(result.status == 0, "\(line)\n\(result.stderr)")
            #expect(!result.stderr.contains("error:"), "\(line)\n\(result.stderr)")
        }
    }

    @Test func theReadmeStaysShortAndPointsToEveryDocsPage() throws {
        let text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= 210)
        for page in ["guide", "formats", "operating", "storage", "performance", "contributing"] {
            #expect(text.contains("(docs/\(page).md)"), "\(page)")
            #expect(FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent("docs/\(page).md").path))
        }
    }
}
