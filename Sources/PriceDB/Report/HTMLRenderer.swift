/// Renders a report as one self-contained HTML page: every section as real tables with their footnotes, the
/// charts drawn as inline SVG with their data tables beside them, and the snapshots the figures come from.
/// Nothing is fetched from anywhere (no script, font, image or style sheet), and the markup is also
/// well-formed XML, so that tests can read it with an XML parser.
struct HTMLRenderer {
    let locale: ReportLocale

    func render(_ report: Report) -> String {
        let de = locale == .de
        let heading = de ? "GPU-Mietpreise" : "GPU rental prices"
        let dated = de ? "Stand \(locale.date(report.asOf))" : "as of \(report.asOf)"
        var page = Markup()
        page.raw("<!DOCTYPE html>\n")
        page.open("html", [("lang", locale.rawValue)])
        page.open("head")
        page.empty("meta", [("charset", "utf-8")])
        page.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", text: "\(heading), \(dated)")
        page.style(Self.css + ChartStyle.css)
        page.close("head")
        page.open("body")
        page.open("header")
        page.element("h1", text: heading)
        page.element("p", [("class", "dated")], text: dated + (report.period == report.asOf.description ? "" : " (\(report.period))"))
        page.close("header")
        page.open("main")
        for notice in report.notices {
            page.element("p", [("class", "notice"), ("role", "note")], text: locale.text(notice))
        }
        for section in report.sections {
            page.open("section", [("id", section.id)])
            page.element("h2", text: locale.text(section.title))
            for table in section.tables { render(table, hiddenCaption: locale.text(section.title), into: &page) }
            for note in section.notes { page.element("p", [("class", "note")], text: locale.text(note)) }
            page.close("section")
        }
        if !report.charts.isEmpty { renderCharts(report, into: &page) }
        if !report.sources.isEmpty { renderSources(report.sources, into: &page) }
        page.close("main")
        page.open("footer")
        page.element("p", [("class", "note")], text: (de ? "Erstellt mit pricedb " : "Made by pricedb ") + PriceDBVersion.current)
        page.close("footer")
        page.close("body")
        page.close("html")
        return page.text + "\n"
    }

