/// Renders a report as titled, aligned text tables, fitted to `width` columns when one is given (a terminal's
/// width): tables wrap or leave out columns, and titles, notes and notices wrap at spaces.
struct TerminalRenderer {
    let locale: ReportLocale
    var width: Int?

    func render(_ report: Report) -> String {
        UntrustedText.escapedLines(renderedText(report))
    }

    /// `text` wrapped to the width, if there is one.
    private func fitted(_ text: String) -> String {
        guard let width else { return text }
        return TextTable.wrap(text, to: width).joined(separator: "\n")
    }

    private func renderedText(_ report: Report) -> String {
        var parts = [fitted(locale.text(.asOfLine(report.asOf, newest: report.newestObservation)))]
        parts += report.notices.map { fitted((locale == .de ? "Hinweis: " : "Note: ") + locale.text($0)) }
        for section in report.sections {
            let title = fitted(locale.text(section.title))
            let underline = title.split(separator: "\n").map(\.count).max() ?? 0
            var lines = [title, String(repeating: "=", count: underline)]
            for table in section.tables {
                lines.append("")
                if let title = table.title { lines.append(fitted(locale.text(title))) }
                if table.rows.isEmpty {
                    lines.append(locale == .de ? "(keine Daten)" : "(no data)")
                    continue
                }
                var text = TextTable(
                    headers: table.columns.map { locale.text($0.header) }, alignments: table.columns.map(\.alignment))
                for row in table.rows { text.append(row.map(locale.text)) }
                text.droppable = table.columns.indices.filter { table.columns[$0].dropOrder != nil }
                    .sorted { (table.columns[$0].dropOrder ?? 0) < (table.columns[$1].dropOrder ?? 0) }
                lines.append(text.rendered(width: width).trimmingLineBreaks())
                lines += table.notes.map { fitted(locale.text($0)) }
            }
            if !section.notes.isEmpty { lines.append("") }
            lines += section.notes.map { fitted(locale.text($0)) }
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
