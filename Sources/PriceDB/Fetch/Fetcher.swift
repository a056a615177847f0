import Foundation
import ZIPFoundation

/// `pricedb fetch`: downloads the configured sources (several at once) and ingests them one at a time, each in
/// its own transaction, as a file of the same kind would be ingested: a fetcher never writes SQL. An unchanged
/// source (`304 Not Modified`) is ingested again from its cached copy under the new day, so its runs extend.
public struct Fetcher: Sendable {
    public let store: PriceStore
    public let downloader: HTTPDownloader
    /// The day what is fetched was observed.
    public let observedOn: Day
    /// Where the last body of each source is kept (by its hash), for a `304 Not Modified` to be re-observed from.
    public let cacheFolder: URL
    /// The latest day an observation may carry; tests pin it.
    public let today: Day

    public init(store: PriceStore, downloader: HTTPDownloader, observedOn: Day, cacheFolder: URL, today: Day = .today()) {
        self.store = store
        self.downloader = downloader
        self.observedOn = observedOn
        self.cacheFolder = cacheFolder
        self.today = today
    }

    /// Where the cache is when not told: `$XDG_CACHE_HOME/pricedb/fetch`, else `~/.cache/pricedb/fetch`.
    public static func defaultCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        URL(fileURLWithPath: DatabaseLocation.baseFolder("XDG_CACHE_HOME", else: ".cache", environment: environment) + "/pricedb/fetch")
    }

    /// This moment in UTC, ISO 8601 with milliseconds: what `fetch` records and compares, fine enough that a
    /// fetch started after another ended never takes the other's sources for its own.
    public static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// What happened to one source: one line of `fetch`'s output.
    public struct Line: Sendable {
        public enum Result: Sendable, Equatable {
            case stored(String)
            case unchanged(String)
            /// Not reached, or answered with an error (exit 69).
            case unreachable(String)
            /// A body that is not what the source should give (exit 65).
            case badBody(String)
            /// The database failed while storing it (exit 74).
            case databaseError(String)
        }

        public var source: FetchSource
        public var result: Result

        public var failed: Bool {
            switch result {
            case .stored, .unchanged: return false
            case .unreachable, .badBody, .databaseError: return true
            }
        }

        /// `aws: stored …`, `ecb: unchanged …`, `lambda: failed: HTTP 404 Not Found (https://…)`.
        public var text: String {
            switch result {
            case .stored(let what): return "\(source.name): stored \(what)"
            case .unchanged(let why): return "\(source.name): unchanged (\(why))"
            case .unreachable(let why), .badBody(let why), .databaseError(let why):
                return "\(source.name): failed: \(why) (\(source.url))"
            }
        }

        /// 0, or 69, 65 or 74 as `fetch --help` says.
        public var exitCode: Int32 {
            switch result {
            case .stored, .unchanged: return 0
            case .unreachable: return 69
            case .badBody: return 65
            case .databaseError: return 74
            }
        }
    }

    /// Fetches `sources`; `fetchedSince` leaves out a source another `fetch` stored after that moment (as
    /// `now()` writes it), for a fetch that waited for it. `progress` hears each step, for a display on a terminal; `report`
    /// each source's line as soon as it is known.
    public func fetch(
        _ sources: [FetchSource], fetchedSince: String? = nil, progress: @escaping @Sendable (String) -> Void = { _ in },
        report: (Line) -> Void = { _ in }
    ) throws(StoreError) -> [Line] {
        let states = try store.fetchStates()
        var lines: [Line] = []
        var pending: [FetchSource] = []
        for source in sources {
            if let fetchedSince, let state = states[source.name], state.url == source.url, state.lastError == nil,
                let last = state.lastFetched, last > fetchedSince
            {
                let line = Line(source: source, result: .unchanged("fetched by another pricedb fetch while this one waited"))
                lines.append(line)
                report(line)
            } else {
                pending.append(source)
            }
        }
        do {
            try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        } catch {
            let reason = "cannot create the cache folder \(cacheFolder.path): \(error.localizedDescription); set XDG_CACHE_HOME"
            for source in pending {
                let line = Line(source: source, result: .unreachable(reason))
                lines.append(line)
                report(line)
            }
            return lines
        }
        let downloads = download(pending, states: states, progress: progress)
        for (index, source) in pending.enumerated() {
            progress("storing \(index + 1) of \(pending.count): \(source.name)")
            let line = try store(source, download: downloads[index], state: states[source.name])
            lines.append(line)
            report(line)
        }
        return lines
    }

    /// Downloads every source, `policy.concurrency` at a time; the results in the order of `sources`.
    private func download(
        _ sources: [FetchSource], states: [String: PriceStore.FetchState], progress: @escaping @Sendable (String) -> Void
    ) -> [Result<HTTPDownloader.Outcome, HTTPDownloader.Failure>] {
        let results = Results(count: sources.count)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = downloader.policy.concurrency
        let folder = cacheFolder
        let downloader = self.downloader
        for (index, source) in sources.enumerated() {
            // Validators only for the same URL, and only while the body they describe is in the cache.
            let state = states[source.name].flatMap { $0.url == source.url ? $0 : nil }
            let cached = state?.sha256.map { folder.appendingPathComponent($0).path }.map(FileManager.default.fileExists) ?? false
            queue.addOperation {
                guard let url = URL(string: source.url) else {
                    results.set(index, .failure(.unreachable("not a URL")))
                    return
                }
                progress("downloading \(source.name)")
                results.set(
                    index,
                    downloader.get(url, etag: cached ? state?.etag : nil, lastModified: cached ? state?.lastModified : nil, into: folder))
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return results.all
    }

    /// The downloads' results, set from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<HTTPDownloader.Outcome, HTTPDownloader.Failure>]

        init(count: Int) {
            values = Array(repeating: .failure(.unreachable("not downloaded")), count: count)
        }

        func set(_ index: Int, _ value: Result<HTTPDownloader.Outcome, HTTPDownloader.Failure>) {
            lock.withLock { values[index] = value }
        }

        var all: [Result<HTTPDownloader.Outcome, HTTPDownloader.Failure>] { lock.withLock { values } }
    }

    /// Ingests one source's download and remembers what the fetch found.
    private func store(
        _ source: FetchSource, download: Result<HTTPDownloader.Outcome, HTTPDownloader.Failure>, state: PriceStore.FetchState?
    ) throws(StoreError) -> Line {
        let now = Self.now()
        var next = state.flatMap { $0.url == source.url ? $0 : nil } ?? PriceStore.FetchState(name: source.name, url: source.url)
        func failed(_ result: Line.Result) throws(StoreError) -> Line {
            let line = Line(source: source, result: result)
            next.lastError = line.text
            next.lastErrorAt = now
            try store.remember(next)
            return line
        }
        let body: String
        var notModified = false
        switch download {
        case .failure(.unreachable(let reason)): return try failed(.unreachable(reason))
        case .failure(.badBody(let reason)): return try failed(.badBody(reason))
        case .success(.notModified):
            guard let sha = next.sha256 else { return try failed(.unreachable("a 304 Not Modified for a source never downloaded")) }
            body = cacheFolder.appendingPathComponent(sha).path
            notModified = true
        case .success(.body(let path, let etag, let lastModified)):
            body = path
            next.etag = etag
            next.lastModified = lastModified
        }
        defer { if !notModified { try? FileManager.default.removeItem(atPath: body) } }
        let sha: String
        do {
            sha = try ContentHash.ofFile(at: body)
        } catch {
            return try failed(.unreachable(notModified ? "the cached copy is gone: \(error.localizedDescription)" : error.localizedDescription))
        }
        let result: Line.Result
        do {
            result = try ingest(source, body: body)
        } catch {
            switch error {
            case .invalid(_, let diagnostics):
                let first = diagnostics.first.map { ($0.position.map { "line \($0.line): " } ?? "") + $0.message } ?? "not valid"
                return try failed(.badBody("the body is not a valid \(Self.expected(source.kind)): \(first)"))
            case .unreadable(_, let reason): return try failed(.unreachable(reason))
            case .store(_, let error): return try failed(.databaseError(error.localizedDescription))
            }
        }
        if !notModified {
            let cached = cacheFolder.appendingPathComponent(sha).path
            if let old = next.sha256, old != sha { try? FileManager.default.removeItem(atPath: cacheFolder.appendingPathComponent(old).path) }
            try? FileManager.default.removeItem(atPath: cached)
            try? FileManager.default.copyItem(atPath: body, toPath: cached)
        }
        if next.sha256 != sha { next.lastChanged = now }
        next.sha256 = sha
        next.lastFetched = now
        next.lastError = nil
        next.lastErrorAt = nil
        try store.remember(next)
        if notModified, case .stored(let what) = result {
            return Line(source: source, result: .stored("\(what), unchanged since the last fetch (304 Not Modified)"))
        }
        return Line(source: source, result: result)
    }

    private static func expected(_ kind: FetchSource.Kind) -> String {
        switch kind {
        case .catalog: return "SkyPilot catalog"
        case .ecbRates: return "ECB reference-rate file"
        case .snapshot: return "snapshot JSON"
        }
    }

    /// Ingests a downloaded body as its source's kind says, after a look at its first bytes: an HTML page
    /// served with status 200 (a login wall, an error page) is refused before it is parsed.
    private func ingest(_ source: FetchSource, body: String) throws(IngestError) -> Line.Result {
        let head = try Ingestor.head(of: body)
        let ingestor = Ingestor(store: store, today: today)
        func refuse(_ what: String) -> IngestError {
            let start = String(decoding: head.prefix(40), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return .invalid(
                file: source.url,
                diagnostics: [
                    Diagnostic(file: source.url, path: nil, position: nil, message: "\(what); it starts \"\(UntrustedText.shown(start))\"")
                ])
        }
        switch source.kind {
        case .catalog(let provider):
            guard SkyPilotCatalog.looksLikeCatalog(head) else { throw refuse("no catalog header (InstanceType, AcceleratorName, …)") }
            let known = (try? store.providers())?.contains { $0.id == provider } == true || ProviderRegistry.provider(id: provider) != nil
            let options = CatalogOptions(
                providerID: provider, observedOn: observedOn, providerName: known ? nil : provider,
                providerKind: known ? nil : .other, skipUnknown: true,
                source: Source(name: "SkyPilot catalog", url: source.url, published: nil))
            return describe(try ingestor.ingest(fileAt: body, named: source.url, format: .skypilotCSV, catalogOptions: options))
        case .ecbRates:
            if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                let csv = try Self.unzipRates(body, name: source.url)
                defer { try? FileManager.default.removeItem(atPath: csv) }
                return describe(try ingestor.ingest(fileAt: csv, named: source.url, format: .ecbRates))
            }
            guard ReferenceRates.looksLikeRates(head) else { throw refuse("neither a zip nor the ECB's CSV (header Date,USD,…)") }
            return describe(try ingestor.ingest(fileAt: body, named: source.url, format: .ecbRates))
        case .snapshot:
            guard head.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "{") else {
                throw refuse("not snapshot JSON (which starts with '{')")
            }
            return describe(try ingestor.ingest(fileAt: body, named: source.url, format: .json))
        }
    }

    /// The CSV a zip of the ECB's rates holds (`eurofxref-hist.csv`, or its only `.csv`), set down beside it.
    private static func unzipRates(_ path: String, name: String) throws(IngestError) -> String {
        func invalid(_ message: String) -> IngestError {
            .invalid(file: name, diagnostics: [Diagnostic(file: name, path: nil, position: nil, message: message)])
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw invalid("the zip cannot be read: \(error.localizedDescription)")
        }
        let csvs = archive.filter { $0.type == .file && $0.path.lowercased().hasSuffix(".csv") }
        guard let entry = csvs.first(where: { $0.path.hasSuffix("eurofxref-hist.csv") }) ?? (csvs.count == 1 ? csvs.first : nil) else {
            throw invalid("the zip holds no eurofxref-hist.csv")
        }
        guard entry.uncompressedSize <= UInt64(Ingestor.maximumJSONBytes) else {
            throw invalid("the zip's \(entry.path) is larger than \(Ingestor.maximumJSONBytes >> 20) MB unpacked")
        }
        let output = path + ".csv"
        do {
            _ = try archive.extract(entry, to: URL(fileURLWithPath: output), skipCRC32: false)
        } catch {
            try? FileManager.default.removeItem(atPath: output)
            throw invalid("the zip's \(entry.path) cannot be unpacked: \(error.localizedDescription)")
        }
        return output
    }

    private func describe(_ outcome: Ingestor.Outcome) -> Line.Result {
        switch outcome {
        case .stored(let snapshot, _), .storedCatalog(let snapshot, _, _):
            return .stored(
                "snapshot \(snapshot.id) (observed \(snapshot.observedOn)): \(snapshot.observationCount.formatted()) offer"
                    + (snapshot.observationCount == 1 ? "" : "s"))
        case .alreadyIngested(let earlier):
            return .unchanged("the same content is stored for \(earlier.observedOn) as snapshot \(earlier.id)")
        case .storedRates(let rates):
            if rates.added == 0 && rates.changed == 0 { return .unchanged("every rate is stored already, to \(rates.last)") }
            return .stored("exchange rates to \(rates.last): \(rates.added.formatted()) new, \(rates.changed.formatted()) changed")
        case .validated, .validatedCatalog, .validatedRates:
            return .unchanged("a dry run stores nothing")
        }
    }
}
