/// `pricedb offers` as flat records for scripts: JSON (`pricedb-offers/1`, whose schema is
/// `Fixtures/offers.schema.json`) and CSV (a header row, then one row per offer). Amounts are exact decimal
/// text; nothing is rounded or formatted.
public enum OfferListing {
    static let fields = [
        "provider", "provider_name", "provider_kind", "gpu", "gpu_name", "gpu_label", "variant", "gpu_count", "memory_gb",
        "instance", "region", "tier", "currency", "price_low", "price_high", "per_gpu_low", "per_gpu_high", "observed_on",
        "stale", "approximate", "note",
    ]

    static func values(_ found: OfferSearch.Found) -> [JSONOutput] {
        let offer = found.offer
        return [
            .string(found.provider.id), .string(found.provider.name), .string(found.provider.kind.rawValue),
            .string(found.gpu.id), .string(found.gpu.name), .string(offer.gpuLabel), .string(offer.variant),
            .number(offer.gpuCount.description), found.gpu.memoryGB.map { .number(String($0)) } ?? .null,
            .string(offer.instance), .string(offer.region), .string(offer.tier.rawValue), .string(offer.currency),
            .string(found.price.low.description), .string(found.price.high.description),
            .string(found.perGPU.low.description), .string(found.perGPU.high.description),
            .string(found.observedOn.description), .bool(found.stale), .bool(found.approximate), .optional(found.note),
        ]
    }

    static func records(_ offers: [OfferSearch.Found]) -> FlatRecords {
        FlatRecords(fields: fields, rows: offers.map(values))
    }

    public static func json(_ offers: [OfferSearch.Found], asOf day: Day) -> String {
        records(offers).json(shape: "pricedb-offers/1", header: [("as_of", .string(day.description))], key: "offers")
    }

    public static func csv(_ offers: [OfferSearch.Found]) -> String {
        records(offers).csv
    }
}
