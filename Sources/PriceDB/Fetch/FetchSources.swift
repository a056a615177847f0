import Foundation
import TOMLKit

/// One thing `fetch` downloads and ingests.
public struct FetchSource: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A cloud's SkyPilot catalog (`<base_url>/<cloud>/vms.csv`), stored as that cloud's catalog feed.
        case catalog(provider: String)
        /// The ECB's reference rates, as a zip holding `eurofxref-hist.csv` or as the CSV itself.
        case ecbRates
        /// A snapshot JSON of the user's own.
        case snapshot
    }

    /// How `fetch` lines, `fetch --list` and `fetch NAME` call it: the cloud's id, `ecb`, or the `name` a
    /// `[[source]]` gives (else its provider, else its URL).
    public var name: String
    public var url: String
    public var kind: Kind
}

/// How `fetch` talks HTTP; a sources file's `[http]` table may change any of it.
public struct HTTPPolicy: Hashable, Sendable {
    /// Seconds to wait for a connection, and for each read once connected.
    public var connectTimeout: Double = 15
    /// Seconds a whole download may take.
    public var totalTimeout: Double = 300
    /// Attempts after the first for a connection error, a 5xx answer or a 429.
    public var retries = 3
    /// Seconds before the first retry, doubled for each next one, plus up to as much again at random.
    public var backoff: Double = 1
    /// The longest wait a `Retry-After` may ask for.
    public var longestRetryAfter: Double = 120
    /// The largest body read, in bytes.
    public var maximumBytes = 512 << 20
    /// Downloads at once.
    public var concurrency = 4

    public init() {}
}

/// The sources file of `pricedb fetch` (TOML), or what `fetch` reads without one:
///
///     [skypilot]
///     base_url = "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7"
///     clouds = ["aws", "lambda", "runpod"]      # default: every cloud of the registry whose catalog lists GPUs
///
///     [ecb]
///     url = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"   # a .zip or a plain .csv
///
///     [[source]]                                  # any number: snapshot JSON or a catalog
///     url = "https://example.org/prices.json"
///     name = "my-prices"                          # optional
///     provider = "acme"                           # catalogs only, when the URL does not name the cloud
///
///     [http]
///     timeout = 300          connect_timeout = 15          retries = 3
///     backoff = 1            max_bytes = 536870912          concurrency = 4
///
/// `[skypilot] enabled = false` or `[ecb] enabled = false` leaves one out.
public struct FetchSources: Sendable {
    public static let skyPilotBaseURL = "https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7"
    public static let ecbURL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"

    public var sources: [FetchSource]
    public var http = HTTPPolicy()

    /// What `fetch` reads without a sources file.
    public static var standard: FetchSources {
        FetchSources(sources: skyPilotSources(base: skyPilotBaseURL, clouds: ProviderRegistry.gpuClouds) + [ecbSource(ecbURL)])
    }

