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
    let options: CatalogOptions
    let catalog: GPUCatalog
    let today: Day

    /// Whether a file's first line is a SkyPilot catalog header.
    static func looksLikeCatalog(_ head: [UInt8]) -> Bool {
        let firstLine = head.prefix { $0 != 0x0A }
        let text = String(decoding: firstLine, as: UTF8.self)
        return text.contains("AcceleratorName") && text.contains("InstanceType")
    }

    func ingest(into store: PriceStore, knownProviders: [Provider], replacing: Bool) throws -> (PriceStore.RecordOutcome, CatalogCounts) {
        let provider = try providerDeclaration(knownProviders)
        guard options.observedOn <= today else {
            throw invalid("--observed-at \(options.observedOn) is in the future (today is \(today)); prices can only be recorded once seen")
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
            format: Self.format, observedOn: options.observedOn, fileName: (path as NSString).lastPathComponent,
            providerID: options.providerID, provider: provider, catalog: catalog, replacing: replacing
        ) { sink in
            var hasher = ContentHash()
            var reader: CSVReader
            do {
                reader = try CSVReader(path: path) { hasher.update(data: $0) }
            } catch {
                throw IngestError.unreadable(file: path, reason: "permission denied or not a regular file")
            }
            let columns = try header(&reader)
            var diagnostics: [Diagnostic] = []
            var unknown: [String: Int] = [:]
            var resolved: [String: GPUCatalog.Resolution?] = [:]
            func fail(_ message: String) {
                if diagnostics.count <= IngestError.diagnosticLimit {
                    diagnostics.append(Diagnostic(file: path, path: nil, position: TextPosition(line: reader.recordLine, column: 1), message: message))
                }
            }
            while let fields = try nextRecord(&reader) {
                if fields.count == 1 && fields[0].isEmpty { continue }
                counts.rows += 1
                guard fields.count == columns.count else {
                    fail("the row has \(fields.count) fields; the header has \(columns.count)")
                    continue
                }
                func value(_ column: String) -> String {
                    columns.index[column].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
                }
                let accelerator = value("AcceleratorName")
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
                let countText = value("AcceleratorCount")
                guard let millionths = try? DecimalText.millionths(countText[...], rounding: true), millionths > 0,
                    millionths <= GPUCount.maximum.millionths
                else {
                    fail("AcceleratorCount \"\(countText)\" is not a GPU count above 0 and at most 64")
                    continue
                }
                let gpuCount = GPUCount(millionths: millionths)
                var offers: [(Tier, Money)] = []
                for (column, tier) in [("Price", Tier.onDemand), ("SpotPrice", Tier.spot)] {
                    let text = value(column)
                    if text.isEmpty {
                        if tier == .onDemand { counts.withoutPrice += 1 }
                        continue
                    }
                    switch Self.price(text, gpuCount: gpuCount) {
                    case .price(let price): offers.append((tier, price))
                    case .noPrice: counts.zeroPlaceholders[column, default: 0] += 1
                    case .notOffered: counts.notOfferedPlaceholders[column, default: 0] += 1
                    case .invalid(let problem): fail("\(column) \"\(text)\" \(problem)")
                    }
                }
                if offers.isEmpty { counts.rowsWithoutAnyPrice += 1 }
                for (tier, price) in offers {
                    if tier == .onDemand { counts.onDemandOffers += 1 } else { counts.spotOffers += 1 }
                    try sink.add(
                        instance: value("InstanceType"), gpuID: resolution.gpu.id, gpuLabel: accelerator,
                        variant: resolution.variant, gpuCount: gpuCount, region: value("Region"), tier: tier, price: price)
                }
            }
            if !unknown.isEmpty && !options.skipUnknown {
                let list = unknown.sorted { $0.key < $1.key }.map { name, rows in
                    let close = catalog.suggestions(for: name)
                    return "\(name) (\(rows) row\(rows == 1 ? "" : "s")\(close.isEmpty ? "" : "; closest: \(close.joined(separator: ", "))"))"
                }
                diagnostics.append(
                    Diagnostic(
                        file: path, path: nil, position: nil,
                        message: "unknown accelerator names: \(list.joined(separator: ", ")). Map each to a known GPU with "
                            + "--gpu-alias NAME=GPU (`pricedb gpus` lists them), or skip their rows with --skip-unknown"))
            }
            if !diagnostics.isEmpty { throw IngestError.invalid(file: path, diagnostics: diagnostics) }
            if counts.rows == 0 { throw invalid("the catalog has a header but no rows") }
            if counts.onDemandOffers + counts.spotOffers == 0 {
                throw invalid("no row of the catalog gives a GPU price (\(Listings.catalog(counts))); nothing to store")
            }
            let sha256 = hasher.finalize()
            guard sha256 == expectedHash else { throw invalid("the file changed while it was being read; ingest it again") }
            return PriceStore.CatalogStream(sha256: sha256, skippedCount: counts.skippedRows)
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
    static func price(_ text: String, gpuCount: GPUCount) -> PriceCell {
        let micros: Int64
        do {
            micros = try DecimalText.millionths(text[...], rounding: true)
        } catch .outOfRange {
            return text.hasPrefix("-") ? .invalid("is negative; a price must be 0 or more") : .notOffered
        } catch {
            return .invalid("is not a number")
        }
        if micros < 0 { return .invalid("is negative; a price must be 0 or more") }
        if micros == 0 {
            let digits = text.prefix { $0 != "e" && $0 != "E" }
            return digits.contains { $0 >= "1" && $0 <= "9" } ? .invalid("is below a millionth, which pricedb does not keep") : .noPrice
        }
        let price = Money(micros: micros)
        return price.perGPU(of: gpuCount) >= Money.largestHourlyPerGPU ? .notOffered : .price(price)
    }

    private struct Columns {
        var index: [String: Int]
        var count: Int
    }

    private func header(_ reader: inout CSVReader) throws -> Columns {
        guard let names = try nextRecord(&reader) else { throw invalid("the file is empty; expected a SkyPilot catalog header") }
        var index: [String: Int] = [:]
        let canonical = Dictionary(
            uniqueKeysWithValues: (Self.requiredColumns + ["SpotPrice", "AvailabilityZone"]).map { ($0.lowercased(), $0) })
        for (position, name) in names.enumerated() {
            // A spreadsheet that saved the file may have put a byte order mark before the first name.
            let trimmed = name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            index[canonical[trimmed.lowercased()] ?? trimmed] = position
        }
        let missing = Self.requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw IngestError.invalid(
                file: path,
                diagnostics: [
                    Diagnostic(
                        file: path, path: nil, position: TextPosition(line: 1, column: 1),
                        message: "the header lacks \(missing.joined(separator: ", ")); a SkyPilot catalog has "
                            + "InstanceType, AcceleratorName, AcceleratorCount, Region, Price (SpotPrice and AvailabilityZone optional)")
                ])
        }
        return Columns(index: index, count: names.count)
    }

    private func nextRecord(_ reader: inout CSVReader) throws -> [String]? {
        do {
            return try reader.next()
        } catch {
            throw IngestError.invalid(
                file: path, diagnostics: [Diagnostic(file: path, path: nil, position: TextPosition(line: error.line, column: 1), message: error.message)])
        }
    }

    private func providerDeclaration(_ known: [Provider]) throws -> ProviderDeclaration? {
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
        .invalid(file: path, diagnostics: [Diagnostic(file: path, path: nil, position: nil, message: message)])
    }
}
