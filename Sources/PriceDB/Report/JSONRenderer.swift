import Foundation

/// Renders a report in the documented JSON shape `pricedb-report/1` (docs/guide.md, "Report JSON"): every value is an
/// object with its `type`, its rendered `text`, and its exact data (money as decimal strings).
struct JSONRenderer {
    let locale: ReportLocale
    /// Values say whether they were converted only in a report that converts, so that a report without
    /// `--currency` keeps its shape.
    var converting = false
    static let format = "pricedb-report/1"

    func render(_ report: Report, to out: inout TextSink) {
        let renderer = JSONRenderer(locale: locale, converting: report.exchangeRates != nil)
        let sections: [JSONOutput] = report.sections.map { section in
            .object([
                ("id", .string(section.id)),
                ("title", .string(locale.text(section.title))),
                ("tables", .array(section.tables.map(renderer.table))),
                ("notes", .array(section.notes.map { .string(locale.text($0)) })),
            ])
        }
        var members: [(String, JSONOutput)] = [
            ("format", .string(Self.format)),
            ("as_of", .string(report.asOf.description)),
            ("period", .string(report.period)),
            ("locale", .string(locale.rawValue)),
            ("notices", .array(report.notices.map { .string(locale.text($0)) })),
            ("sections", .array(sections)),
        ]
        if let exchange = report.exchangeRates {
            members.append(("exchange_rates", Self.exchangeRates(exchange)))
        }
        JSONOutput.object(members).write(into: &out)
        out.write("\n")
    }

    /// The currency of every price and the ECB rates applied, each as units per euro on its day.
    static func exchangeRates(_ exchange: Report.ExchangeRates) -> JSONOutput {
        .object([
            ("currency", .string(exchange.currency)),
            ("source", .string("ECB euro foreign exchange reference rates")),
            (
                "rates",
                .array(
                    exchange.rates.map { rate in
                        .object([
                            ("currency", .string(rate.currency)), ("date", .string(rate.day.description)),
                            ("per_eur", .string(DecimalText.text(millionths: rate.perEUR))),
                        ])
                    })
            ),
        ])
    }

    private func table(_ table: Report.Table) -> JSONOutput {
        .object([
            ("id", .string(table.id)),
            ("title", .optional(table.title.map(locale.text))),
            ("columns", .array(table.columns.map { .object([("id", .string($0.id)), ("title", .string(locale.text($0.header)))]) })),
            ("rows", .generated(count: table.rows.count) { .array(table.rows[$0].map(value)) }),
            ("notes", .array(table.notes.map { .string(locale.text($0)) })),
        ])
    }

    private func value(_ value: Report.Value) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("type", .string(Self.type(of: value))), ("text", .string(locale.text(value)))]
        switch value {
        case .text, .phrase:
            break
        case .cell(let cell):
            let status: String
            switch cell.value {
            case .price: status = "price"
            case .unavailable: status = "unavailable"
            case .comingSoon: status = "coming-soon"
            case .noData: status = "no-data"
            }
            members += [
                ("status", .string(status)),
                ("currency", cell.price == nil ? .null : .string(cell.currency)),
                ("low", .optional(cell.price?.low.description)), ("high", .optional(cell.price?.high.description)),
                ("derived", .bool(cell.derived)), ("approximate", .bool(cell.approximate)), ("stale", .bool(cell.stale)),
                ("observed_on", .optional(cell.observedOn?.description)),
            ]
            if converting { members.append(("converted", .bool(cell.converted))) }
        case .listedPrice(let price, let currency, let approximate, let marks, let converted):
            members += [
                ("currency", .string(currency)), ("low", .optional(price?.low.description)),
                ("high", .optional(price?.high.description)), ("approximate", .bool(approximate)),
                ("note_marks", .number(String(marks))),
            ]
            if converting { members.append(("converted", .bool(converted))) }
        case .money(let amount, let currency):
            members += [("currency", .string(currency)), ("amount", .string(amount.description))]
        case .hourlyRange(let price, let currency):
            members += [("currency", .string(currency)), ("low", .string(price.low.description)), ("high", .string(price.high.description))]
        case .delta(let delta, let currency):
            switch delta {
            case .change(let low, let high, let lowPercent, let highPercent, let since):
                members += [
                    ("change", .string("change")), ("currency", .string(currency)),
                    ("low", .string(low.description)), ("high", .string(high.description)),
                    ("low_percent", .optional(lowPercent.map(Self.tenths))), ("high_percent", .optional(highPercent.map(Self.tenths))),
                ]
                if let since { members.append(("since", .string(since.description))) }
            case .notObserved: members.append(("change", .string("not-observed")))
            case .new: members.append(("change", .string("new")))
            case .gone: members.append(("change", .string("gone")))
            case .stale: members.append(("change", .string("stale")))
            case .none: members.append(("change", .string("none")))
            }
        case .integer(let number):
            members.append(("value", .number(String(number))))
        case .ratio(let ratio):
            members.append(("value", .number(String(format: "%.4f", ratio))))
        case .feature(let feature):
            switch feature {
            case nil: members.append(("value", .null))
            case .boolean(let flag)?: members.append(("value", .bool(flag)))
            case .number(let literal)?: members.append(("value", .number(literal)))
            case .string(let text)?: members.append(("value", .string(text)))
            }
        case .calculation(let hours, let rate, let cell, let point):
            members += [
                ("hours", .string(hours.description)), ("rate", .string(rate.description)),
                ("currency", .string(cell.currency)), ("approximate", .bool(cell.approximate)),
                ("derived", .bool(cell.derived)), ("stale", .bool(cell.stale)), ("price_point", .string(point.rawValue)),
            ]
            if converting { members.append(("converted", .bool(cell.converted))) }
        case .saving(let amount, let percent, let currency):
            members += [
                ("amount", .string(amount.description)), ("percent", .optional(percent.map(Self.tenths))),
                ("currency", .string(currency)),
            ]
        case .duration(let range, let unit):
            members += [
                ("unit", .string(unit.rawValue)), ("low", .string(DecimalText.text(millionths: range.lowerBound))),
                ("high", .string(DecimalText.text(millionths: range.upperBound))),
            ]
        case .day(let day):
            members.append(("value", .string(day.description)))
        }
        return .object(members)
    }

    static func type(of value: Report.Value) -> String {
        switch value {
        case .text, .phrase: return "text"
        case .cell: return "cell"
        case .listedPrice: return "listed-price"
        case .money: return "money"
        case .hourlyRange: return "price-range"
        case .delta: return "delta"
        case .integer: return "integer"
        case .ratio: return "ratio"
        case .feature: return "feature"
        case .calculation: return "calculation"
        case .saving: return "saving"
        case .duration: return "duration"
        case .day: return "date"
        }
    }

    /// Tenths of a percent as exact decimal text: -125 → `-12.5`.
    static func tenths(_ value: Int64) -> String {
        (value < 0 ? "-" : "") + String(value.magnitude / 10) + "." + String(value.magnitude % 10)
    }
}