    /// A table with its notes; an untitled one gets `hiddenCaption`, for screen readers.
    private func render(_ table: Report.Table, hiddenCaption: String, into page: inout Markup) {
        if table.rows.isEmpty {
            if let title = table.title { page.element("h3", text: locale.text(title)) }
            page.element("p", [("class", "note")], text: locale == .de ? "(keine Daten)" : "(no data)")
            return
        }
        page.open("div", [("class", "scroll")])
        page.open("table")
        if let title = table.title {
            page.element("caption", text: locale.text(title))
        } else {
            page.element("caption", [("class", "sr-only")], text: hiddenCaption)
        }
        page.open("thead")
        page.open("tr")
        for column in table.columns {
            page.element("th", [("scope", "col")] + alignment(column), text: locale.text(column.header))
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for row in table.rows {
            page.open("tr")
            for (index, (column, value)) in zip(table.columns, row).enumerated() {
                if index == 0 {
                    page.element("th", [("scope", "row")] + alignment(column), text: locale.text(value))
                } else {
                    page.element("td", alignment(column), text: locale.text(value))
                }
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("div")
        for note in table.notes { page.element("p", [("class", "note")], text: locale.text(note)) }
    }

    private func alignment(_ column: Report.Column) -> [(String, String)] {
        column.alignment == .right ? [("class", "num")] : []
    }

    private func renderCharts(_ report: Report, into page: inout Markup) {
        let de = locale == .de
        page.open("section", [("id", "charts")])
        page.element("h2", text: de ? "Preisverlauf" : "Price history")
        page.element(
            "p", [("class", "note")],
            text: de
                ? "Je GPU: der niedrigste Preis pro GPU-Stunde jedes Anbieters als Stufenlinie (ein Preis gilt bis zur nächsten Beobachtung), schattiert bis zum höchsten; Lücken, wo ein Preis veraltet oder verschwunden ist. Darunter die Spanne je Anbieter am Stichtag, günstigster zuerst."
                : "Per GPU: each provider's lowest price per GPU-hour as a step line (a price holds until the next observation), shaded up to the highest; gaps where a price is stale or gone. Below, each provider's range on the day, cheapest first.")
        // Every figure draws on the report's snapshots: counted once, named under each.
        let sources = Set(report.sources.map { $0.source.name ?? $0.format }).count
        let snapshots = report.sources.count
        let caption = snapshots == 0 ? nil : de
            ? "Aus \(snapshots) Snapshot\(snapshots == 1 ? "" : "s") von \(sources) Quelle\(sources == 1 ? "" : "n"), aufgeführt unter „Quellen“."
            : "Drawn from \(snapshots) snapshot\(snapshots == 1 ? "" : "s") of \(sources) source\(sources == 1 ? "" : "s"), listed under Sources."
        for (number, charts) in report.charts.enumerated() {
            let history = charts.history
            let id = "chart-\(number + 1)"
            page.open("figure", [("class", "chart-figure"), ("id", history.gpu.id)])
            page.element("h3", text: ReportBuilder.label(history.gpu))
            guard !history.series.isEmpty else {
                // No data is said, not drawn as an empty frame.
                page.element(
                    "p", [("class", "note")],
                    text: de ? "Kein aktueller Preis in diesem Zeitraum, nichts zu zeichnen." : "No fresh price in this span: nothing to draw.")
                page.close("figure")
                continue
            }
            // Side by side where the window is wide enough, one under the other where it is not.
            page.open("div", [("class", "charts")])
            page.open("div")
            page.raw(HistoryChart(history: history, locale: locale, asOf: report.asOf, id: id, colours: charts.colours).svg(standalone: false))
            stepTable(history, into: &page)
            page.close("div")
            if !charts.bars.isEmpty {
                let ranges = RangeChart(
                    gpu: history.gpu, bars: charts.bars, currency: history.currency, asOf: report.asOf, locale: locale,
                    id: id + "-ranges", colours: charts.colours)
                page.open("div")
                page.raw(ranges.svg(standalone: false))
                rangeTable(ranges, into: &page)
                page.close("div")
            }
            if charts.index.contains(where: { $0.summary != nil }) {
                let chart = IndexChart(indexes: charts.index, method: .median, locale: locale, id: id + "-index")
                page.open("div")
                page.raw(chart.svg(standalone: false))
                indexTable(chart, into: &page)
                page.close("div")
            }
            page.close("div")
            if !history.otherCurrencies.isEmpty {
                page.element("p", [("class", "note")], text: locale.text(.otherCurrenciesNote(history.otherCurrencies)))
            }
            if let caption { page.element("figcaption", [("class", "note")], text: caption) }
            page.close("figure")
        }
        page.close("section")
    }

    /// The history chart's data: every step it draws.
    private func stepTable(_ history: PriceHistory, into page: inout Markup) {
        let de = locale == .de
        let rows = history.series.flatMap { series in
            series.steps.map { step in
                [
                    series.provider.shortName, locale.date(step.from), locale.date(step.to.adding(days: -1)),
                    locale.exactMoney(step.price.low, currency: history.currency),
                    locale.exactMoney(step.price.high, currency: history.currency),
                ]
            }
        }
        dataTable(
            summary: de ? "Daten des Verlaufs" : "Data of the history chart",
            caption: HistoryChart(history: history, locale: locale, id: "", colours: [:]).title,
            headers: de ? ["Anbieter", "Von", "Bis", "Niedrigster", "Höchster"] : ["Provider", "From", "To", "Lowest", "Highest"],
            numeric: [3, 4], rows: rows, into: &page)
    }

    /// The index chart's data: each period's figures.
    private func indexTable(_ chart: IndexChart, into page: inout Markup) {
        let de = locale == .de
        let rows = chart.indexes.compactMap { index in
            index.summary.map { summary in
                [
                    index.period.name, locale.exactMoney(summary.value, currency: index.currency),
                    locale.exactMoney(summary.lowerQuartile, currency: index.currency),
                    locale.exactMoney(summary.upperQuartile, currency: index.currency), String(summary.providers),
                ]
            }
        }
        dataTable(
            summary: de ? "Daten des Preisindex" : "Data of the price index", caption: chart.title,
            headers: de ? ["Monat", "Median", "25. Perzentil", "75. Perzentil", "Anbieter"]
                : ["Month", "Median", "25th percentile", "75th percentile", "Providers"],
            numeric: [1, 2, 3, 4], rows: rows, into: &page)
    }

    /// The range chart's data: each bar.
    private func rangeTable(_ chart: RangeChart, into page: inout Markup) {
        let de = locale == .de
        let rows = chart.ordered.map { bar in
            [
                bar.provider.shortName, locale.exactMoney(bar.price.low, currency: chart.currency),
                locale.exactMoney(bar.price.high, currency: chart.currency), bar.observedOn.map(locale.date) ?? "-",
            ]
        }
        dataTable(
            summary: de ? "Daten der Spannen" : "Data of the range chart", caption: chart.title,
            headers: de ? ["Anbieter", "Niedrigster", "Höchster", "Beobachtet"] : ["Provider", "Lowest", "Highest", "Observed"],
            numeric: [1, 2], rows: rows, into: &page)
    }

    /// A chart's data table beside it, folded under `summary`: the first cell of each row heads it, and the
    /// `numeric` columns align right.
    private func dataTable(
        summary: String, caption: String, headers: [String], numeric: Set<Int>, rows: [[String]], into page: inout Markup
    ) {
        let columns = headers.enumerated().map { index, header in
            Report.Column(id: "c\(index)", header: .literal(header), alignment: numeric.contains(index) ? .right : .left)
        }
        page.open("details")
        page.element("summary", text: summary)
        render(
            Report.Table(id: "data", title: nil, columns: columns, rows: rows.map { $0.map(Report.Value.text) }, notes: []),
            hiddenCaption: caption, into: &page)
        page.close("details")
    }

    /// The snapshots, linking a source only by an http or https address (never `javascript:` or a file).
    private func renderSources(_ snapshots: [StoredSnapshot], into page: inout Markup) {
        let de = locale == .de
        page.open("section", [("id", "sources")])
        page.element("h2", text: de ? "Quellen" : "Sources")
        page.open("ul")
        for snapshot in snapshots {
            page.open("li")
            page.raw(Markup.escaped(
                (de ? "Snapshot \(snapshot.id), beobachtet am \(locale.date(snapshot.observedOn)): " : "Snapshot \(snapshot.id), observed \(snapshot.observedOn): ")
                    + snapshot.fileName))
            let name = snapshot.source.name ?? snapshot.source.url
            if let name {
                page.raw(" — ")
                if let url = snapshot.source.url, Self.isWebAddress(url) {
                    page.element("a", [("href", url), ("rel", "noreferrer")], text: name)
                } else {
                    page.raw(Markup.escaped(name))
                }
            }
            page.close("li")
        }
        page.close("ul")
        page.close("section")
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: { $0.isWhitespace })
    }

    static let css = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#595959;--rule:#d4d4d4;--head:#f2f2f2;--link:#0a58ca}
        @media (prefers-color-scheme: dark){:root{--bg:#141414;--fg:#e8e8e8;--muted:#a6a6a6;--rule:#3b3b3b;--head:#1f1f1f;--link:#8ab4f8}}
        *{box-sizing:border-box}
        body{margin:0;padding:16px 24px;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        p{max-width:80ch}
        h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid var(--rule)}h3{font-size:1.05em;margin:1.2em 0 .3em}
        a{color:var(--link)}
        .dated,.note{color:var(--muted)}.note{font-size:.87em;margin:.3em 0}
        .notice{border-left:4px solid #D55E00;padding:.4em .8em;background:var(--head)}
        .scroll{overflow-x:auto;max-width:100%}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,500px),1fr));gap:0 32px;align-items:start}
        table{border-collapse:collapse;margin:.4em 0;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding:.2em 0;width:max-content;max-width:calc(100vw - 32px)}
        th,td{padding:.3em .6em;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
        thead th{background:var(--head);position:sticky;top:0;z-index:1}th,td{white-space:nowrap}
        .num{text-align:right}
        tbody th[scope=row]{position:sticky;left:0;background:var(--bg)}thead th:first-child{left:0;z-index:2}
        .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        figure{margin:1em 0 2em}
        svg.chart{display:block;width:100%;max-width:760px;height:auto}
        details{margin:.3em 0 .8em}summary{cursor:pointer;color:var(--muted);font-size:.9em}
        footer{margin-top:2em}
        @media (max-width:600px){body{padding:10px;font-size:14px}table{font-size:13px}th,td{padding:.25em .4em}thead th{white-space:normal;min-width:4em}}
        @page{size:A4;margin:14mm}
        @media print{body{padding:0;font-size:9.5pt}.scroll{overflow:visible}.charts{display:block}svg.chart{max-width:17cm}thead th{position:static}
        figure,table{break-inside:avoid}h2,h3{break-after:avoid}details{display:none}a{color:inherit}}

        """
}
