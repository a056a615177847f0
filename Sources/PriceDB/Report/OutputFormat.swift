/// How a report or listing is written to standard output.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// GitHub-flavoured Markdown tables, padded as Prettier pads them (the seed article's layout).
    case markdown
    /// The documented, stable JSON shape (docs/guide.md, "Report JSON").
    case json
    /// One row per table cell, for spreadsheets.
    case csv
    /// One self-contained page with tables and, for `report`, charts (`--out FILE`).
    case html
}

extension Report {
    /// The report in a format and locale; the table format fits `width` columns when one is given.
    public func rendered(as format: OutputFormat, locale: ReportLocale, width: Int? = nil) -> String {
        TextSink.collecting { write(as: format, locale: locale, width: width, to: &$0) }
    }

    /// Writes the report to `out` as it is rendered. JSON and CSV go out piece by piece; the other formats
    /// are laid out whole first (a table's columns are as wide as their widest cell).
    public func write(as format: OutputFormat, locale: ReportLocale, width: Int? = nil, to out: inout TextSink) {
        switch format {
        case .table: out.write(TerminalRenderer(locale: locale, width: width).render(self))
        case .markdown: out.write(MarkdownRenderer(locale: locale).render(self))
        case .json: JSONRenderer(locale: locale).render(self, to: &out)
        case .csv: CSVRenderer(locale: locale).render(self, to: &out)
        case .html: out.write(HTMLRenderer(locale: locale).render(self))
        }
    }
}