    /// Where the sources file is looked for when `--sources` is not given.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DatabaseLocation.baseFolder("XDG_CONFIG_HOME", else: ".config", environment: environment) + "/pricedb/sources.toml"
    }

    static func skyPilotSources(base: String, clouds: [String]) -> [FetchSource] {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return clouds.map { FetchSource(name: $0, url: "\(trimmed)/\($0)/vms.csv", kind: .catalog(provider: $0)) }
    }

    static func ecbSource(_ url: String) -> FetchSource {
        FetchSource(name: "ecb", url: url, kind: .ecbRates)
    }

    /// The sources of the file at `path`.
    public static func load(path: String) throws(FetchError) -> FetchSources {
        let bytes: [UInt8]
        do {
            bytes = try Ingestor.read(path, named: path)
        } catch {
            if case .unreadable(_, let reason) = error { throw .unreadable(path: path, reason: reason) }
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .sourcesFile(path: path, line: 1, reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(FetchError) -> FetchSources {
        let document: TOMLTable
        switch TOMLText.document(text) {
        case .success(let table): document = table
        case .failure(let problem): throw .sourcesFile(path: path, line: problem.line, reason: problem.reason)
        }
        func fail(_ reason: String) -> FetchError { .sourcesFile(path: path, line: nil, reason: reason) }
        func textValue(_ table: TOMLTable, _ key: String, in section: String) throws(FetchError) -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string, !string.isEmpty else { throw fail("[\(section)] \(key) takes text, such as \"…\"") }
            if let problem = UntrustedText.problem(string, limit: UntrustedText.longTextLimit) {
                throw fail("[\(section)] \(key) \(problem)")
            }
            return string
        }
        func url(_ table: TOMLTable, _ key: String, in section: String) throws(FetchError) -> String? {
            guard let value = try textValue(table, key, in: section) else { return nil }
            guard let parsed = URL(string: value), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else { throw fail("[\(section)] \(key) '\(UntrustedText.shown(value))' is not an http or https URL") }
            return value
        }
        func enabled(_ table: TOMLTable, in section: String) throws(FetchError) -> Bool {
            guard let value = table["enabled"] else { return true }
            guard let flag = value.bool else { throw fail("[\(section)] enabled takes true or false") }
            return flag
        }
        func check(_ table: TOMLTable, keys: [String], in section: String) throws(FetchError) {
            for key in table.keys where !keys.contains(key) {
                let close = EditDistance.question(EditDistance.closest(to: key, among: keys)).map { "; " + $0 } ?? ""
                throw fail("[\(section)] has no key '\(UntrustedText.shown(key))'\(close); it takes \(keys.joined(separator: ", "))")
            }
        }
        let sections = ["skypilot", "ecb", "source", "http"]
        for key in document.keys where !sections.contains(key) {
            throw fail("unknown table '\(UntrustedText.shown(key))'; a sources file has [skypilot], [ecb], [[source]] and [http]")
        }
        var result = FetchSources(sources: [])
        if let value = document["skypilot"] {
            guard let table = value.table else { throw fail("skypilot is a table: write [skypilot]") }
            try check(table, keys: ["base_url", "clouds", "enabled"], in: "skypilot")
            if try enabled(table, in: "skypilot") {
                let base = try url(table, "base_url", in: "skypilot") ?? skyPilotBaseURL
                var clouds = ProviderRegistry.gpuClouds
                if let list = table["clouds"] {
                    guard let array = list.array, array.allSatisfy({ $0.string != nil }) else {
                        throw fail("[skypilot] clouds takes a list of cloud ids, such as [\"aws\", \"lambda\"]")
                    }
                    clouds = array.compactMap(\.string)
                    for cloud in clouds where !SnapshotDecoder.isSlug(cloud) {
                        throw fail("[skypilot] clouds: '\(UntrustedText.shown(cloud))' is not a cloud id (lower-case letters, digits, hyphens)")
                    }
                }
                result.sources += skyPilotSources(base: base, clouds: clouds)
            }
        } else {
            result.sources += skyPilotSources(base: skyPilotBaseURL, clouds: ProviderRegistry.gpuClouds)
        }
        if let value = document["ecb"] {
            guard let table = value.table else { throw fail("ecb is a table: write [ecb]") }
            try check(table, keys: ["url", "enabled"], in: "ecb")
            if try enabled(table, in: "ecb") { result.sources.append(ecbSource(try url(table, "url", in: "ecb") ?? ecbURL)) }
        } else {
            result.sources.append(ecbSource(ecbURL))
        }
        if let value = document["source"] {
            guard let tables = value.array else { throw fail("source is a list of tables: write [[source]]") }
            for (index, entry) in tables.enumerated() {
                let section = "source #\(index + 1)"
                guard let table = entry.table else { throw fail("source is a list of tables: write [[source]]") }
                try check(table, keys: ["url", "name", "provider"], in: section)
                guard let address = try url(table, "url", in: section) else { throw fail("[\(section)] needs url") }
                let provider = try textValue(table, "provider", in: section) ?? ProviderRegistry.cloud(ofCatalogAt: URL(string: address)?.path ?? "")
                if let provider, !SnapshotDecoder.isSlug(provider) {
                    throw fail("[\(section)] provider '\(UntrustedText.shown(provider))' is not a provider id")
                }
                let name = try textValue(table, "name", in: section) ?? provider ?? address
                let isCatalog = provider != nil || address.lowercased().hasSuffix(".csv")
                if isCatalog && provider == nil {
                    throw fail("[\(section)] a catalog's URL does not name its cloud (…/<cloud>/vms.csv); add provider = \"id\"")
                }
                result.sources.append(FetchSource(name: name, url: address, kind: isCatalog ? .catalog(provider: provider ?? "") : .snapshot))
            }
        }
        if let value = document["http"] {
            guard let table = value.table else { throw fail("http is a table: write [http]") }
            try check(table, keys: ["timeout", "connect_timeout", "retries", "backoff", "max_bytes", "concurrency"], in: "http")
            func number(_ key: String, in range: ClosedRange<Double>) throws(FetchError) -> Double? {
                guard let value = table[key] else { return nil }
                guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
                    throw fail("[http] \(key) takes a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())")
                }
                return number
            }
            result.http.totalTimeout = try number("timeout", in: 0.1...86_400) ?? result.http.totalTimeout
            result.http.connectTimeout = try number("connect_timeout", in: 0.1...3_600) ?? result.http.connectTimeout
            result.http.retries = Int(try number("retries", in: 0...10) ?? Double(result.http.retries))
            result.http.backoff = try number("backoff", in: 0...600) ?? result.http.backoff
            result.http.maximumBytes = Int(try number("max_bytes", in: 1...Double(1 << 34)) ?? Double(result.http.maximumBytes))
            result.http.concurrency = Int(try number("concurrency", in: 1...32) ?? Double(result.http.concurrency))
        }
        var seen: Set<String> = []
        for source in result.sources where !seen.insert(source.name).inserted {
            throw fail("two sources are called '\(UntrustedText.shown(source.name))'; give one a name = \"…\"")
        }
        return result
    }
}
