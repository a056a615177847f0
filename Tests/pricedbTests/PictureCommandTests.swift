import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `chart`, `--format html --out` and `--sparklines`, run as a user would.
@Suite struct PictureCommandTests {
    static func database() throws -> String {
        let db = CommandRunner.temporaryDatabase()
        let files = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.packageRoot.path + "/Fixtures/synthetic")
            .sorted().map { "Fixtures/synthetic/" + $0 }
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db] + files).status == 0)
        return db
    }

    @Test func chartWritesOneStandaloneSVG() throws {
        let db = try Self.database()
        let file = (db as NSString).deletingLastPathComponent + "/a100.svg"
        let result = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100 (80GB)", "--from", "2025Q2", "--to", "2025Q4", "--out", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let svg = try XMLDocument(contentsOf: URL(fileURLWithPath: file), options: [])
        let root = try #require(svg.rootElement())
        #expect(root.name == "svg" && root.uri == "http://www.w3.org/2000/svg")
        let plot = try #require(try root.nodes(forXPath: ".//*[local-name()='g'][@class='plot']").first as? XMLElement)
        func attribute(_ name: String) -> String? { plot.attributes?.first { $0.localName == name }?.stringValue }
        #expect(attribute("data-start") == "2025-04-01")
        #expect(attribute("data-end") == "2026-01-01")
        #expect(try root.nodes(forXPath: ".//*[local-name()='style']").count == 1)
        // To standard output without --out; a span the wrong way round is a usage error.
        let printed = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100 (80GB)", "--to", "2026Q1"])
        #expect(printed.status == 0 && printed.stdout.hasPrefix("<svg xmlns="))
        #expect(try CommandRunner.run(["chart", "--db", db, "--gpu", "H100", "--from", "2026Q2", "--to", "2026Q1"]).status == 64)
        let none = try CommandRunner.run(["chart", "--db", db, "--gpu", "RTX 4090", "--to", "2026Q1"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no fresh price of RTX 4090"))
        // An image format it does not write is refused before anything is written.
        let png = (db as NSString).deletingLastPathComponent + "/a100.png"
        let refused = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100 (80GB)", "--out", png])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("chart writes SVG, not PNG; name the file .svg"))
        #expect(!FileManager.default.fileExists(atPath: png))
    }

    /// A span of millennia still draws a readable axis: gridlines thin out with the labels.
    @Test func aHugeSpanDrawsAFewGridlines() throws {
        let db = try Self.database()
        let result = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100 (80GB)", "--from", "0001", "--to", "9999"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "class=\"grid\"").count - 1 < 20)
        #expect(result.stdout.utf8.count < 20_000)
    }

    @Test func outWritesTheWholeFileOrSaysWhyNot() throws {
        let db = try Self.database()
        let folder = (db as NSString).deletingLastPathComponent
        let page = folder + "/report.html"
        try "old".write(toFile: page, atomically: true, encoding: .utf8)
        let written = try CommandRunner.run(["report", "--db", db, "--as-of", "2026Q1", "--format", "html", "--out", page])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }.isEmpty)
        let missing = try CommandRunner.run(["report", "--db", db, "--format", "html", "--out", folder + "/no/such/report.html"])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("cannot write"))
    }

    /// `--out` replaces a file (keeping its permissions), but writes a pipe or a device as it is (a rename over
    /// `/dev/null` would put a regular file in its place), replaces the file a link names rather than the link,
    /// and refuses a folder.
    @Test func outWritesIntoPipesAndThroughLinksAndRefusesFolders() throws {
        let db = try Self.database()
        let folder = (db as NSString).deletingLastPathComponent
        let arguments = ["report", "--db", db, "--as-of", "2026Q1", "--section", "consumer", "--out"]
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        // Held open for reading and writing, the pipe never blocks pricedb's open, and holds the short report.
        let reader = open(pipe, O_RDWR | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let intoPipe = try CommandRunner.run(arguments + [pipe])
        #expect(intoPipe.status == 0, "\(intoPipe.stderr)")
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).contains("\nConsumer GPU prices"))
        var status = stat()
        #expect(stat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        let target = folder + "/target.txt"
        let link = folder + "/link.txt"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        #expect(try CommandRunner.run(arguments + [link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o640)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\nConsumer GPU prices"))
        let intoFolder = try CommandRunner.run(arguments + [folder])
        #expect(intoFolder.status == 73)
        #expect(intoFolder.stderr.contains("it is a folder; name a file instead"))
    }

    @Test func sparklinesEndQuartersAndHistoryWhenAskedAndNeverInAPipeByDefault() throws {
        let db = try Self.database()
        let quarters = ["quarters", "--db", db, "--gpu", "A100 (80GB)", "--as-of", "2026Q1"]
        let drawn = try CommandRunner.run(quarters + ["--sparklines", "always"])
        #expect(drawn.stdout.contains("Lowest per-GPU price, 2025-01-01 to 2026-03-31"))
        // SynPods' quarter-end prices fall from $2.00 to $1.39: a line that starts high and ends low.
        let line = try #require(drawn.stdout.split(separator: "\n").first { $0.hasPrefix("SynPods ") && $0.contains("█") })
        #expect(line.hasSuffix("▁"))
        #expect(!(try CommandRunner.run(quarters)).stdout.contains("▁"))
        #expect(!(try CommandRunner.run(quarters + ["--sparklines", "never"])).stdout.contains("▁"))
        let history = try CommandRunner.run(["history", "--db", db, "--gpu", "A100 (80GB)", "--sparklines", "always"])
        #expect(history.stdout.contains("Trend") && history.stdout.contains("█"))
    }
}
