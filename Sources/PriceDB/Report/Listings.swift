/// The plain listings of what the database holds: snapshots, providers, the GPU catalog, and the observations a
/// dry run would store. Each is a `TextTable`; the command prints it.
public enum Listings {
    /// `pricedb snapshots`: one line per ingested file.
    public static func snapshots(_ snapshots: [StoredSnapshot]) -> TextTable {
        var table = TextTable(
            headers: ["ID", "OBSERVED", "FORMAT", "SOURCE", "FILE", "OBS", "PROVIDERS", "GPUS", "SKIPPED", "INGESTED", "URL"],
            alignments: [.right, .left, .left, .left, .left, .right, .right, .right, .right, .left, .left])
        table.droppable = [10, 9, 2, 8, 7, 6]
        for snapshot in snapshots {
            table.append([
                String(snapshot.id), snapshot.observedOn.description, snapshot.format, snapshot.source.name ?? "-",
                snapshot.fileName,
                String(snapshot.observationCount), String(snapshot.providerCount), String(snapshot.gpuCount),
                String(snapshot.skippedCount), snapshot.ingestedAt, snapshot.source.url ?? "-",
            ])
        }
        return table
    }

    /// `pricedb providers`.
    public static func providers(_ providers: [Provider]) -> TextTable {
        var table = TextTable(headers: ["ID", "SHORT NAME", "NAME", "KIND", "URL"])
        table.droppable = [4, 1]
        for provider in providers {
            table.append([provider.id, provider.shortName, provider.name, provider.kind.rawValue, provider.url ?? "-"])
        }
        return table
    }

    /// `pricedb gpus`: consumer cards first, then data-centre ones, by name.
    public static func gpus(_ catalog: GPUCatalog) -> TextTable {
        var table = TextTable(
            headers: ["ID", "NAME", "MEMORY", "CLASS", "ALIASES"], alignments: [.left, .left, .right, .left, .left])
        table.droppable = [4]
        for gpu in sortedForListing(catalog) {
            table.append([
                gpu.id, gpu.name, gpu.memoryGB.map { "\($0) GB" } ?? "-", gpu.gpuClass.rawValue,
                gpu.aliases.joined(separator: ", "),
            ])
        }
        return table
    }

    static func sortedForListing(_ catalog: GPUCatalog) -> [GPU] {
        catalog.gpus.sorted { ($0.gpuClass.rawValue, $0.name) < ($1.gpuClass.rawValue, $1.name) }
    }

