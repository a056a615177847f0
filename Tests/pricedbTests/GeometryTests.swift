import Foundation
import TestSupport
import Testing

/// The HTML report and the charts, measured in a real browser: a copy of each page gets a small script (the
/// page itself carries none) that, once Chromium has laid it out, measures every text box of every chart and
/// the page's width, and writes what it finds into the page, which `--dump-dom` returns. No label may overlap
/// another or leave its chart, and no page may scroll sideways, at 390, 1280 and 1920 pixels, for data from
/// one snapshot to twelve providers over five years, in dollars and converted.
@Suite(.enabled(if: BrowserTests.browser != nil || BrowserTests.inCI))
struct GeometryTests {
    static let harness = """
        <script>
        window.addEventListener('load', () => {
          const problems = [];
          const charts = [...document.querySelectorAll('svg.chart')];
          charts.forEach((svg, n) => {
            const name = (svg.querySelector('title') || {}).textContent || ('chart ' + n);
            const frame = svg.getBoundingClientRect();
            const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() !== '');
            const boxes = texts.map(t => t.getBoundingClientRect());
            boxes.forEach((box, i) => {
              if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
                problems.push(name + ': "' + texts[i].textContent + '" leaves the chart');
              for (let j = 0; j < i; j++) {
                const other = boxes[j];
                const width = Math.min(box.right, other.right) - Math.max(box.left, other.left);
                const height = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
                if (width > 2 && height > 2)
                  problems.push(name + ': "' + texts[i].textContent + '" overlaps "' + texts[j].textContent + '"');
              }
            });
          });
          const page = document.documentElement;
          if (page.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px');
          const out = document.createElement('pre');
          out.id = 'geometry';
          out.textContent = JSON.stringify({charts: charts.length, problems: problems});
          document.body.appendChild(out);
        });
        </script>
        """

    /// A snapshot of `providers` providers pricing the H100 and the A100 (80GB) on `day`, prices drifting with
    /// the month so that lines cross and bunch.
    static func snapshot(day: String, providers: Int, month: Int) -> String {
        let declared = (0..<providers).map { "{\"id\": \"prov\($0)\", \"name\": \"Provider number \($0)\", \"kind\": \"other\"}" }
        let observations = (0..<providers).flatMap { index -> [String] in
            let h100 = 200 + (index * 37 + month * 3) % 150
            let a100 = 90 + (index * 23 + month * 5) % 90
            return [
                "{\"provider\": \"prov\(index)\", \"gpu\": \"H100\", \"price\": \(h100 / 100).\(String(format: "%02d", h100 % 100))}",
                "{\"provider\": \"prov\(index)\", \"gpu\": \"A100 (80GB)\", \"price\": \(a100 / 100).\(String(format: "%02d", a100 % 100))}",
            ]
        }
        return """
            {"format": "pricedb-snapshot/1", "observed_at": "\(day)", "source": {"name": "generated for a test (not real prices)"},
             "providers": [\(declared.joined(separator: ","))], "observations": [\(observations.joined(separator: ","))]}
            """
    }

