/// One GPU's price history as SVG: per provider, a step line through its lowest per-GPU price with the band up
/// to the highest shaded, gaps where the price is stale or gone, a time axis labelled by the span, the as-of
/// day marked, and each line named at its end, or in a legend under the plot when the names do not fit there.
/// A price seen on one day only is a dot.
struct HistoryChart {
    let history: PriceHistory
    let locale: ReportLocale
    /// The day the chart is as of, marked; `nil` for none.
    var asOf: Day?
    /// Makes the ids of the chart's title and description unique within a page.
    var id: String
    /// Each provider's colour index, so that a provider keeps its colour across the charts of a page.
    var colours: [String: Int]
    var size = ChartSize.standard

    /// The width of every chart of a page, so that they scale alike.
    static let width = ChartSize.standard.width
    /// Estimates of a character's width at the charts' 13px font, plain and bold, for room around labels:
    /// generous, so that a label measured in a browser is never wider than its room.
    static let characterWidth = 7.6
    static let boldCharacterWidth = 9.0
    /// The height a line of labels takes.
    static let lineHeight = 16.0
    /// The most series drawn; the rest are named under the chart.
    static let mostSeries = ChartStyle.colours

    /// The series drawn (the cheapest by their last price when there are more than `mostSeries`) and the names
    /// of those left out.
    var drawn: (series: [PriceHistory.Series], leftOut: [String]) {
        guard history.series.count > Self.mostSeries else { return (history.series, []) }
        let ranked = history.series.sorted {
            ($0.steps.last?.price.low ?? .init(micros: .max), $0.provider.id) < ($1.steps.last?.price.low ?? .init(micros: .max), $1.provider.id)
        }
        let kept = Set(ranked.prefix(Self.mostSeries).map(\.provider.id))
        return (history.series.filter { kept.contains($0.provider.id) }, ranked.dropFirst(Self.mostSeries).map(\.provider.shortName))
    }

    /// The days the axis spans: the history's, widened to at least a quarter on each side of a short one, so
    /// that a few weeks of prices do not fill the width as if they were years.
    var span: (start: Day, end: Day) {
        guard history.end.ordinal - history.start.ordinal < 180 else { return (history.start, history.end) }
        return (history.start.quarter.previous.firstDay, history.end.adding(days: -1).quarter.next.lastDay.adding(days: 1))
    }

    var title: String {
        let (start, end) = span
        let range = "\(start.quarter)–\(end.adding(days: -1).quarter)"
        return locale == .de
            ? "\(ReportBuilder.label(history.gpu)): Preis pro GPU-Stunde, \(range)"
            : "\(ReportBuilder.label(history.gpu)): price per GPU-hour, \(range)"
    }

    /// The line under the title: unit, the number of providers drawn, and the day the chart is as of.
    func subtitle(providers count: Int) -> String {
        let providers = locale == .de ? "\(count) Anbieter" : "\(count) provider\(count == 1 ? "" : "s")"
        let day = asOf.map { locale == .de ? ", Stand \(locale.date($0))" : ", as of \($0)" } ?? ""
        return "\(unit); \(providers)\(day)"
    }

