import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files and stores each as one snapshot: file → decode → validate → resolve names → one
/// transaction. Each file stands alone: a bad file stores nothing and does not stop the next.
public struct Ingestor: Sendable {
    /// Where files are stored: the database, or for a dry run a scratch copy of it.
    public let store: PriceStore
    /// The latest day an observation may carry; tests pin it.
    public let today: Day
    /// Files are stored into a scratch copy of the database, so that each later file of a dry run sees what
    /// the earlier ones would have stored, and outcomes say what would be stored.
    public let isDryRun: Bool
    /// The GPU catalog, read once for a run of catalogs that add no GPUs of their own (`backfill`); else read
    /// from the database for each file, which may have declared new GPUs.
    private var knownCatalog: GPUCatalog?

    /// An ingestor writing to `store`; `today` bounds the observation dates it accepts.
    public init(store: PriceStore, today: Day = .today()) {
        self.store = store
        self.today = today
        self.isDryRun = false
    }

    /// An ingestor for a dry run: it writes to a scratch copy of `store` and leaves `store` untouched.
    public init(dryRunOf store: PriceStore, today: Day = .today()) throws(StoreError) {
        self.store = try store.scratchCopy()
        self.today = today
        self.isDryRun = true
    }

    /// This ingestor with the GPU catalog read once, for many catalogs in a row.
    public func readingTheCatalogOnce() throws(StoreError) -> Ingestor {
        var ingestor = self
        ingestor.knownCatalog = try store.catalog()
        return ingestor
    }

    /// What happened to one file.
    public enum Outcome: Sendable {
        /// Stored, in place of the snapshots in `replaced` (with `replacing`).
        case stored(StoredSnapshot, replaced: [StoredSnapshot])
        /// The same bytes were ingested before; nothing was written.
        case alreadyIngested(StoredSnapshot)
        /// A dry run: the file is valid and this is what would be stored, in place of `replacing`.
        case validated(SnapshotRecord, replacing: [StoredSnapshot])
        /// A SkyPilot catalog was stored, with what its rows held.
        case storedCatalog(StoredSnapshot, CatalogCounts, replaced: [StoredSnapshot])
        /// A dry run of a SkyPilot catalog: it is valid and would give these observations.
        case validatedCatalog(CatalogCounts, replacing: [StoredSnapshot])
        /// ECB reference rates were stored.
        case storedRates(RateImport)
        /// A dry run of ECB reference rates: they are valid, and this is what storing them would do.
        case validatedRates(RateImport)
    }

    /// The formats `ingest` reads.
    public enum Format: String, CaseIterable, Sendable {
        case json
        case skypilotCSV = "skypilot-csv"
        /// The ECB's reference-rate history, `eurofxref-hist.csv`.
        case ecbRates = "ecb-rates"

        /// The format a file's first bytes show: a SkyPilot catalog or ECB rates by their header, else JSON.
        static func recognised(from head: [UInt8]) -> Format {
            if SkyPilotCatalog.looksLikeCatalog(head) { return .skypilotCSV }
            if ReferenceRates.looksLikeRates(head) { return .ecbRates }
            return .json
        }
    }

    /// Ingests the file at `path`. The format is `format`, else a SkyPilot catalog or ECB rates if the first
    /// line is their header, else snapshot JSON; a catalog needs `catalogOptions` (its provider and date). With
    /// `replacing`, the file takes the place of the stored snapshots of the same day, source and provider(s) (a
    /// correction).
    public func ingest(
        fileAt path: String, named name: String? = nil, format: Format? = nil, catalogOptions: CatalogOptions? = nil,
        replacing: Bool = false
    ) throws(IngestError) -> Outcome {
        let name = name ?? path
        let head = try Self.head(of: path)
        let detected = format ?? Format.recognised(from: head)
        switch detected {
        case .json:
            try Self.refuseUnlessText(head, name: name)
            return try ingest(bytes: try Self.read(path, named: name), fileName: name, replacing: replacing)
        case .skypilotCSV:
            guard let catalogOptions else { throw Self.catalogNeedsOptions(name) }
            return try ingestCatalog(fileAt: path, named: name, options: catalogOptions, replacing: replacing)
        case .ecbRates:
            return try ingestRates(fileAt: path, named: name)
        }
    }

    /// The largest snapshot JSON read: a snapshot is read whole, and no snapshot of every public catalog comes
    /// near it. (Catalogs and rates are read a record at a time, whatever their size.)
    public static let maximumJSONBytes = 512 << 20

