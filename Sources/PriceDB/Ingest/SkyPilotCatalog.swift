import Foundation

/// Reads the CSV catalogs that SkyPilot publishes per cloud (`catalogs/v7/<cloud>/vms.csv`), streaming them
/// into the store: columns are found by name, each row with a GPU gives an on-demand offer (`Price`) and, where
/// `SpotPrice` is set, a spot one; availability zones fold into one observation per instance, region and tier.
/// Prices are rounded half to even to a micro-unit, because the catalogs carry floating-point residue
/// (`0.6120000000000001`).
struct SkyPilotCatalog {
    static let format = "skypilot-csv"
    static let requiredColumns = ["InstanceType", "AcceleratorName", "AcceleratorCount", "Region", "Price"]

    let path: String
    /// How messages and the stored snapshot name the file (`-` for standard input).
    var name: String { displayName ?? path }
    var displayName: String?
    let options: CatalogOptions
    let catalog: GPUCatalog
    let today: Day
    /// How many offers are folded in memory before they spill to the store (tests make it small).
    var foldLimit = ZoneFolder.defaultLimit

    /// Whether a file's first line is a SkyPilot catalog header.
    static func looksLikeCatalog(_ head: [UInt8]) -> Bool {
        let firstLine = head.prefix { $0 != 0x0A }
        let text = String(decoding: firstLine, as: UTF8.self).lowercased()
        return text.contains("acceleratorname") && text.contains("instancetype")
    }