    var unit: String {
        locale == .de ? "\(locale.symbol(history.currency)) pro GPU-Stunde" : "\(locale.symbol(history.currency)) per GPU-hour"
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

    /// Where everything goes: the axes, the names at the lines' ends (or `nil` for a legend), and the height.
    struct Layout {
        var axis: ChartAxis
        var ticks: TimeTicks
        var endLabels: [EndLabel]?
        var legendRows: [[(provider: Provider, index: Int)]]
        /// The series drawn, and the providers left out.
        var series: [PriceHistory.Series]
        var leftOut: [String]
        var height: Double
        /// The title's and the subtitle's lines (the title only for a chart of its own).
        var titleLines: [String]
        var subtitleLines: [String]
    }

    func layout(standalone: Bool) -> Layout {
        let (start, end) = span
        let (tick, maximum) = ChartAxis.roundTicks(upTo: history.highest ?? Money(micros: 0))
        let probe = ChartAxis(left: 0, right: 0, top: 0, bottom: 0, start: start, end: end, maximum: maximum, tick: tick)
        let widest = probe.ticks.map { locale.exactMoney($0, currency: history.currency).count }.max() ?? 4
        let left = 10 + Double(widest) * Self.characterWidth
        let titleLines = standalone ? size.lines(title, characterWidth: Self.boldCharacterWidth) : []
        let (series, leftOut) = drawn
        let subtitleLines = size.lines(subtitle(providers: series.count), characterWidth: Self.characterWidth)
        let top = 14 + Double(titleLines.count + subtitleLines.count) * 18
        // Names at the lines' ends when they fit beside the plot, one line each, within its height, and leave
        // the plot at least half the width.
        let longestName = Double(series.map(\.provider.shortName.count).max() ?? 0) * Self.boldCharacterWidth
        let fitsAtEnds = Double(series.count) * Self.lineHeight <= size.plotHeight && longestName <= 140
            && size.width - 26 - longestName - left >= size.width / 2
        let right = size.width - 12 - (fitsAtEnds ? longestName + 14 : 0)
        let axis = ChartAxis(
            left: left, right: right, top: top, bottom: top + size.plotHeight, start: start, end: end, maximum: maximum, tick: tick)
        let ticks = TimeTicks.choose(from: start, to: end, width: right - left, characterWidth: Self.characterWidth)
        var labels: [EndLabel]?
        if fitsAtEnds {
            labels = series.compactMap { series in
                guard let last = series.steps.last else { return nil }
                let y = axis.y(last.price.low)
                return EndLabel(anchor: y, y: y, text: series.provider.shortName, index: colours[series.provider.id] ?? 0, provider: series.provider.id)
            }
            labels = labels.map { Self.spread($0, within: axis) }
        }
        var rows: [[(provider: Provider, index: Int)]] = []
        if !fitsAtEnds {
            var row: [(provider: Provider, index: Int)] = []
            var used = 0.0
            for series in series {
                let width = Double(series.provider.shortName.count) * Self.boldCharacterWidth + 34
                if used + width > size.width - 20, !row.isEmpty {
                    rows.append(row)
                    (row, used) = ([], 0)
                }
                row.append((series.provider, colours[series.provider.id] ?? 0))
                used += width
            }
            if !row.isEmpty { rows.append(row) }
        }
        let leftOutLine = leftOut.isEmpty ? 0 : Self.lineHeight
        let height = axis.bottom + 26 + Double(rows.count) * Self.lineHeight + leftOutLine + 8
        return Layout(
            axis: axis, ticks: ticks, endLabels: labels, legendRows: rows, series: series, leftOut: leftOut, height: height,
            titleLines: titleLines, subtitleLines: subtitleLines)
    }

    /// The chart; `standalone` adds the title, the namespace and the style a file of its own needs.
    func svg(standalone: Bool) -> String {
        let layout = layout(standalone: standalone)
        let axis = layout.axis
        var svg = Markup()
        svg.openChart(
            kind: "history", width: size.width, height: layout.height, id: id, title: title, description: description,
            standalone: standalone)
        let below = svg.lines(layout.titleLines, x: 10, y: 20, lineHeight: 18, class: "title")
        _ = svg.lines(layout.subtitleLines, x: 10, y: layout.titleLines.isEmpty ? 16 : below, lineHeight: 18, class: "subtitle")
        svg.open("g", [
            ("class", "plot"), ("data-start", axis.start.description), ("data-end", axis.end.description),
            ("data-maximum", axis.maximum.description), ("data-left", Markup.number(axis.left)),
            ("data-right", Markup.number(axis.right)), ("data-top", Markup.number(axis.top)),
            ("data-bottom", Markup.number(axis.bottom)), ("data-currency", history.currency),
        ])
        drawGrid(&svg, axis, layout.ticks)
        for series in layout.series {
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
                let (from, to) = (axis.x(step.from), axis.x(step.to))
                svg.empty("line", [
                    ("class", "step"), ("x1", Markup.number(from)), ("y1", Markup.number(axis.y(step.price.low))),
                    ("x2", Markup.number(to)), ("y2", Markup.number(axis.y(step.price.low))),
                ])
                // A price seen on one day only, or a series of one short step, is a dot: too short a line to see.
                if to - from < 4 && (series.steps.count == 1 || step.to == step.from.adding(days: 1)) {
                    svg.empty("circle", [
                        ("class", "dot"), ("cx", Markup.number((from + to) / 2)), ("cy", Markup.number(axis.y(step.price.low))), ("r", "3.5"),
                    ])
                }
                // A change of price joins the two steps; a gap does not.
                if position + 1 < series.steps.count, series.steps[position + 1].from == step.to {
                    let next = series.steps[position + 1]
                    svg.empty("line", [
                        ("class", "riser"), ("x1", Markup.number(to)), ("y1", Markup.number(axis.y(step.price.low))),
                        ("x2", Markup.number(to)), ("y2", Markup.number(axis.y(next.price.low))),
                    ])
                }
            }
            svg.close("g")
        }
        for label in layout.endLabels ?? [] {
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
        drawLegend(&svg, layout)
        if let asOf, asOf >= axis.start, asOf < axis.end {
            let x = axis.x(asOf.adding(days: 1))
            svg.empty("line", [
                ("class", "asof"), ("x1", Markup.number(x)), ("y1", Markup.number(axis.top)), ("x2", Markup.number(x)),
                ("y2", Markup.number(axis.bottom)),
            ])
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    private func drawGrid(_ svg: inout Markup, _ axis: ChartAxis, _ ticks: TimeTicks) {
        for tick in axis.ticks {
            let y = Markup.number(axis.y(tick))
            svg.empty("line", [("class", "grid"), ("x1", Markup.number(axis.left)), ("y1", y), ("x2", Markup.number(axis.right)), ("y2", y)])
            svg.element(
                "text", [("x", Markup.number(axis.left - 6)), ("y", Markup.number(axis.y(tick) + 4)), ("text-anchor", "end")],
                text: locale.exactMoney(tick, currency: history.currency))
        }
        ticks.draw(into: &svg, axis, characterWidth: Self.characterWidth)
        if ticks.ticks.isEmpty {
            svg.element("text", [("class", "tick"), ("x", Markup.number(axis.left)), ("y", Markup.number(axis.bottom + 16))], text: locale.date(axis.start))
        }
        svg.empty("line", [
            ("class", "axis"), ("x1", Markup.number(axis.left)), ("y1", Markup.number(axis.bottom)),
            ("x2", Markup.number(axis.right)), ("y2", Markup.number(axis.bottom)),
        ])
    }

    /// The legend under the plot, when the names do not fit at the lines' ends, and the providers left out.
    private func drawLegend(_ svg: inout Markup, _ layout: Layout) {
        var y = layout.axis.bottom + 26 + Self.lineHeight - 4
        for row in layout.legendRows {
            var x = 10.0
            for entry in row {
                let swatch = ChartStyle.seriesClass(entry.index)
                svg.empty("line", [
                    ("class", "step key " + swatch), ("x1", Markup.number(x)), ("y1", Markup.number(y - 4)),
                    ("x2", Markup.number(x + 20)), ("y2", Markup.number(y - 4)),
                ])
                svg.element(
                    "text", [("class", "label " + swatch), ("x", Markup.number(x + 24)), ("y", Markup.number(y)),
                             ("data-provider", entry.provider.id)],
                    text: entry.provider.shortName)
                x += Double(entry.provider.shortName.count) * Self.boldCharacterWidth + 34
            }
            y += Self.lineHeight
        }
        let leftOut = layout.leftOut
        if !leftOut.isEmpty {
            let text = locale == .de
                ? "+\(leftOut.count) teurere Anbieter: siehe Tabelle"
                : "+\(leftOut.count) dearer provider\(leftOut.count == 1 ? "" : "s"): see the table"
            svg.element("text", [("class", "subtitle"), ("x", "10"), ("y", Markup.number(y))], text: text)
        }
    }

    /// A line's name at its end: `anchor` is the line's height there, `y` where the name is placed.
    struct EndLabel {
        var anchor: Double
        var y: Double
        var text: String
        var index: Int
        var provider: String
    }

    /// The end labels moved apart so that none overlaps the next (`lineHeight` each), kept within the plot, in
    /// the order of their lines, so that leaders never cross.
    static func spread(_ labels: [EndLabel], within axis: ChartAxis) -> [EndLabel] {
        let gap = lineHeight
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
    public func svg(asOf: Day?, locale: ReportLocale, size: ChartSize = .standard) -> String {
        let colours = Dictionary(uniqueKeysWithValues: series.enumerated().map { ($1.provider.id, $0) })
        return HistoryChart(history: self, locale: locale, asOf: asOf, id: gpu.id, colours: colours, size: size)
            .svg(standalone: true) + "\n"
    }
}