    /// Refuses at once, by its first bytes, a file that is not text: compressed, UTF-16 or UTF-32, or binary
    /// (a NUL byte), rather than reading all of it first.
    static func refuseUnlessText(_ head: [UInt8], name: String) throws(IngestError) {
        let wrapping = Self.wrapping(of: head) ?? (head.contains(0) ? "binary data (it holds NUL bytes), not text" : nil)
        guard let wrapping else { return }
        throw .invalid(
            file: name,
            diagnostics: [Diagnostic(file: name, path: nil, position: TextPosition(line: 1, column: 1), message: "the file is \(wrapping)")])
    }

    /// Stores the rates of an ECB reference-rate file, all or none.
    private func ingestRates(fileAt path: String, named name: String) throws(IngestError) -> Outcome {
        try Self.checkReadable(path)
        let rates = try ReferenceRates.read(path: path, displayName: name, today: today)
        do {
            let result = try store.record(rates)
            return isDryRun ? .validatedRates(result) : .storedRates(result)
        } catch {
            throw .store(file: name, error)
        }
    }

    private func ingestCatalog(
        fileAt path: String, named name: String? = nil, options: CatalogOptions, replacing: Bool
    ) throws(IngestError) -> Outcome {
        do {
            var reader = SkyPilotCatalog(path: path, options: options, catalog: try knownCatalog ?? store.catalog(), today: today)
            reader.displayName = name
            let (outcome, counts) = try reader.ingest(into: store, knownProviders: ProviderRegistry.adding(to: try store.providers()), replacing: replacing)
            switch outcome {
            case .stored(let snapshot, let replaced):
                return isDryRun ? .validatedCatalog(counts, replacing: replaced) : .storedCatalog(snapshot, counts, replaced: replaced)
            case .alreadyIngested(let earlier): return .alreadyIngested(earlier)
            }
        } catch let error as IngestError {
            throw error
        } catch let error as StoreError {
            throw .store(file: path, error)
        } catch {
            throw .store(file: path, .sqlite(PriceStore.reason(error)))
        }
    }

    /// Ingests what standard input held (`pricedb ingest -`), as `readStandardInput` set it down in a file.
    public func ingest(
        standardInput path: String, format: Format? = nil, catalogOptions: CatalogOptions? = nil, replacing: Bool = false
    ) throws(IngestError) -> Outcome {
        try ingest(fileAt: path, named: "-", format: format, catalogOptions: catalogOptions, replacing: replacing)
    }

