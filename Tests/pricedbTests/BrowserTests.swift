import Foundation
import Testing

/// The HTML report of the synthetic history, loaded in a real browser (headless Chromium): it renders its
/// charts and tables. Without Chromium the test is skipped, except in CI, whose `.ci/run` installs it.
@Suite struct BrowserTests {
    static let browser: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs the browser headless on `page`, giving up after two minutes.
    static func browse(_ browser: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // --no-sandbox: Chromium refuses to run as root without it (containers, CI).
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + .seconds(120)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: browser != nil || inCI))
    func theHTMLReportRendersItsChartsAndTablesInChromium() throws {
        let browser = try #require(Self.browser, "Chromium is missing; .ci/run installs it with apt-get")
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: CommandRunner.packageRoot.path + "/Fixtures/synthetic")
            .sorted().map { "Fixtures/synthetic/" + $0 }
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db] + files).status == 0)
        let page = folder + "/report.html"
        let report = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-01", "--format", "html", "--out", page])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let url = URL(fileURLWithPath: page).absoluteString

        let dom = try Self.browse(browser, ["--dump-dom", url])
        #expect(dom.status == 0)
        // The browser built the whole page: every chart and table, and the last element.
        let charts = html.components(separatedBy: "<svg").count - 1
        #expect(charts >= 4)
        #expect(dom.output.components(separatedBy: "<svg").count - 1 == charts)
        #expect(dom.output.components(separatedBy: "<table").count - 1 == html.components(separatedBy: "<table").count - 1)
        #expect(dom.output.contains("class=\"step\"") && dom.output.contains("</footer>"))

        for width in [390, 1280] {
            let picture = folder + "/report-\(width).png"
            let shot = try Self.browse(browser, ["--window-size=\(width),2400", "--screenshot=\(picture)", url])
            #expect(shot.status == 0)
            let bytes = try #require(FileManager.default.contents(atPath: picture))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
            #expect(bytes.count > 20_000, "a near-empty picture at \(width) px")
        }
    }
}
