/// Rows of named values for scripts, written as JSON (an object whose `format` names the shape, then the rows as
/// objects under one key) or as CSV (a header row of the field names, then one line per row). Amounts are exact
/// decimal text and nothing is formatted, so that scripts never scrape tables.
struct FlatRecords {
    /// The field names, in column order; every row has one value per field.
    var fields: [String]
    var count: Int
    /// Row `i`, made when it is written: a listing of a few hundred thousand offers is never held as values.
    var row: (Int) -> [JSONOutput]

    init(fields: [String], count: Int, row: @escaping (Int) -> [JSONOutput]) {
        self.fields = fields
        self.count = count
        self.row = row
    }

    init(fields: [String], rows: [[JSONOutput]]) {
        self.init(fields: fields, count: rows.count) { rows[$0] }
    }

    /// `{"format": shape, <header members>, key: [{field: value, …}, …]}`.
    func json(shape: String, header: [(String, JSONOutput)] = [], key: String) -> String {
        TextSink.collecting { writeJSON(shape: shape, header: header, key: key, to: &$0) }
    }

    func writeJSON(shape: String, header: [(String, JSONOutput)] = [], key: String, to out: inout TextSink) {
        let records = JSONOutput.generated(count: count) { JSONOutput.object(Array(zip(fields, row($0)))) }
        JSONOutput.object([("format", .string(shape))] + header + [(key, records)]).write(into: &out)
        out.write("\n")
    }

    /// RFC 4180: CRLF line ends, fields quoted where they must be; null is an empty field, and a list is its
    /// items joined by `;` in one field.
    var csv: String {
        TextSink.collecting { writeCSV(to: &$0) }
    }

    func writeCSV(to out: inout TextSink) {
        out.write(fields.joined(separator: ",") + "\r\n")
        for index in 0..<count {
            for (position, value) in row(index).enumerated() {
                if position > 0 { out.write(",") }
                CSVRenderer.append(FlatRecords.text(of: value), to: &out)
            }
            out.write("\r\n")
        }
    }

    private static func text(of value: JSONOutput) -> String {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .array(let items): return items.map(text(of:)).joined(separator: ";")
        case .generated(let count, let element): return (0..<count).map { text(of: element($0)) }.joined(separator: ";")
        case .null, .object: return ""
        }
    }
}
