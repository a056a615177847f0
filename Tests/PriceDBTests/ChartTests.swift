import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import PriceDB

/// The HTML report and its SVG charts, read back with an XML parser: every plotted step and band lies where the
/// query layer's prices put it on the chart's axes, worked out here from the axes' stated ends with a calendar
/// of Foundation's rather than pricedb's own day arithmetic.
@Suite struct ChartTests {
    static let asOf = Period("2026-01")!

    static func store() throws -> PriceStore {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        for file in FixturePaths.files(in: "synthetic", withExtension: "json") {
            _ = try ingestor.ingest(fileAt: file.path)
        }
        return store
    }

    static func htmlReport(_ store: PriceStore) throws -> (Report, XMLDocument) {
        let report = try ReportBuilder(store: store).build(ReportRequest(period: asOf, charts: true))
        let html = report.rendered(as: .html, locale: .en)
        return (report, try XMLDocument(xmlString: html, options: []))
    }

    /// Days from `start` to `day` by Foundation's Gregorian calendar in UTC.
    static func days(from start: String, to day: Day) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let from = formatter.date(from: start)!, to = formatter.date(from: day.description)!
        return calendar.dateComponents([.day], from: from, to: to).day!
    }

    static func number(_ element: XMLElement, _ name: String) -> Double {
        Double(element.attribute(forName: name)?.stringValue ?? "") ?? .nan
    }

    static func elements(_ node: XMLNode, _ path: String) throws -> [XMLElement] {
        try node.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    @Test func everyStepAndBandLiesWhereTheQueryLayerPutsIt() throws {
        let store = try Self.store()
        let (report, document) = try Self.htmlReport(store)
        let charts = try Self.elements(document, "//*[local-name()='svg'][contains(@class, 'history')]")
        #expect(charts.count == report.charts.filter { !$0.history.series.isEmpty }.count)
        #expect(charts.count >= 2)
        var checkedSteps = 0
        for (chart, data) in zip(charts, report.charts.filter { !$0.history.series.isEmpty }) {
            let frame = try PlotFrame(chart)
            let (plot, start, end, maximum) = (frame.plot, frame.start, frame.end, frame.maximum)
            func x(_ day: Day) -> Double { frame.x(day) }
            func y(_ amount: Money) -> Double { frame.y(amount) }
            // The query layer's steps, asked for afresh over the chart's days.
            let query = PriceQuery(store: store)
            let history = try query.history(
                of: data.history.gpu, providers: data.history.series.map(\.provider), from: Day(start)!,
                through: end.adding(days: -1))
            #expect(maximum >= history.highest ?? Money(micros: 0))
            for series in history.series {
                let group = try #require(
                    try Self.elements(plot, ".//*[local-name()='g'][@data-provider='\(series.provider.id)']").first,
                    "\(series.provider.id)")
                let lines = try Self.elements(group, "./*[local-name()='line'][@class='step']")
                let bands = try Self.elements(group, "./*[local-name()='rect'][@class='band']")
                #expect(lines.count == series.steps.count)
                #expect(bands.count == series.steps.filter { $0.price.high > $0.price.low }.count)
                for step in series.steps {
                    let expected = (x1: x(step.from), x2: x(step.to), y: y(step.price.low))
                    let drawn = lines.contains { line in
                        abs(Self.number(line, "x1") - expected.x1) < 0.011 && abs(Self.number(line, "x2") - expected.x2) < 0.011
                            && abs(Self.number(line, "y1") - expected.y) < 0.011 && abs(Self.number(line, "y2") - expected.y) < 0.011
                    }
                    #expect(drawn, "\(series.provider.id) step from \(step.from)")
                    if step.price.high > step.price.low {
                        let shaded = bands.contains { band in
                            abs(Self.number(band, "x") - expected.x1) < 0.011
                                && abs(Self.number(band, "width") - (expected.x2 - expected.x1)) < 0.021
                                && abs(Self.number(band, "y") - y(step.price.high)) < 0.011
                                && abs(Self.number(band, "height") - (expected.y - y(step.price.high))) < 0.021
                        }
                        #expect(shaded, "\(series.provider.id) band from \(step.from)")
                    }
                    checkedSteps += 1
                }
            }
        }
        #expect(checkedSteps >= 15)
    }

    @Test func theLastStepOfEachSeriesIsTheReportsCell() throws {
        let store = try Self.store()
        let (report, _) = try Self.htmlReport(store)
        let query = PriceQuery(store: store)
        for charts in report.charts {
            for series in charts.history.series {
                let cell = try query.cell(provider: series.provider.id, gpu: charts.history.gpu.id, asOf: Self.asOf.lastDay)
                let last = try #require(series.steps.last)
                // A series that reaches the as-of day shows the cell the grid shows; one that stops earlier went stale.
                if last.to == charts.history.end {
                    #expect(cell.price == last.price && !cell.stale, "\(series.provider.id) \(charts.history.gpu.id)")
                } else {
                    #expect(cell.stale || cell.price == nil, "\(series.provider.id) \(charts.history.gpu.id)")
                }
            }
        }
    }

    @Test func rangeBarsAreCheapestFirstAndPlacedOnTheirAxis() throws {
        let (_, document) = try Self.htmlReport(try Self.store())
        let charts = try Self.elements(document, "//*[local-name()='svg'][contains(@class, 'ranges')]")
        #expect(!charts.isEmpty)
        for chart in charts {
            let plot = try #require(try Self.elements(chart, ".//*[local-name()='g'][@class='plot']").first)
            let maximum = Double(try #require(plot.attribute(forName: "data-maximum")?.stringValue.flatMap { Money($0) }).micros)
            let (left, right) = (Self.number(plot, "data-left"), Self.number(plot, "data-right"))
            let bars = try Self.elements(plot, ".//*[local-name()='rect'][@class='bar']")
            let lows = bars.map { Self.number($0, "x") }
            #expect(lows == lows.sorted() || bars.count == 1)
            for bar in bars { #expect(Self.number(bar, "x") >= left - 2 && Self.number(bar, "x") + Self.number(bar, "width") <= right + 2) }
            #expect(maximum > 0)
        }
    }

    @Test func thePageIsSelfContainedWithRealTablesAndAccessibleCharts() throws {
        let (report, document) = try Self.htmlReport(try Self.store())
        let html = report.rendered(as: .html, locale: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<link") && !html.contains("@import"))
        for svg in try Self.elements(document, "//*[local-name()='svg']") {
            #expect(try !Self.elements(svg, "./*[local-name()='title']").isEmpty)
            #expect(try !Self.elements(svg, "./*[local-name()='desc']").isEmpty)
            #expect(svg.attribute(forName: "role")?.stringValue == "img")
        }
        let tables = try Self.elements(document, "//table")
        #expect(tables.count > 10)
        for table in tables {
            #expect(try Self.elements(table, "./caption").count == 1)
            #expect(try Self.elements(table, ".//th[not(@scope)]").isEmpty)
        }
        // Every section of the text report is there, and each chart has its data table next to it.
        for section in report.sections { #expect(try Self.elements(document, "//section[@id='\(section.id)']").count == 1) }
        for figure in try Self.elements(document, "//figure") {
            #expect(try Self.elements(figure, ".//details/div/table").count == (try Self.elements(figure, ".//*[local-name()='svg']").count))
        }
        // The only addresses are the sources' links.
        let links = try Self.elements(document, "//a").compactMap { $0.attribute(forName: "href")?.stringValue }
        let addresses = html.components(separatedBy: "http").count - 1
        #expect(addresses == links.count)
        #expect(!report.sources.isEmpty)
    }

    @Test func namesAndAddressesFromASnapshotCannotAddMarkup() throws {
        let store = try PriceStore.inMemory()
        let path = Scratch.unique("evil", ".json").path
        try """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-01-10",
             "source": {"name": "</a><script>alert(1)</script>", "url": "javascript:alert(1)"},
             "providers": [{"id": "evil", "name": "Evil <b>&amp;</b> Co\\" onload=\\"x", "kind": "p2p-marketplace"}],
             "observations": [{"provider": "evil", "gpu": "H100", "tier": "marketplace", "price": 2.5}]}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try Ingestor(store: store, today: Day("2026-11-25")!).ingest(fileAt: path)
        let report = try ReportBuilder(store: store).build(ReportRequest(period: Self.asOf, charts: true))
        let html = report.rendered(as: .html, locale: .en)
        let document = try XMLDocument(xmlString: html, options: [])
        #expect(try Self.elements(document, "//script").isEmpty)
        #expect(try Self.elements(document, "//b").isEmpty)
        #expect(try Self.elements(document, "//a").isEmpty)
        #expect(html.contains("Evil &lt;b&gt;&amp;amp;&lt;/b&gt; Co&quot; onload=&quot;x"))
        let svg = try #require(report.charts.first?.history).svg(asOf: Self.asOf.lastDay, locale: .en)
        #expect(try XMLDocument(xmlString: svg, options: []).rootElement()?.name == "svg")
    }

    @Test func theStyleSheetsAreWellFormedText() {
        for css in [HTMLRenderer.css, ChartStyle.css] { #expect(!css.contains("<") && !css.contains("&")) }
    }

    @Test(arguments: [
        ("4.1", "1", "5"), ("0.78", "0.2", "0.8"), ("12.29", "2.5", "12.5"), ("0", "0.2", "1"), ("0.00003", "0.00001", "0.00003"),
        ("0.004", "0.001", "0.004"), ("98.32", "20", "100"),
    ])
    func amountAxesEndOnARoundFigureWithAtMostFiveIntervals(highest: String, tick: String, maximum: String) {
        let axis = ChartAxis.roundTicks(upTo: Money(highest)!)
        #expect(axis.tick == Money(tick)! && axis.maximum == Money(maximum)!)
    }

    @Test func anExtremeAmountStillGetsAnAxis() {
        let axis = ChartAxis.roundTicks(upTo: Money(micros: .max))
        #expect(axis.maximum.micros >= Int64.max / 2)
    }

    @Test func sparklinesScaleBetweenTheLowestAndHighest() {
        let values = ["1", "1.5", "2", nil, "1"].map { $0.flatMap { Money($0) } }
        #expect(Sparkline.of(values) == "▁▅█ ▁")
        #expect(Sparkline.of([Money("3")!, Money("3")!]) == "▄▄")
        #expect(Sparkline.of([nil, nil]) == "  ")
        #expect(Sparkline.of([Money(micros: .max), Money(micros: 0)]) == "█▁")
    }
}

extension ChartTests {
    /// The index chart of each GPU: per month, the band from the 25th to the 75th percentile and the step at the
    /// median, across exactly the month's days, as the index query gives them; and a provider-count bar.
    @Test func theIndexChartDrawsEachMonthsFiguresAcrossItsDays() throws {
        let store = try Self.store()
        let (report, document) = try Self.htmlReport(store)
        let charts = try Self.elements(document, "//*[local-name()='svg'][contains(@class, 'index')]")
        let data = report.charts.filter { $0.index.contains { $0.summary != nil } }
        let captions = try Self.elements(document, "//*[local-name()='figcaption']").map { $0.stringValue ?? "" }
        #expect(!captions.isEmpty && captions.allSatisfy { $0 == "Drawn from 6 snapshots of 1 source, listed under Sources." }, "\(captions)")
        #expect(charts.count == data.count && charts.count >= 2)
        var checked = 0
        for (chart, charts) in zip(charts, data) {
            let frame = try PlotFrame(chart)
            let (plot, start, end) = (frame.plot, frame.start, frame.end)
            func x(_ day: Day) -> Double { frame.x(day) }
            func y(_ amount: Money) -> Double { frame.y(amount) }
            let months = IndexStep.month.spans(from: Day(start)!, through: end.adding(days: -1))
            let indexes = try PriceQuery(store: store).index(
                gpus: [charts.history.gpu], providers: try Selection(store: store).providers,
                periods: months, asOf: Self.asOf.lastDay, method: .median)
            for index in indexes {
                guard let summary = index.summary else { continue }
                let step = try #require(try Self.elements(plot, ".//*[local-name()='line'][@class='step'][@data-period='\(index.period.name)']").first)
                let band = try #require(try Self.elements(plot, ".//*[local-name()='rect'][@class='band'][@data-period='\(index.period.name)']").first)
                #expect(abs(Self.number(step, "y1") - y(summary.value)) < 0.01, "\(index.period.name)")
                #expect(abs(Self.number(step, "x1") - x(index.period.first)) < 0.01)
                #expect(abs(Self.number(step, "x2") - x(index.period.last.adding(days: 1))) < 0.01)
                #expect(abs(Self.number(band, "y") - y(summary.upperQuartile)) < 0.01)
                #expect(abs(Self.number(band, "y") + Self.number(band, "height") - y(summary.lowerQuartile)) < 0.01)
                checked += 1
            }
            let counts = try Self.elements(plot, ".//*[local-name()='rect'][@class='count']")
            #expect(counts.count == indexes.filter { $0.summary != nil }.count)
        }
        #expect(checked > 10)
    }
}

/// A chart's plot as its SVG states it (`data-*` attributes), and where a day and an amount fall on it, worked
/// out with Foundation's calendar rather than pricedb's own day arithmetic.
struct PlotFrame {
    let plot: XMLElement
    let start: String
    let end: Day
    let maximum: Money
    let left, right, top, bottom: Double

    init(_ chart: XMLElement) throws {
        plot = try #require(try ChartTests.elements(chart, ".//*[local-name()='g'][@class='plot']").first)
        start = try #require(plot.attribute(forName: "data-start")?.stringValue)
        end = try #require(plot.attribute(forName: "data-end")?.stringValue.flatMap { Day($0) })
        maximum = try #require(plot.attribute(forName: "data-maximum")?.stringValue.flatMap { Money($0) })
        (left, right) = (ChartTests.number(plot, "data-left"), ChartTests.number(plot, "data-right"))
        (top, bottom) = (ChartTests.number(plot, "data-top"), ChartTests.number(plot, "data-bottom"))
    }

    func x(_ day: Day) -> Double {
        left + Double(ChartTests.days(from: start, to: day)) / Double(ChartTests.days(from: start, to: end)) * (right - left)
    }

    func y(_ amount: Money) -> Double { bottom - Double(amount.micros) / Double(maximum.micros) * (bottom - top) }
}
