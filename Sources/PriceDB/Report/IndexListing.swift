/// `pricedb index` as flat records for scripts: JSON (`pricedb-index/1`, whose schema is
/// `Fixtures/index.schema.json`) and CSV, one record per GPU and period. Amounts are exact decimal text.
public enum IndexListing {
    static let fields = [
        "gpu", "gpu_name", "period", "first_day", "last_day", "as_of", "method", "currency", "providers", "value",
        "p25", "p75", "lowest", "highest", "change", "change_percent", "other_currencies",
    ]

    static func records(_ indexes: [PriceIndex], method: IndexMethod) -> FlatRecords {
        FlatRecords(fields: fields, rows: indexes.map { index in
            let summary = index.summary
            func amount(_ money: Money?) -> JSONOutput { money.map { .string($0.description) } ?? .null }
            return [
                .string(index.gpu.id), .string(index.gpu.name), .string(index.period.name),
                .string(index.period.first.description), .string(index.period.last.description), .string(index.asOf.description),
                .string(method.rawValue), .string(index.currency), .number(String(summary?.providers ?? 0)),
                amount(summary?.value), amount(summary?.lowerQuartile), amount(summary?.upperQuartile),
                amount(summary?.lowest), amount(summary?.highest), amount(index.change),
                index.changePercentTenths.map { .string(JSONRenderer.tenths($0)) } ?? .null,
                .array(Array(Set(index.otherCurrencies.map(\.currency))).sorted().map { .string($0) }),
            ]
        })
    }

    public static func writeJSON(
        _ indexes: [PriceIndex], method: IndexMethod, asOf day: Day, exchangeRates: Report.ExchangeRates? = nil,
        to out: inout TextSink
    ) {
        records(indexes, method: method)
            .writeJSON(shape: "pricedb-index/1", header: OfferListing.header(asOf: day, exchangeRates), key: "indexes", to: &out)
    }

    public static func writeCSV(_ indexes: [PriceIndex], method: IndexMethod, to out: inout TextSink) {
        records(indexes, method: method).writeCSV(to: &out)
    }
}
