/// One GPU's price history as SVG: per provider, a step line through its lowest per-GPU price with the band up
/// to the highest shaded, gaps where the price is stale or gone, quarter gridlines, the as-of day marked, and
/// each line named at its end instead of in a legend.
struct HistoryChart {
    let history: PriceHistory
    let locale: ReportLocale
    /// The day the chart is as of, marked; `nil` for none.
    var asOf: Day?
    /// Makes the ids of the chart's title and description unique within a page.
    var id: String
    /// Each provider's colour index, so that a provider keeps its colour across the charts of a page.
    var colours: [String: Int]

    static let width = 440.0
    static let height = 260.0
    /// Quarter gridlines drawn at most one per quarter: twelve years, about 7 pixels apart.
    static let mostGridlines = 48
    /// Estimates of a character's width at the charts' 13px font, plain and bold, for room around labels.
    static let characterWidth = 7.2
    static let boldCharacterWidth = 9.0

    /// The axes for `history`: room on the left for the amounts and on the right for the names.
    static func axis(for history: PriceHistory, locale: ReportLocale) -> ChartAxis {
        let (tick, maximum) = ChartAxis.roundTicks(upTo: history.highest ?? Money(micros: 0))
        let widest = ChartAxis(left: 0, right: 0, top: 0, bottom: 0, start: history.start, end: history.end, maximum: maximum, tick: tick)
            .ticks.map { locale.exactMoney($0, currency: history.currency).count }.max() ?? 4
        let longestName = history.series.map(\.provider.shortName.count).max() ?? 0
        return ChartAxis(
            left: 10 + Double(widest) * characterWidth, right: width - 12 - Double(longestName) * boldCharacterWidth,
            top: 26, bottom: height - 30, start: history.start, end: history.end, maximum: maximum, tick: tick)
    }

    var title: String {
        let span = "\(history.start.quarter)–\(history.end.adding(days: -1).quarter)"
        return locale == .de
            ? "\(ReportBuilder.label(history.gpu)): Preis pro GPU-Stunde, \(span)"
            : "\(ReportBuilder.label(history.gpu)): price per GPU-hour, \(span)"
    }

    var description: String {
        let lines = history.series.map { series -> String in
            let lows = series.steps.map(\.price.low)
            let last = series.steps[series.steps.count - 1]
            let span = PriceRange(low: lows.min() ?? last.price.low, high: series.steps.map(\.price.high).max() ?? last.price.high)
            let lastPrice = locale.range(last.price, currency: history.currency)
            return locale == .de
                ? "\(series.provider.name) \(locale.range(span, currency: history.currency)), zuletzt \(lastPrice) (\(locale.date(last.observedOn)))"
                : "\(series.provider.name) \(locale.range(span, currency: history.currency)), last \(lastPrice) (\(last.observedOn))"
        }
        let intro = locale == .de
            ? "Stufenlinien: niedrigster Preis pro GPU-Stunde je Anbieter von einer Beobachtung bis zur nächsten; schattiert bis zum höchsten. Lücken: kein aktueller Preis."
            : "Step lines: each provider's lowest price per GPU-hour from one observation to the next; shaded up to the highest. Gaps: no fresh price."
        return intro + " " + lines.joined(separator: "; ") + "."
    }