    func ingest(into store: PriceStore, knownProviders: [Provider], replacing: Bool) throws -> (PriceStore.RecordOutcome, CatalogCounts) {
        let provider = try providerDeclaration(knownProviders)
        guard options.observedOn <= today else {
            throw invalid("--observed-at \(options.observedOn) is in the future (today is \(today)); prices can only be recorded once seen")
        }
        guard options.observedOn >= Day.firstObservable else {
            throw invalid("--observed-at \(options.observedOn) is before 2000; no GPU rental price is that old")
        }
        let aliases = try resolvedAliases()
        var counts = CatalogCounts()
        // A quick first read recognises a file ingested before without parsing it (cron re-runs are common);
        // the parsing read hashes again and must agree, so a file changed in between is not stored.
        let expectedHash = try ContentHash.ofFile(at: path)
        if let earlier = try store.snapshot(sha256: expectedHash, observedOn: options.observedOn, providerIDs: [options.providerID]) {
            return (.alreadyIngested(earlier), counts)
        }
        let (outcome, observations) = try store.importCatalog(
            format: Self.format, observedOn: options.observedOn, fileName: (name as NSString).lastPathComponent,
            providerID: options.providerID, provider: provider, catalog: catalog, source: options.source,
            observedThrough: options.observedThrough, replacing: replacing
        ) { sink in
            var hasher = ContentHash()
            var reader: CSVReader
            do {
                reader = try CSVReader(path: path) { hasher.update(data: $0) }
            } catch {
                throw IngestError.unreadable(file: name, reason: "permission denied or not a regular file")
            }
            var record = CSVReader.Record()
            let columns = try header(&reader, &record)
            var diagnostics: [Diagnostic] = []
            var unknown: [String: Int] = [:]
            var resolved: [String: GPUCatalog.Resolution?] = [:]
            // A catalog row is 40 bytes or more and prices up to two tiers: about one offer per 25 bytes.
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            var folder = ZoneFolder(sink: sink, limit: foldLimit, expected: bytes / 25)
            func fail(_ message: String, field: Int? = nil) {
                if diagnostics.count <= IngestError.diagnosticLimit {
                    let column = field.map { record.columns.indices.contains($0) ? record.columns[$0] : 1 } ?? 1
                    diagnostics.append(
                        Diagnostic(file: name, path: nil, position: TextPosition(line: reader.recordLine, column: column), message: message))
                }
            }
            /// A field as text; invalid UTF-8 fails the row, as it fails a JSON snapshot.
            func text(_ field: Int) -> String? {
                guard let value = String(validating: record.trimmed(field), as: UTF8.self) else {
                    fail("the \(columns.names[field]) field is not valid UTF-8", field: field)
                    return nil
                }
                if let problem = UntrustedText.problem(value) {
                    fail("\(columns.names[field]) \"\(UntrustedText.shown(value))\" \(problem)", field: field)
                    return nil
                }
                return value
            }
            while try next(&reader, &record) {
                if record.count == 1 && record[0].isEmpty { continue }
                counts.rows += 1
                guard record.count == columns.names.count else {
                    fail("the row has \(record.count) fields; the header has \(columns.names.count)")
                    continue
                }
                guard let accelerator = text(columns.accelerator) else { continue }
                guard !accelerator.isEmpty else {
                    counts.withoutGPU += 1
                    continue
                }
                let resolution: GPUCatalog.Resolution?
                if let cached = resolved[accelerator] {
                    resolution = cached
                } else {
                    resolution = aliases[GPUCatalog.key(accelerator)] ?? catalog.resolve(accelerator)
                    resolved[accelerator] = resolution
                }
                guard let resolution else {
                    if GPUCatalog.isNonGPUAccelerator(accelerator) {
                        counts.nonGPU += 1
                        continue
                    }
                    unknown[accelerator, default: 0] += 1
                    counts.unknownGPU += 1
                    continue
                }
                let countBytes = record.trimmed(columns.gpuCount)
                guard let millionths = try? DecimalText.millionths(bytes: countBytes, rounding: true), millionths > 0,
                    millionths <= GPUCount.maximum.millionths
                else {
                    fail("AcceleratorCount \"\(UntrustedText.shown(String(decoding: countBytes, as: UTF8.self)))\" is not a GPU count above 0 and at most 64", field: columns.gpuCount)
                    continue
                }
                let gpuCount = GPUCount(millionths: millionths)
                var offers: [(Tier, Money)] = []
                for (field, column, tier) in [(columns.price, "Price", Tier.onDemand), (columns.spotPrice, "SpotPrice", Tier.spot)] {
                    guard let field else { continue }
                    let bytes = record.trimmed(field)
                    if bytes.isEmpty {
                        if tier == .onDemand { counts.withoutPrice += 1 }
                        continue
                    }
                    switch Self.price(bytes, gpuCount: gpuCount) {
                    case .price(let price): offers.append((tier, price))
                    case .noPrice: counts.zeroPlaceholders[column, default: 0] += 1
                    case .notOffered: counts.notOfferedPlaceholders[column, default: 0] += 1
                    case .invalid(let problem): fail("\(column) \"\(UntrustedText.shown(String(decoding: bytes, as: UTF8.self)))\" \(problem)", field: field)
                    }
                }
                if offers.isEmpty { counts.rowsWithoutAnyPrice += 1 }
                guard !offers.isEmpty, let instance = text(columns.instance), let region = text(columns.region) else { continue }
                for (tier, price) in offers {
                    if tier == .onDemand { counts.onDemandOffers += 1 } else { counts.spotOffers += 1 }
                    try folder.add(
                        PriceStore.CatalogOffer(
                            instance: instance, gpuID: resolution.gpu.id, gpuLabel: accelerator, variant: resolution.variant,
                            gpuCount: gpuCount, region: region, tier: tier, price: PriceRange(price)))
                }
            }
            if !unknown.isEmpty && !options.skipUnknown {
                let list = unknown.sorted { $0.key < $1.key }.map { name, rows in
                    let close = catalog.suggestions(for: name)
                    return "\(name) (\(rows) row\(rows == 1 ? "" : "s")\(close.isEmpty ? "" : "; closest: \(close.joined(separator: ", "))"))"
                }
                diagnostics.append(
                    Diagnostic(
                        file: name, path: nil, position: nil,
                        message: "unknown accelerator names: \(list.joined(separator: ", ")). Map each to a known GPU with "
                            + "--gpu-alias NAME=GPU (`pricedb gpus` lists them), or skip their rows with --skip-unknown"))
            }
            if !diagnostics.isEmpty { throw IngestError.invalid(file: name, diagnostics: diagnostics) }
            if counts.rows == 0 { throw invalid("the catalog has a header but no rows") }
            if counts.onDemandOffers + counts.spotOffers == 0 {
                throw invalid("no row of the catalog gives a GPU price (\(Listings.catalog(counts))); nothing to store")
            }
            let sha256 = hasher.finalize()
            guard sha256 == expectedHash else { throw invalid("the file changed while it was being read; ingest it again") }
            return PriceStore.CatalogStream(sha256: sha256, skippedCount: counts.skippedRows, offers: try folder.finish())
        }
        counts.observations = observations
        return (outcome, counts)
    }

    /// What a price cell of a catalog says.
    enum PriceCell: Equatable {
        case price(Money)
        /// `0` or `0.00`: the catalog's way of saying it has no price.
        case noPrice
        /// An amount of 10,000 or more per GPU-hour (or beyond any number pricedb holds): a catalog's way of
        /// saying the offer does not exist.
        case notOffered
        case invalid(String)
    }

    /// Reads a price cell. Floating-point residue (`0.8048000000000001`) rounds half to even to a micro-unit;
    /// a non-zero price that would round to 0 is refused, as JSON refuses more than six decimals.
    static func price(_ text: ArraySlice<UInt8>, gpuCount: GPUCount) -> PriceCell {
        let micros: Int64
        do {
            micros = try DecimalText.millionths(bytes: text, rounding: true)
        } catch .outOfRange {
            return text.first == UInt8(ascii: "-") ? .invalid("is negative; a price must be 0 or more") : .notOffered
        } catch {
            let hint = WrittenAmount(String(decoding: text, as: UTF8.self))?.hint(
                expecting: "USD", otherCurrency: "a catalog's prices are US dollars: convert it, or write a snapshot JSON, which names its currency")
            return .invalid("is not a number" + (hint ?? ""))
        }
        if micros < 0 { return .invalid("is negative; a price must be 0 or more") }
        if micros == 0 {
            let digits = text.prefix { $0 | 0x20 != UInt8(ascii: "e") }
            return digits.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
                ? .invalid("is below a millionth, which pricedb does not keep") : .noPrice
        }
        let price = Money(micros: micros)
        return price.perGPU(of: gpuCount) >= Money.largestHourlyPerGPU ? .notOffered : .price(price)
    }

