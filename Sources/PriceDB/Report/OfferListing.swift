/// `pricedb offers` as flat records for scripts: JSON (`pricedb-offers/1`, whose schema is
/// `Fixtures/offers.schema.json`) and CSV (a header row, then one row per offer). Amounts are exact decimal
/// text; nothing is rounded or formatted.
public enum OfferListing {
    static let fields = [
        "provider", "provider_name", "provider_kind", "gpu", "gpu_name", "gpu_label", "variant", "gpu_count", "memory_gb",
        "instance", "region", "tier", "currency", "price_low", "price_high", "per_gpu_low", "per_gpu_high", "observed_on",
        "source", "stale", "approximate", "note",
    ]

    static func values(_ found: OfferSearch.Found) -> [JSONOutput] {
        let offer = found.offer
        return [
            .string(found.provider.id), .string(found.provider.name), .string(found.provider.kind.rawValue),
            .string(found.gpu.id), .string(found.gpu.name), .string(offer.gpuLabel), .string(offer.variant),
            .number(offer.gpuCount.description), found.gpu.memoryGB.map { .number(String($0)) } ?? .null,
            .string(offer.instance), .string(offer.region), .string(offer.tier.rawValue), .string(found.currency),
            .string(found.price.low.description), .string(found.price.high.description),
            .string(found.perGPU.low.description), .string(found.perGPU.high.description),
            .string(found.observedOn.description), .string(found.source), .bool(found.stale), .bool(found.approximate), .optional(found.note),
        ]
    }

    /// With `--currency`, a last field says whether the offer's prices were converted.
    static func records(_ offers: [OfferSearch.Found], converting: Bool) -> FlatRecords {
        FlatRecords(fields: fields + (converting ? ["converted"] : []), count: offers.count) {
            values(offers[$0]) + (converting ? [.bool(offers[$0].converted)] : [])
        }
    }

    /// The members that open a listing's JSON: its day, and with `--currency` the rates applied.
    static func header(asOf day: Day, _ exchangeRates: Report.ExchangeRates?) -> [(String, JSONOutput)] {
        [("as_of", .string(day.description))] + (exchangeRates.map { [("exchange_rates", JSONRenderer.exchangeRates($0))] } ?? [])
    }

    public static func json(_ offers: [OfferSearch.Found], asOf day: Day, exchangeRates: Report.ExchangeRates? = nil) -> String {
        TextSink.collecting { writeJSON(offers, asOf: day, exchangeRates: exchangeRates, to: &$0) }
    }

    /// The JSON written as it is made, a record at a time.
    public static func writeJSON(
        _ offers: [OfferSearch.Found], asOf day: Day, exchangeRates: Report.ExchangeRates? = nil, to out: inout TextSink
    ) {
        records(offers, converting: exchangeRates != nil)
            .writeJSON(shape: "pricedb-offers/1", header: header(asOf: day, exchangeRates), key: "offers", to: &out)
    }

    /// The CSV written as it is made, a line at a time.
    public static func writeCSV(_ offers: [OfferSearch.Found], converting: Bool = false, to out: inout TextSink) {
        records(offers, converting: converting).writeCSV(to: &out)
    }
}
