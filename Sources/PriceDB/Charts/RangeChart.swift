/// As of a day, one bar per provider from its lowest to its highest per-GPU price for one GPU, cheapest
/// first: where each provider stands, at a glance.
struct RangeChart {
    typealias Bar = Report.Bar

    let gpu: GPU
    let bars: [Bar]
    let currency: String
    let asOf: Day
    let locale: ReportLocale
    var id: String
    var colours: [String: Int]

    static let width = HistoryChart.width
    static let rowHeight = 24.0

    /// The bars, cheapest first (by the low end, then the high end, then the name).
    var ordered: [Bar] {
        bars.sorted { ($0.price.low, $0.price.high, $0.provider.name) < ($1.price.low, $1.price.high, $1.provider.name) }
    }

    func axis() -> ChartAxis {
        let (tick, maximum) = ChartAxis.roundTicks(upTo: bars.map(\.price.high).max() ?? Money(micros: 0))
        let longestName = bars.map(\.provider.shortName.count).max() ?? 0
        let longestPrice = bars.map { locale.range($0.price, currency: currency).count }.max() ?? 0
        let height = 10 + Double(bars.count) * Self.rowHeight + 26
        return ChartAxis(
            left: 20 + Double(longestName) * HistoryChart.boldCharacterWidth,
            right: Self.width - 16 - Double(longestPrice) * HistoryChart.characterWidth,
            top: 10, bottom: height - 26, start: asOf, end: asOf, maximum: maximum, tick: tick)
    }

    var title: String {
        locale == .de
            ? "\(ReportBuilder.label(gpu)): Preisspanne je Anbieter, Stand \(locale.date(asOf))"
            : "\(ReportBuilder.label(gpu)): price range by provider as of \(asOf)"
    }

    func svg(standalone: Bool) -> String {
        let axis = axis()
        let height = axis.bottom + 26
        var svg = Markup()
        let listed = ordered.map { "\($0.provider.name) \(locale.range($0.price, currency: currency))" }.joined(separator: "; ")
        let description = (locale == .de
            ? "Niedrigster bis höchster Preis pro GPU-Stunde, günstigster zuerst: "
            : "Lowest to highest price per GPU-hour, cheapest first: ") + listed
        svg.openChart(
            kind: "ranges", width: Self.width, height: height, id: id, title: title, description: description,
            standalone: standalone)
        svg.open("g", [
            ("class", "plot"), ("data-maximum", axis.maximum.description), ("data-left", Markup.number(axis.left)),
            ("data-right", Markup.number(axis.right)), ("data-currency", currency),
        ])
        for tick in axis.ticks {
            let x = Markup.number(axis.across(tick))
            svg.empty("line", [("class", "grid"), ("x1", x), ("y1", Markup.number(axis.top)), ("x2", x), ("y2", Markup.number(axis.bottom))])
            svg.element("text", [("x", x), ("y", Markup.number(axis.bottom + 16)), ("text-anchor", "middle")], text: locale.exactMoney(tick, currency: currency))
        }
        for (row, bar) in ordered.enumerated() {
            let middle = axis.top + Self.rowHeight * (Double(row) + 0.5)
            let low = axis.across(bar.price.low), high = axis.across(bar.price.high)
            svg.open("g", [("class", ChartStyle.seriesClass(colours[bar.provider.id] ?? 0)), ("data-provider", bar.provider.id)])
            svg.element(
                "text", [("class", "label"), ("x", Markup.number(axis.left - 8)), ("y", Markup.number(middle + 4)), ("text-anchor", "end")],
                text: bar.provider.shortName)
            // A single price is a short bar centred on it, so that it stays visible.
            let (x, width) = high - low >= 3 ? (low, high - low) : ((low + high) / 2 - 1.5, 3.0)
            svg.empty("rect", [
                ("class", "bar"), ("x", Markup.number(x)), ("y", Markup.number(middle - 6)), ("width", Markup.number(width)), ("height", "12"),
            ])
            svg.close("g")
            svg.element(
                "text", [("x", Markup.number(max(high, x + width) + 6)), ("y", Markup.number(middle + 4))],
                text: locale.range(bar.price, currency: currency))
        }
        svg.empty("line", [
            ("class", "axis"), ("x1", Markup.number(axis.left)), ("y1", Markup.number(axis.top)), ("x2", Markup.number(axis.left)),
            ("y2", Markup.number(axis.bottom)),
        ])
        svg.close("g")
        svg.close("svg")
        return svg.text
    }
}