    /// Where the columns a catalog needs are, found by name.
    private struct Columns {
        var names: [String]
        var instance: Int
        var accelerator: Int
        var gpuCount: Int
        var region: Int
        var price: Int?
        var spotPrice: Int?
    }

    private func header(_ reader: inout CSVReader, _ record: inout CSVReader.Record) throws -> Columns {
        guard try next(&reader, &record) else { throw invalid("the file is empty; expected a SkyPilot catalog header") }
        var index: [String: Int] = [:]
        var names: [String] = []
        let canonical = Dictionary(
            uniqueKeysWithValues: (Self.requiredColumns + ["SpotPrice", "AvailabilityZone"]).map { ($0.lowercased(), $0) })
        for position in 0..<record.count {
            // A spreadsheet that saved the file may have put a byte order mark before the first name.
            var bytes = record.trimmed(position)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let trimmed = UntrustedText.shown(String(decoding: bytes, as: UTF8.self))
            let column = canonical[trimmed.lowercased()] ?? trimmed
            names.append(column)
            if index[column] != nil, canonical[column.lowercased()] != nil {
                throw IngestError.invalid(
                    file: name,
                    diagnostics: [
                        Diagnostic(
                            file: name, path: nil, position: TextPosition(line: 1, column: record.columns[position]),
                            message: "the column \(column) appears twice; a catalog names each column once")
                    ])
            }
            index[column] = index[column] ?? position
        }
        let missing = Self.requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty, let instance = index["InstanceType"], let accelerator = index["AcceleratorName"],
            let count = index["AcceleratorCount"], let region = index["Region"]
        else {
            throw IngestError.invalid(
                file: name,
                diagnostics: [
                    Diagnostic(
                        file: name, path: nil, position: TextPosition(line: 1, column: 1),
                        message: "the header lacks \(missing.joined(separator: ", ")); a SkyPilot catalog has "
                            + "InstanceType, AcceleratorName, AcceleratorCount, Region, Price (SpotPrice and AvailabilityZone optional)")
                ])
        }
        return Columns(
            names: names, instance: instance, accelerator: accelerator, gpuCount: count, region: region, price: index["Price"],
            spotPrice: index["SpotPrice"])
    }

    private func next(_ reader: inout CSVReader, _ record: inout CSVReader.Record) throws -> Bool {
        do {
            return try reader.next(into: &record)
        } catch {
            throw IngestError.invalid(
                file: name, diagnostics: [Diagnostic(file: name, path: nil, position: TextPosition(line: error.line, column: 1), message: error.message)])
        }
    }

    private func providerDeclaration(_ known: [Provider]) throws -> ProviderDeclaration? {
        for (option, value) in [("--provider", options.providerID), ("--provider-name", options.providerName ?? "")]
            + options.gpuAliases.map({ ("--gpu-alias", $0.key) }) {
            if let problem = UntrustedText.problem(value) {
                throw invalid("\(option) \"\(UntrustedText.shown(value))\" \(problem)")
            }
        }
        let existing = known.first { $0.id == options.providerID }
        if options.providerName == nil && options.providerKind == nil {
            guard existing != nil else {
                let close = EditDistance.closest(to: options.providerID, among: known.map(\.id))
                throw invalid(
                    "unknown provider \"\(options.providerID)\"" + (EditDistance.question(close).map { "; " + $0 } ?? "")
                        + "; to add it, give --provider-name NAME and --provider-kind KIND")
            }
            return nil
        }
        guard SnapshotDecoder.isSlug(options.providerID) else {
            throw invalid("\"\(options.providerID)\" is not a provider id; use lower-case letters, digits and hyphens")
        }
        let provider = Provider.declared(
            id: options.providerID, name: options.providerName ?? (existing == nil ? options.providerID : nil),
            shortName: nil, kind: options.providerKind, url: nil, known: existing)
        return provider.map { ProviderDeclaration(provider: $0, features: nil) }
    }

    private func resolvedAliases() throws -> [String: GPUCatalog.Resolution] {
        var aliases: [String: GPUCatalog.Resolution] = [:]
        for (name, target) in options.gpuAliases {
            guard let resolution = catalog.resolve(target) else {
                let close = catalog.suggestions(for: target)
                throw invalid("--gpu-alias \(name)=\(target): unknown GPU \"\(target)\"" + (EditDistance.question(close).map { "; " + $0 } ?? ""))
            }
            aliases[GPUCatalog.key(name)] = resolution
        }
        return aliases
    }

    private func invalid(_ message: String) -> IngestError {
        .invalid(file: name, diagnostics: [Diagnostic(file: name, path: nil, position: nil, message: message)])
    }
}
