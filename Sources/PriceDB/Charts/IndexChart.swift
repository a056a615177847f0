/// One GPU's price index as SVG: the median (or trimmed mean) as a step line through the periods, the 25th to
/// 75th percentile as a band around it, and under the plot a thin strip whose bars give each period's number
/// of providers, so that a figure from two providers is not read like one from twenty.
struct IndexChart {
    let indexes: [PriceIndex]
    let method: IndexMethod
    let locale: ReportLocale
    /// Makes the ids of the chart's title and description unique within a page.
    var id: String
    var size = ChartSize.standard

    /// The provider-count strip under the period labels.
    static let stripHeight = 18.0

    var gpu: GPU? { indexes.first?.gpu }
    var currency: String { indexes.first { $0.summary != nil }?.currency ?? "USD" }

    var title: String {
        let name = gpu.map(ReportBuilder.label) ?? ""
        let span = "\(indexes.first?.period.name ?? "")–\(indexes.last?.period.name ?? "")"
        return locale == .de ? "\(name): Preisindex pro GPU-Stunde, \(span)" : "\(name): price index per GPU-hour, \(span)"
    }

    /// What the marks mean, under the title.
    var legend: String {
        let figure = locale.text(.indexValue(method))
        return locale == .de
            ? "Linie: \(figure); Fläche: 25. bis 75. Perzentil; Balken: Zahl der Anbieter"
            : "line: \(figure.lowercased()); band: 25th to 75th percentile; bars: number of providers"
    }

    var description: String {
        let shown = indexes.compactMap { index in
            index.summary.map { summary in
                "\(index.period.name) \(locale.rounded(summary.value, currency: index.currency)) "
                    + "(\(locale.range(PriceRange(low: summary.lowerQuartile, high: summary.upperQuartile), currency: index.currency)), "
                    + (locale == .de ? "\(summary.providers) Anbieter)" : "\(summary.providers) providers)")
            }
        }
        return shown.joined(separator: "; ") + "."
    }

    /// The title's lines (for a chart of its own) and the legend's.
    func headings(standalone: Bool) -> (title: [String], legend: [String]) {
        (standalone ? size.lines(title, characterWidth: HistoryChart.boldCharacterWidth) : [],
         size.lines(legend, characterWidth: HistoryChart.characterWidth))
    }

    func axis(standalone: Bool) -> ChartAxis {
        let highest = indexes.compactMap(\.summary?.upperQuartile).max() ?? Money(micros: 0)
        let (tick, maximum) = ChartAxis.roundTicks(upTo: highest)
        let start = indexes.first?.period.first ?? .earliest
        let end = (indexes.last?.period.last ?? start).adding(days: 1)
        let probe = ChartAxis(left: 0, right: 0, top: 0, bottom: 0, start: start, end: end, maximum: maximum, tick: tick)
        // Room on the left for the amounts and for the strip's name.
        let widest = max(probe.ticks.map { locale.exactMoney($0, currency: currency).count }.max() ?? 4, 9)
        let (titleLines, legendLines) = headings(standalone: standalone)
        let top = 14 + Double(titleLines.count + legendLines.count) * 18 + 6
        return ChartAxis(
            left: 10 + Double(widest) * HistoryChart.characterWidth, right: size.width - 16, top: top,
            bottom: top + size.plotHeight, start: start, end: end, maximum: maximum, tick: tick)
    }

