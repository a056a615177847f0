/// Renders a report as Markdown: a heading per section and a table padded the way Prettier formats tables, so
/// that the output can be pasted into an article like the seed one.
struct MarkdownRenderer {
    let locale: ReportLocale

    func render(_ report: Report) -> String {
        var blocks: [String] = report.notices.map { "> " + Self.escape(locale.text($0)) }
        for section in report.sections {
            blocks.append("### " + locale.text(section.title))
            for table in section.tables {
                if let title = table.title { blocks.append("**" + Self.escape(locale.text(title)) + "**") }
                blocks.append(
                    Self.table(
                        headers: table.columns.map { Self.escape(locale.text($0.header)) },
                        rows: table.rows.map { $0.map { Self.escape(locale.text($0)) } }))
                if !table.notes.isEmpty { blocks.append(table.notes.map { Self.escape(locale.text($0)) }.joined(separator: "\n")) }
            }
            for note in section.notes { blocks.append(Self.escape(locale.text(note))) }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A pipe table whose columns are padded to their widest cell, with a full-width `---` rule.
    static func table(headers: [String], rows: [[String]]) -> String {
        let widths = headers.indices.map { column in
            max(3, ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: " | ") + " |"
        }
        let rule = "| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |"
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Escapes, with a backslash, the characters Markdown would read as emphasis, a column break, code, a link or
    /// HTML. Names and notes come from whatever file was ingested, and a report may be published: a provider
    /// named `<img onerror=…>` or `[x](javascript:…)` must stay text in any renderer.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in UntrustedText.escaped(text) {
            if Self.special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static let special: Set<Character> = ["\\", "*", "_", "|", "`", "<", ">", "[", "]", "&"]
}
