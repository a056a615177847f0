/// Renders a report as one RFC 4180 CSV table with a row per table cell (`section,table,row,column,...`), so
/// that every section fits one rectangular sheet that any CSV reader opens.
struct CSVRenderer {
    let locale: ReportLocale

    static let header = ["section", "table", "row", "column", "text", "low", "high", "currency", "status"]

    func render(_ report: Report) -> String {
        var lines = [Self.header.joined(separator: ",")]
        for section in report.sections {
            for table in section.tables {
                for (index, row) in table.rows.enumerated() {
                    for (column, value) in zip(table.columns, row) {
                        let (low, high, currency, status) = Self.data(value)
                        lines.append(
                            [section.id, table.id, String(index + 1), column.id, locale.text(value), low, high, currency, status]
                                .map(Self.field).joined(separator: ","))
                    }
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
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

    /// Quotes a field when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