    /// The chart; `standalone` adds the namespace and style a file of its own needs.
    func svg(standalone: Bool) -> String {
        let axis = axis(standalone: standalone)
        var svg = Markup()
        svg.openChart(
            kind: "index", width: size.width, height: axis.bottom + 34 + Self.stripHeight + 8, id: id, title: title,
            description: description, standalone: standalone)
        let (titleLines, legendLines) = headings(standalone: standalone)
        let below = svg.lines(titleLines, x: 10, y: 20, lineHeight: 18, class: "title")
        _ = svg.lines(legendLines, x: 10, y: titleLines.isEmpty ? 16 : below, lineHeight: 18, class: "legend")
        svg.open("g", [
            ("class", "plot"), ("data-start", axis.start.description), ("data-end", axis.end.description),
            ("data-maximum", axis.maximum.description), ("data-left", Markup.number(axis.left)),
            ("data-right", Markup.number(axis.right)), ("data-top", Markup.number(axis.top)),
            ("data-bottom", Markup.number(axis.bottom)), ("data-currency", currency),
        ])
        for tick in axis.ticks {
            let y = Markup.number(axis.y(tick))
            svg.empty("line", [("class", "grid"), ("x1", Markup.number(axis.left)), ("y1", y), ("x2", Markup.number(axis.right)), ("y2", y)])
            svg.element(
                "text", [("x", Markup.number(axis.left - 6)), ("y", Markup.number(axis.y(tick) + 4)), ("text-anchor", "end")],
                text: locale.exactMoney(tick, currency: currency))
        }
        svg.empty("line", [
            ("class", "axis"), ("x1", Markup.number(axis.left)), ("y1", Markup.number(axis.bottom)),
            ("x2", Markup.number(axis.right)), ("y2", Markup.number(axis.bottom)),
        ])
        drawPeriodLabels(&svg, axis)
        svg.open("g", [("class", ChartStyle.seriesClass(0))])
        var previous: (x: Double, y: Double)?
        for index in indexes {
            guard let summary = index.summary else {
                previous = nil
                continue
            }
            let from = axis.x(index.period.first), to = axis.x(index.period.last.adding(days: 1))
            svg.empty("rect", [
                ("class", "band"), ("x", Markup.number(from)), ("y", Markup.number(axis.y(summary.upperQuartile))),
                ("width", Markup.number(to - from)),
                ("height", Markup.number(axis.y(summary.lowerQuartile) - axis.y(summary.upperQuartile))),
                ("data-period", index.period.name),
            ])
            let y = axis.y(summary.value)
            if let previous {
                svg.empty("line", [
                    ("class", "riser"), ("x1", Markup.number(previous.x)), ("y1", Markup.number(previous.y)),
                    ("x2", Markup.number(from)), ("y2", Markup.number(y)),
                ])
            }
            svg.empty("line", [
                ("class", "step"), ("x1", Markup.number(from)), ("y1", Markup.number(y)), ("x2", Markup.number(to)),
                ("y2", Markup.number(y)), ("data-period", index.period.name), ("data-value", summary.value.description),
            ])
            previous = (to, y)
        }
        svg.close("g")
        drawProviderStrip(&svg, axis)
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    /// Time labels under the axis, chosen by the span as the history chart's are.
    private func drawPeriodLabels(_ svg: inout Markup, _ axis: ChartAxis) {
        TimeTicks.choose(from: axis.start, to: axis.end, width: axis.right - axis.left, characterWidth: HistoryChart.characterWidth)
            .draw(into: &svg, axis, characterWidth: HistoryChart.characterWidth)
    }

    /// Per period, a bar as high as its share of the most providers any period had, with the count written
    /// where the period's name is.
    private func drawProviderStrip(_ svg: inout Markup, _ axis: ChartAxis) {
        let most = max(1, indexes.map { $0.summary?.providers ?? 0 }.max() ?? 1)
        let top = axis.bottom + 24
        svg.open("g", [("class", "strip")])
        svg.element(
            "text", [("x", Markup.number(axis.left - 6)), ("y", Markup.number(top + Self.stripHeight - 4)), ("text-anchor", "end")],
            text: locale == .de ? "Anbieter" : "providers")
        for index in indexes {
            let count = index.summary?.providers ?? 0
            guard count > 0 else { continue }
            let from = axis.x(index.period.first), to = axis.x(index.period.last.adding(days: 1))
            let height = Self.stripHeight * Double(count) / Double(most)
            svg.empty("rect", [
                ("class", "count"), ("x", Markup.number(from + 0.5)), ("y", Markup.number(top + Self.stripHeight - height)),
                ("width", Markup.number(max(0.5, to - from - 1))), ("height", Markup.number(height)),
                ("data-providers", String(count)),
            ])
        }
        svg.close("g")
    }
}

extension ReportBuilder {
    /// One GPU's index over its periods as a standalone SVG file (`pricedb chart --index`).
    public static func indexChart(
        _ indexes: [PriceIndex], method: IndexMethod, locale: ReportLocale, size: ChartSize = .standard
    ) -> String {
        IndexChart(indexes: indexes, method: method, locale: locale, id: (indexes.first?.gpu.id ?? "index") + "-index", size: size)
            .svg(standalone: true) + "\n"
    }
}
