/// How a report or listing is written to standard output.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// GitHub-flavoured Markdown tables, padded as Prettier pads them (the seed article's layout).
    case markdown
    /// The documented, stable JSON shape (README, "Report JSON").
    case json
    /// One row per table cell, for spreadsheets.
    case csv
    /// One self-contained page with tables and, for `report`, charts (`--out FILE`).
    case html
}

extension Report {
    /// The report in a format and locale; the table format fits `width` columns when one is given.
    public func rendered(as format: OutputFormat, locale: ReportLocale, width: Int? = nil) -> String {
        switch format {
        case .table: return TerminalRenderer(locale: locale, width: width).render(self)
        case .markdown: return MarkdownRenderer(locale: locale).render(self)
        case .json: return JSONRenderer(locale: locale).render(self)
        case .csv: return CSVRenderer(locale: locale).render(self)
        case .html: return HTMLRenderer(locale: locale).render(self)
        }
    }
}