    /// The chart; `standalone` adds the namespace and style a file of its own needs.
    func svg(standalone: Bool) -> String {
        let axis = Self.axis(for: history, locale: locale)
        var svg = Markup()
        svg.openChart(
            kind: "history", width: Self.width, height: Self.height, id: id, title: title, description: description,
            standalone: standalone)
        svg.open("g", [
            ("class", "plot"), ("data-start", history.start.description), ("data-end", history.end.description),
            ("data-maximum", axis.maximum.description), ("data-left", Markup.number(axis.left)),
            ("data-right", Markup.number(axis.right)), ("data-top", Markup.number(axis.top)),
            ("data-bottom", Markup.number(axis.bottom)), ("data-currency", history.currency),
        ])
        drawGrid(&svg, axis)
        var labels: [EndLabel] = []
        for series in history.series {
            let index = colours[series.provider.id] ?? 0
            svg.open("g", [("class", ChartStyle.seriesClass(index)), ("data-provider", series.provider.id)])
            for step in series.steps where step.price.high > step.price.low {
                svg.empty("rect", [
                    ("class", "band"), ("x", Markup.number(axis.x(step.from))), ("y", Markup.number(axis.y(step.price.high))),
                    ("width", Markup.number(axis.x(step.to) - axis.x(step.from))),
                    ("height", Markup.number(axis.y(step.price.low) - axis.y(step.price.high))),
                ])
            }
            for (position, step) in series.steps.enumerated() {
                svg.empty("line", [
                    ("class", "step"), ("x1", Markup.number(axis.x(step.from))), ("y1", Markup.number(axis.y(step.price.low))),
                    ("x2", Markup.number(axis.x(step.to))), ("y2", Markup.number(axis.y(step.price.low))),
                ])
                // A change of price joins the two steps; a gap does not.
                if position + 1 < series.steps.count, series.steps[position + 1].from == step.to {
                    let next = series.steps[position + 1]
                    svg.empty("line", [
                        ("class", "riser"), ("x1", Markup.number(axis.x(step.to))), ("y1", Markup.number(axis.y(step.price.low))),
                        ("x2", Markup.number(axis.x(step.to))), ("y2", Markup.number(axis.y(next.price.low))),
                    ])
                }
            }
            svg.close("g")
            if let last = series.steps.last {
                let y = axis.y(last.price.low)
                labels.append(EndLabel(anchor: y, y: y, text: series.provider.shortName, index: index, provider: series.provider.id))
            }
        }
        for label in Self.spread(labels, within: axis) {
            // A name moved off its line's height is joined to it.
            if abs(label.y - label.anchor) > 2 {
                svg.empty("line", [
                    ("class", "leader " + ChartStyle.seriesClass(label.index)), ("x1", Markup.number(axis.right + 1)),
                    ("y1", Markup.number(label.anchor)), ("x2", Markup.number(axis.right + 7)), ("y2", Markup.number(label.y)),
                ])
            }
            svg.element(
                "text",
                [("class", "label " + ChartStyle.seriesClass(label.index)), ("x", Markup.number(axis.right + 9)),
                 ("y", Markup.number(label.y + 4)), ("data-provider", label.provider)],
                text: label.text)
        }
        if let asOf, asOf >= history.start, asOf < history.end {
            let x = axis.x(asOf.adding(days: 1))
            svg.empty("line", [
                ("class", "asof"), ("x1", Markup.number(x)), ("y1", Markup.number(axis.top)), ("x2", Markup.number(x)),
                ("y2", Markup.number(axis.bottom)),
            ])
            svg.element(
                "text", [("x", Markup.number(x)), ("y", Markup.number(axis.top - 9)), ("text-anchor", "end")],
                text: locale == .de ? "Stand \(locale.date(asOf))" : "as of \(asOf)")
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    private func drawGrid(_ svg: inout Markup, _ axis: ChartAxis) {
        for tick in axis.ticks {
            let y = Markup.number(axis.y(tick))
            svg.empty("line", [("class", "grid"), ("x1", Markup.number(axis.left)), ("y1", y), ("x2", Markup.number(axis.right)), ("y2", y)])
            svg.element(
                "text", [("x", Markup.number(axis.left - 6)), ("y", Markup.number(axis.y(tick) + 4)), ("text-anchor", "end")],
                text: locale.exactMoney(tick, currency: history.currency))
        }
        var quarters: [Quarter] = []
        var quarter = history.start.quarter.next
        while quarter.firstDay < history.end {
            quarters.append(quarter)
            quarter = quarter.next
        }
        // At most eight quarter labels fit; every quarter keeps its gridline while they stay a few pixels apart
        // (a dozen years), else only the labelled ones do: `--from 0001` must not draw 40,000 lines.
        let every = max(1, (quarters.count + 7) / 8)
        let gridEvery = quarters.count <= Self.mostGridlines ? 1 : every
        for (index, quarter) in quarters.enumerated() where index % gridEvery == 0 {
            let x = Markup.number(axis.x(quarter.firstDay))
            svg.empty("line", [("class", "grid"), ("x1", x), ("y1", Markup.number(axis.top)), ("x2", x), ("y2", Markup.number(axis.bottom))])
            if index % every == 0 {
                svg.element("text", [("x", x), ("y", Markup.number(axis.bottom + 16)), ("text-anchor", "middle")], text: quarter.description)
            }
        }
        if quarters.isEmpty {
            svg.element(
                "text", [("x", Markup.number(axis.left)), ("y", Markup.number(axis.bottom + 16))], text: locale.date(history.start))
        }
        svg.empty("line", [
            ("class", "axis"), ("x1", Markup.number(axis.left)), ("y1", Markup.number(axis.bottom)),
            ("x2", Markup.number(axis.right)), ("y2", Markup.number(axis.bottom)),
        ])
    }

    /// A line's name at its end: `anchor` is the line's height there, `y` where the name is placed.
    struct EndLabel {
        var anchor: Double
        var y: Double
        var text: String
        var index: Int
        var provider: String
    }

    /// The end labels moved apart so that none overlaps the next (15 units each), kept within the plot.
    static func spread(_ labels: [EndLabel], within axis: ChartAxis) -> [EndLabel] {
        let gap = 15.0
        var placed = labels.sorted { ($0.y, $0.text) < ($1.y, $1.text) }
        for index in placed.indices.dropFirst() where placed[index].y < placed[index - 1].y + gap {
            placed[index].y = placed[index - 1].y + gap
        }
        // Pushed past the bottom: move the stack up, but not above the top.
        if let last = placed.last, last.y > axis.bottom {
            let shift = last.y - axis.bottom
            for index in placed.indices { placed[index].y -= shift }
            for index in placed.indices where placed[index].y < axis.top + Double(index) * gap {
                placed[index].y = axis.top + Double(index) * gap
            }
        }
        return placed
    }
}

extension PriceHistory {
    /// The history as a standalone SVG file (`pricedb chart`), marked at `asOf` when it falls inside.
    public func svg(asOf: Day?, locale: ReportLocale) -> String {
        let colours = Dictionary(uniqueKeysWithValues: series.enumerated().map { ($1.provider.id, $0) })
        return HistoryChart(history: self, locale: locale, asOf: asOf, id: gpu.id, colours: colours).svg(standalone: true) + "\n"
    }
}
