/// Renders a report as titled, aligned text tables.
struct TerminalRenderer {
    let locale: ReportLocale

    func render(_ report: Report) -> String {
        UntrustedText.escapedLines(renderedText(report))
    }

    private func renderedText(_ report: Report) -> String {
        var parts: [String] = report.notices.map { (locale == .de ? "Hinweis: " : "Note: ") + locale.text($0) }
        for section in report.sections {
            var lines = [locale.text(section.title), String(repeating: "=", count: locale.text(section.title).count)]
            for table in section.tables {
                lines.append("")
                if let title = table.title { lines.append(locale.text(title)) }
                if table.rows.isEmpty {
                    lines.append(locale == .de ? "(keine Daten)" : "(no data)")
                    continue
                }
                var text = TextTable(
                    headers: table.columns.map { locale.text($0.header) }, alignments: table.columns.map(\.alignment))
                for row in table.rows { text.append(row.map(locale.text)) }
                lines.append(text.rendered().trimmingCharacters(in: .newlines))
                lines += table.notes.map(locale.text)
            }
            if !section.notes.isEmpty { lines.append("") }
            lines += section.notes.map(locale.text)
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}