    /// A database of `providers` providers observed monthly for `months` months up to 2026-02.
    static func generated(providers: Int, months: Int) throws -> String {
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [String] = []
        for month in 0..<months {
            let index = 2026 * 12 + 1 - (months - 1 - month)
            let day = String(format: "%04d-%02d-15", index / 12, index % 12 + 1)
            let file = folder + "/\(day).json"
            try snapshot(day: day, providers: providers, month: month).write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let stored = try CommandRunner.run(["ingest", "--quiet", "--db", db] + files)
        #expect(stored.status == 0, "\(stored.stderr)")
        return db
    }

    /// The problems the harness finds in `page` at `width` pixels.
    static func measure(_ page: String, width: Int) throws -> (charts: Int, problems: [String]) {
        let browser = try #require(BrowserTests.browser, "Chromium is missing; .ci/run installs it with apt-get")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let measured = page.replacingOccurrences(of: ".html", with: "-measured-\(width).html")
        try html.replacingOccurrences(of: "</body>", with: harness + "</body>").write(toFile: measured, atomically: true, encoding: .utf8)
        let result = try BrowserTests.browse(
            browser, ["--window-size=\(width),2000", "--virtual-time-budget=10000", "--dump-dom", URL(fileURLWithPath: measured).absoluteString])
        guard let start = result.output.range(of: "<pre id=\"geometry\">"), let end = result.output.range(of: "</pre>", range: start.upperBound..<result.output.endIndex) else {
            Issue.record("the harness wrote nothing at \(width) px")
            return (0, [])
        }
        let text = String(result.output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (object?["charts"] as? Int ?? 0, object?["problems"] as? [String] ?? ["unreadable: \(text)"])
    }

    static func report(_ db: String, _ arguments: [String]) throws -> String {
        let page = (db as NSString).deletingLastPathComponent + "/report-\(abs(arguments.joined().hashValue)).html"
        let result = try CommandRunner.run(["report", "--db", db, "--format", "html", "--out", page] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return page
    }

    static func chartPage(_ db: String, _ arguments: [String]) throws -> String {
        let folder = (db as NSString).deletingLastPathComponent
        let svg = folder + "/chart-\(abs(arguments.joined().hashValue)).svg"
        let result = try CommandRunner.run(["chart", "--db", db, "--out", svg] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let page = svg.replacingOccurrences(of: ".svg", with: ".html")
        let markup = try String(contentsOfFile: svg, encoding: .utf8).replacingOccurrences(of: "<svg xmlns", with: "<svg width=\"100%\" xmlns")
        try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">\(markup)</body></html>"
            .write(toFile: page, atomically: true, encoding: .utf8)
        return page
    }

    @Test func noLabelOverlapsOrLeavesItsChartAndNoPageScrollsSideways() throws {
        let seed = try PlainAnswerTests.seeded()
        let both = try IndexCommandTests.seedAndSynthetic()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", both, "Fixtures/rates/eurofxref-hist-sample.csv"]).status == 0)
        let nine = try Self.generated(providers: 9, months: 24)
        let twelve = try Self.generated(providers: 12, months: 60)
        let pages = [
            ("one snapshot", try Self.report(seed, ["--as-of", "2026-02"])),
            ("the bundled data in euros", try Self.report(both, ["--as-of", "2026Q1", "--currency", "EUR"])),
            ("nine providers, two years", try Self.report(nine, ["--as-of", "2026-02"])),
            ("twelve providers, five years", try Self.report(twelve, ["--as-of", "2026-02"])),
            ("chart of one snapshot", try Self.chartPage(seed, ["--gpu", "H100", "--as-of", "2026-02"])),
            ("chart of twelve providers", try Self.chartPage(twelve, ["--gpu", "H100", "--as-of", "2026-02"])),
            ("index chart", try Self.chartPage(twelve, ["--gpu", "A100-80GB", "--index", "--as-of", "2026-02"])),
            ("narrowest chart", try Self.chartPage(twelve, ["--gpu", "H100", "--as-of", "2026-02", "--width", "320", "--height", "120"])),
            ("widest chart", try Self.chartPage(nine, ["--gpu", "H100", "--as-of", "2026-02", "--width", "4000", "--height", "600"])),
            ("narrow index chart", try Self.chartPage(nine, ["--gpu", "A100-80GB", "--index", "--as-of", "2026-02", "--width", "320"])),
        ]
        for (name, page) in pages {
            for width in [390, 1280, 1920] {
                let (charts, problems) = try Self.measure(page, width: width)
                #expect(charts > 0, "\(name) at \(width) px has no chart")
                #expect(problems.isEmpty, "\(name) at \(width) px: \(problems.prefix(8).joined(separator: "; "))")
            }
        }
    }
}