    /// The observations of a record, exactly as they would be stored (prices unrounded).
    public static func observations(_ record: SnapshotRecord) -> TextTable {
        // The record names its GPUs itself, those it declares included, which the database does not know yet.
        let names = Dictionary(record.usedGPUs.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var table = TextTable(
            headers: ["PROVIDER", "GPU", "VARIANT", "COUNT", "INSTANCE", "REGION", "TIER", "PRICE", "PER GPU", "STATUS", "DATE"],
            alignments: [.left, .left, .left, .right, .left, .left, .left, .right, .right, .left, .left])
        for observation in record.observations {
            let price = observation.price.map { range in
                observation.currency + " " + exactText(range)
            } ?? "-"
            let perGPU = observation.price.map { exactText($0.perGPU(of: observation.gpuCount)) } ?? "-"
            table.append([
                observation.providerID, names[observation.gpuID] ?? observation.gpuID,
                observation.variant.isEmpty ? "-" : observation.variant, observation.gpuCount.description,
                observation.instance.isEmpty ? "-" : observation.instance,
                observation.region.isEmpty ? "-" : observation.region, observation.tier.rawValue, price, perGPU,
                observation.status.rawValue + (observation.approximate ? " (approx.)" : ""),
                observation.observedOn.description,
            ])
        }
        return table
    }

    /// `fetch --list`: each source with its URL and what the database remembers of it.
    public static func fetchSources(_ sources: [FetchSource], states: [String: PriceStore.FetchState]) -> String {
        var table = TextTable(
            headers: ["SOURCE", "URL", "LAST FETCHED", "LAST CHANGED", "LAST ERROR"],
            alignments: [.left, .left, .left, .left, .left])
        for source in sources {
            let state = states[source.name].flatMap { $0.url == source.url ? $0 : nil }
            table.append([
                source.name, source.url, state?.lastFetched ?? "never", state?.lastChanged ?? "-",
                state?.lastError.map { "\(state?.lastErrorAt ?? ""): \($0)" } ?? "-",
            ])
        }
        return table.rendered(width: nil)
    }

    /// One line per ingested file, for the log of a cron job.
    public static func summary(of outcome: Ingestor.Outcome, file: String) -> String {
        switch outcome {
        case .stored(let snapshot, let replaced):
            return "\(file): stored as snapshot \(snapshot.id) (observed \(snapshot.observedOn))"
                + replacement(replaced) + ": "
                + counts(snapshot.observationCount, snapshot.providerCount, snapshot.gpuCount, snapshot.skippedCount)
        case .alreadyIngested(let earlier):
            return "\(file): skipped: the same file was ingested before as snapshot \(earlier.id) "
                + "(\(earlier.fileName), ingested \(earlier.ingestedAt))"
        case .validated(let record, let replacing):
            return "\(file): valid; would store (observed \(record.observedOn))" + replacement(replacing) + ": "
                + counts(record.observations.count, record.providerCount, record.gpuCount, record.skippedCount)
        case .storedCatalog(let snapshot, let rows, let replaced):
            return "\(file): stored as snapshot \(snapshot.id) (observed \(snapshot.observedOn))"
                + replacement(replaced) + ": "
                + counts(snapshot.observationCount, snapshot.providerCount, snapshot.gpuCount, 0) + "; " + catalog(rows)
        case .storedRates(let rates):
            return "\(file): stored exchange rates" + rateCounts(rates)
        case .validatedRates(let rates):
            return "\(file): valid; would store exchange rates" + rateCounts(rates)
        case .validatedCatalog(let rows, let replacing):
            return "\(file): valid; would store \(rows.observations) observation\(rows.observations == 1 ? "" : "s")"
                + replacement(replacing) + "; " + catalog(rows)
        }
    }

    /// ` (ECB, per euro) for 30 currencies, 2025-01-02 to 2026-02-27: 8839 new, …`.
    private static func rateCounts(_ rates: RateImport) -> String {
        " (ECB, per euro) for \(rates.currencies.count) currenc\(rates.currencies.count == 1 ? "y" : "ies"), "
            + "\(rates.first) to \(rates.last): \(rates.added) new, \(rates.changed) changed, \(rates.unchanged) already stored"
            + (rates.missing > 0 ? "; \(rates.missing) fields without a rate (N/A) skipped" : "")
    }

    /// ` in place of snapshot 3 (file.json)`, for a correction.
    private static func replacement(_ snapshots: [StoredSnapshot]) -> String {
        guard !snapshots.isEmpty else { return "" }
        let list = snapshots.map { "\($0.id) (\($0.fileName))" }.joined(separator: ", ")
        return " in place of snapshot" + (snapshots.count == 1 ? " " : "s ") + list
    }

    /// What `snapshots remove` removed, or with `dryRun` would remove: one line per snapshot.
    public static func removal(of snapshots: [StoredSnapshot], dryRun: Bool) -> String {
        snapshots.map { snapshot in
            (dryRun ? "would remove" : "removed") + " snapshot \(snapshot.id) (\(snapshot.fileName), observed "
                + "\(snapshot.observedOn), \(snapshot.observationCount) observation\(snapshot.observationCount == 1 ? "" : "s"))"
        }.joined(separator: "\n")
    }

    static func catalog(_ rows: CatalogCounts) -> String {
        var parts = [
            "\(rows.rows) row\(rows.rows == 1 ? "" : "s"): \(rows.onDemandOffers) on-demand and \(rows.spotOffers) spot "
                + "offer\(rows.spotOffers == 1 ? "" : "s")"
        ]
        if rows.withoutGPU > 0 { parts.append("\(rows.withoutGPU) without a GPU skipped") }
        if rows.nonGPU > 0 { parts.append("\(rows.nonGPU) with an accelerator that is not a GPU skipped") }
        if rows.withoutPrice > 0 { parts.append("\(rows.withoutPrice) without an on-demand price") }
        if rows.unknownGPU > 0 { parts.append("\(rows.unknownGPU) with an unknown GPU skipped") }
        for (column, count) in rows.zeroPlaceholders.sorted(by: { $0.key < $1.key }) {
            parts.append("\(count) \(column) of 0 (no price) skipped")
        }
        for (column, count) in rows.notOfferedPlaceholders.sorted(by: { $0.key < $1.key }) {
            parts.append("\(count) \(column) of 10,000 or more per GPU-hour (not offered) skipped")
        }
        return parts.joined(separator: ", ")
    }

    private static func counts(_ observations: Int, _ providers: Int, _ gpus: Int, _ skipped: Int) -> String {
        var text = "\(observations) observation\(observations == 1 ? "" : "s"), "
            + "\(providers) provider\(providers == 1 ? "" : "s"), \(gpus) GPU\(gpus == 1 ? "" : "s")"
        if skipped > 0 { text += ", \(skipped) row\(skipped == 1 ? "" : "s") skipped" }
        return text
    }

    private static func exactText(_ range: PriceRange) -> String {
        range.isSingle ? range.low.description : "\(range.low)-\(range.high)"
    }
}
