/// How `snapshots`, `providers` and `gpus` print what the database holds: an aligned table for people, or flat
/// records for scripts.
public enum ListingFormat: String, CaseIterable, Sendable {
    case table
    /// `{"format": "pricedb-snapshots/1", "snapshots": [{…}, …]}` and likewise for providers and GPUs.
    case json
    /// A header row of the JSON field names, then one line per record.
    case csv
}

extension Listings {
    /// `pricedb snapshots` in a format; the table fits `width` columns when one is given.
    public static func snapshots(_ snapshots: [StoredSnapshot], as format: ListingFormat, width: Int?) -> String {
        let records = FlatRecords(
            fields: [
                "id", "observed_on", "format", "source_name", "source_url", "source_published", "file_name", "sha256",
                "observations", "providers", "gpus", "skipped", "ingested_at",
            ],
            rows: snapshots.map { snapshot in
                [
                    .number(String(snapshot.id)), .string(snapshot.observedOn.description), .string(snapshot.format),
                    .optional(snapshot.source.name), .optional(snapshot.source.url),
                    .optional(snapshot.source.published?.description), .string(snapshot.fileName),
                    .string(snapshot.sha256), .number(String(snapshot.observationCount)),
                    .number(String(snapshot.providerCount)), .number(String(snapshot.gpuCount)),
                    .number(String(snapshot.skippedCount)), .string(snapshot.ingestedAt),
                ]
            })
        return rendered(records, shape: "snapshots", as: format) { self.snapshots(snapshots).rendered(width: width) }
    }

    /// `pricedb providers` in a format.
    public static func providers(_ providers: [Provider], as format: ListingFormat, width: Int?) -> String {
        let records = FlatRecords(
            fields: ["id", "short_name", "name", "kind", "url"],
            rows: providers.map { provider in
                [
                    .string(provider.id), .string(provider.shortName), .string(provider.name),
                    .string(provider.kind.rawValue), .optional(provider.url),
                ]
            })
        return rendered(records, shape: "providers", as: format) { self.providers(providers).rendered(width: width) }
    }

    /// `pricedb gpus` in a format, in the table's order.
    public static func gpus(_ catalog: GPUCatalog, as format: ListingFormat, width: Int?) -> String {
        let records = FlatRecords(
            fields: ["id", "name", "memory_gb", "class", "aliases"],
            rows: sortedForListing(catalog).map { gpu in
                [
                    .string(gpu.id), .string(gpu.name), gpu.memoryGB.map { .number(String($0)) } ?? .null,
                    .string(gpu.gpuClass.rawValue), .array(gpu.aliases.map(JSONOutput.string)),
                ]
            })
        return rendered(records, shape: "gpus", as: format) { self.gpus(catalog).rendered(width: width) }
    }

    private static func rendered(
        _ records: FlatRecords, shape: String, as format: ListingFormat, table: () -> String
    ) -> String {
        switch format {
        case .table: return table()
        case .json: return records.json(shape: "pricedb-\(shape)/1", key: shape)
        case .csv: return records.csv
        }
    }
}