    /// Sets standard input down in a temporary file (which the caller removes), a chunk at a time, so
    /// that memory stays the same whatever comes in: its first bytes are judged at once (binary data is
    /// refused before more is read), and snapshot JSON beyond `maximumJSONBytes` is refused when it gets there.
    public static func readStandardInput(_ input: FileHandle = .standardInput) throws(IngestError) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pricedb-stdin-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            throw .unreadable(file: "-", reason: "cannot set standard input down in \(path)")
        }
        defer { try? output.close() }
        var finished = false
        defer { if !finished { try? FileManager.default.removeItem(atPath: path) } }
        var total = 0
        var limit = Int.max
        while true {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            if total == 0 {
                let head = [UInt8](chunk.prefix(4096))
                let format = Format.recognised(from: head)
                if format == .json {
                    try refuseUnlessText(head, name: "-")
                    limit = maximumJSONBytes
                }
            }
            total += chunk.count
            if total > limit { throw tooLarge("-") }
            do {
                try output.write(contentsOf: chunk)
            } catch {
                throw .unreadable(file: "-", reason: "cannot set standard input down in \(path): \(error.localizedDescription)")
            }
        }
        finished = true
        return path
    }

    static func tooLarge(_ name: String) -> IngestError {
        .invalid(
            file: name,
            diagnostics: [
                Diagnostic(
                    file: name, path: nil, position: nil,
                    message: "snapshot JSON larger than \(maximumJSONBytes >> 20) MB is not read; split it into one file per "
                        + "provider or day")
            ])
    }

    /// Ingests a file's content; `fileName` names it in messages and in the snapshot's provenance.
    public func ingest(bytes: [UInt8], fileName: String, replacing: Bool = false) throws(IngestError) -> Outcome {
        let sha256 = ContentHash.of(bytes)
        do {
            if let earlier = try store.snapshot(sha256: sha256) {
                return .alreadyIngested(earlier)
            }
            let record = try decode(bytes: bytes, fileName: fileName, sha256: sha256)
            switch try store.record(record, replacing: replacing) {
            case .stored(let snapshot, let replaced):
                return isDryRun ? .validated(record, replacing: replaced) : .stored(snapshot, replaced: replaced)
            case .alreadyIngested(let earlier): return .alreadyIngested(earlier)
            }
        } catch let error as StoreError {
            throw .store(file: fileName, error)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .store(file: fileName, .sqlite(String(describing: error)))
        }
    }

    /// What a file that is not UTF-8 text is, with how to turn it into some, judged by its first bytes: a
    /// download left compressed, or a spreadsheet saved as "Unicode text", is a common first attempt.
    static func wrapping(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x1F, 0x8B]) {
            return "gzip-compressed, not text: decompress it first (gunzip -c FILE | pricedb ingest … -)"
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "a zip archive, not text: unpack it first and ingest the files it holds"
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return "UTF-32 text, and pricedb reads UTF-8: convert it first (iconv -f UTF-32 -t UTF-8 FILE > FILE.utf8)"
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "UTF-16 text, and pricedb reads UTF-8: convert it first (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8)"
        }
        return nil
    }

    private func decode(bytes: [UInt8], fileName: String, sha256: String) throws -> SnapshotRecord {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            var message = error.message
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if let wrapping = Self.wrapping(of: bytes) {
                message = "the file is \(wrapping)"
            } else if let first, first != UInt8(ascii: "{"), first != UInt8(ascii: "["), first != 0xEF {
                message += "; the file is neither snapshot JSON (which starts with '{'), a SkyPilot CSV catalog "
                    + "(whose header names InstanceType and AcceleratorName), nor ECB reference rates (whose header starts Date,)"
            }
            throw IngestError.invalid(
                file: fileName,
                diagnostics: [Diagnostic(file: fileName, path: nil, position: error.position, message: message)])
        }
        var decoder = SnapshotDecoder(
            file: fileName, today: today, catalog: try store.catalog(), knownProviders: ProviderRegistry.adding(to: try store.providers()))
        guard let content = decoder.decode(root) else {
            throw IngestError.invalid(file: fileName, diagnostics: decoder.diagnostics)
        }
        return SnapshotRecord(
            sha256: sha256, format: SnapshotDecoder.format, observedOn: content.observedOn, source: content.source,
            fileName: (fileName as NSString).lastPathComponent, providers: content.providers,
            declaredGPUs: content.declaredGPUs, usedGPUs: content.usedGPUs, observations: content.observations,
            skippedCount: 0)
    }

    private static func catalogNeedsOptions(_ name: String) -> IngestError {
        .invalid(
            file: name,
            diagnostics: [
                Diagnostic(
                    file: name, path: nil, position: nil,
                    message: "a SkyPilot CSV catalog does not say whose prices it holds; give --provider ID, or keep the file "
                        + "as <cloud>/vms.csv, as SkyPilot publishes it (aws/vms.csv)")
            ])
    }

    /// The first bytes of a file, enough to recognise its format.
    static func head(of path: String) throws(IngestError) -> [UInt8] {
        try checkReadable(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        return [UInt8](handle.readData(ofLength: 4096))
    }

    /// Only regular files are read: a FIFO, socket or device could block forever or never end.
    static func checkReadable(_ path: String) throws(IngestError) {
        switch FileKind(of: path) {
        case .missing(true):
            throw .unreadable(file: path, reason: "permission denied")
        case .missing(false) where path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://"):
            throw .unreadable(
                file: path,
                reason: "ingest reads files; to download a catalog or snapshot, add it to fetch's sources file as "
                    + "[[source]] url = \"…\" and run `pricedb fetch` (see `pricedb fetch --help`)")
        case .missing(false) where path.contains(where: { "*?[".contains($0) }):
            // A shell passes a pattern that matched nothing on as written: a cron job's empty folder.
            throw .unreadable(file: path, reason: "no such file; no file matched this pattern")
        case .missing(false):
            throw .unreadable(file: path, reason: "no such file")
        case .regular: return
        case .folder: throw .unreadable(file: path, reason: "it is a directory; name the files in it (\(path)/*.json)")
        case .pipe: throw .unreadable(file: path, reason: "it is a FIFO, not a regular file; to read a stream, pipe it to `pricedb ingest -`")
        case .device: throw .unreadable(file: path, reason: "it is a socket or device, not a regular file")
        }
    }

    static func read(_ path: String, named name: String) throws(IngestError) -> [UInt8] {
        try checkReadable(path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumJSONBytes { throw tooLarge(name) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: name, reason: "permission denied or not a regular file")
        }
        return [UInt8](data)
    }
}
