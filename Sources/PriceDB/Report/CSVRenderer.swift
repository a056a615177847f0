/// Renders a report as one RFC 4180 CSV table with a row per table cell (`section,table,row,column,...`), so
/// that every section fits one rectangular sheet that any CSV reader opens.
struct CSVRenderer {
    let locale: ReportLocale

    static let header = ["section", "table", "row", "column", "text", "low", "high", "currency", "status"]

    /// Writes the report line by line: a history has a line per cell, hundreds of thousands of them.
    func render(_ report: Report, to out: inout TextSink) {
        out.write(Self.header.joined(separator: ",") + "\r\n")
        for section in report.sections {
            for table in section.tables {
                for (index, row) in table.rows.enumerated() {
                    for (column, value) in zip(table.columns, row) {
                        let (low, high, currency, status) = Self.data(value)
                        let fields = [section.id, table.id, String(index + 1), column.id, locale.text(value), low, high, currency, status]
                        for (position, field) in fields.enumerated() {
                            if position > 0 { out.write(",") }
                            Self.append(field, to: &out)
                        }
                        out.write("\r\n")
                    }
                }
            }
        }
    }

    private static func data(_ value: Report.Value) -> (String, String, String, String) {
        switch value {
        case .cell(let cell):
            switch cell.value {
            case .price(let price): return (price.low.description, price.high.description, cell.currency, "price")
            case .unavailable: return ("", "", "", "unavailable")
            case .comingSoon: return ("", "", "", "coming-soon")
            case .noData: return ("", "", "", "no-data")
            }
        case .listedPrice(let price?, let currency, _, _, _), .hourlyRange(let price, let currency):
            return (price.low.description, price.high.description, currency, "price")
        case .money(let amount, let currency):
            return (amount.description, amount.description, currency, "price")
        default:
            return ("", "", "", "")
        }
    }

    /// Appends a field, quoted when it holds a comma, quote or line break. Looked for in the bytes: a line break
    /// `\r\n` is one `Character`, equal to neither `\r` nor `\n`.
    static func append(_ text: String, to out: inout TextSink) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out.write(text)
            return
        }
        out.write("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
    }
}
