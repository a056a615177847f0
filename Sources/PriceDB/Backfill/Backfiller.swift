import Foundation

/// `pricedb backfill`: the history of a catalog repository (SkyPilot's `catalogs/vN/<cloud>/vms.csv`) as
/// observations. Each cloud's catalog is one feed, whichever layout version held it: at each commit the newest
/// version folder that has the cloud's catalog is read, and a version stands for every day from its commit's
/// day (UTC; the last commit of a day stands for it) until the day before the next version, or through the
/// repository's newest commit. Days the feed was already observed are left as they are, so a second run
/// stores nothing and an interrupted one resumes where it stopped.
public struct Backfiller: Sendable {
    public let store: PriceStore
    public let repository: GitRepository
    public let today: Day

    public init(store: PriceStore, repository: GitRepository, today: Day = .today()) {
        self.store = store
        self.repository = repository
        self.today = today
    }

    /// One version of a cloud's catalog and the days it stands for.
    public struct Version: Sendable {
        public let cloud: String
        public let commit: String
        public let path: String
        public let blob: String
        public let first: Day
        public let last: Day
    }

    /// The versions of each cloud (`clouds`, else every cloud the registry knows that the repository has),
    /// within `since` and `until`.
    public func plan(clouds: [String]?, since: Day?, until: Day?) throws(GitRepository.Failure) -> [(cloud: String, versions: [Version])] {
        let commits = try repository.commits(touching: "catalogs")
        let newest = Day(ordinal: try repository.newestCommitTime() / 86_400)
        var layouts: [String: Set<Int>] = [:]
        var touching: [String: [GitRepository.Commit]] = [:]
        for commit in commits {
            var seen: Set<String> = []
            for path in commit.paths {
                guard let (version, cloud) = Self.catalogPath(path) else { continue }
                layouts[cloud, default: []].insert(version)
                if seen.insert(cloud).inserted { touching[cloud, default: []].append(commit) }
            }
        }
        let chosen = clouds ?? ProviderRegistry.entries.map(\.provider.id).filter { layouts[$0] != nil }
        var plan: [(cloud: String, versions: [Version])] = []
        for cloud in chosen {
            let versionsDescending = (layouts[cloud] ?? []).sorted(by: >)
            // The last commit of each day stands for the day.
            var byDay: [(day: Day, commit: String)] = []
            for commit in touching[cloud] ?? [] {
                if let last = byDay.last, last.day == commit.day { byDay.removeLast() }
                byDay.append((commit.day, commit.id))
            }
            var published: [(day: Day, commit: String, path: String, blob: String)?] = []
            var days: [Day] = []
            for (day, commit) in byDay {
                var found: (day: Day, commit: String, path: String, blob: String)?
                for version in versionsDescending {
                    let path = "catalogs/v\(version)/\(cloud)/vms.csv"
                    if let blob = try repository.fileID(path, at: commit) {
                        found = (day, commit, path, blob)
                        break
                    }
                }
                // An unchanged newest version (a commit to an older layout only) is not a new version.
                if let found, let previous = published.last ?? nil, previous.blob == found.blob { continue }
                if found == nil, published.last.map({ $0 == nil }) ?? true { continue }
                published.append(found)
                days.append(day)
            }
            var versions: [Version] = []
            for (index, entry) in published.enumerated() {
                guard let entry else { continue }
                var last = index + 1 < days.count ? days[index + 1].adding(days: -1) : max(newest, entry.day)
                var first = entry.day
                if let since { first = max(first, since) }
                if let until { last = min(last, until) }
                last = min(last, today)
                guard first <= last else { continue }
                versions.append(Version(cloud: cloud, commit: entry.commit, path: entry.path, blob: entry.blob, first: first, last: last))
            }
            plan.append((cloud, versions))
        }
        return plan
    }

    /// `catalogs/v7/aws/vms.csv` as (7, "aws").
    static func catalogPath(_ path: String) -> (Int, String)? {
        let parts = path.split(separator: "/")
        guard parts.count == 4, parts[0] == "catalogs", parts[3] == "vms.csv", parts[1].first == "v",
            let version = Int(parts[1].dropFirst()), SnapshotDecoder.isSlug(String(parts[2]))
        else { return nil }
        return (version, String(parts[2]))
    }

    /// What one cloud's backfill did.
    public struct Summary: Sendable {
        public var cloud: String
        public var stored = 0
        /// Versions whose days were all observed already (a run before, or another source of the same feed).
        public var alreadyStored = 0
        public var days = 0
        public var first: Day?
        public var last: Day?
        /// Versions that could not be stored, each with why (`commit:path: error: …`).
        public var problems: [String] = []
        /// The worst exit status of a problem (65 bad catalog, 74 database).
        public var exitCode: Int32 = 0

        /// `aws: 120 versions stored (2024-01-03 to 2026-12-05, 1,067 days); 3 already stored; 1 skipped`.
        public var line: String {
            var text = "\(cloud): \(stored.formatted()) version\(stored == 1 ? "" : "s") stored"
            if let first, let last { text += " (\(first) to \(last), \(days.formatted()) day\(days == 1 ? "" : "s"))" }
            if alreadyStored > 0 { text += "; \(alreadyStored.formatted()) already stored" }
            if !problems.isEmpty { text += "; \(problems.count.formatted()) skipped" }
            return text
        }
    }

    /// Stores `versions` of one cloud, each in its own transaction (the log is checkpointed once, at the end);
    /// `progress` hears each version done.
    public func run(
        _ cloud: String, versions: [Version], progress: (Int) -> Void = { _ in }
    ) throws(StoreError) -> Summary {
        var summary = Summary(cloud: cloud)
        let store = try self.store.forBulkWrites()
        let ingestor = try Ingestor(store: store, today: today).readingTheCatalogOnce()
        let folder = FileManager.default.temporaryDirectory
        for (index, version) in versions.enumerated() {
            defer { progress(index + 1) }
            let observed = try store.observedDays(
                provider: cloud, source: SkyPilotCatalog.format, from: version.first, through: version.last)
            let segments = Self.gaps(from: version.first, through: version.last, leaving: observed)
            guard !segments.isEmpty else {
                summary.alreadyStored += 1
                continue
            }
            let name = "\(version.commit.prefix(12)):\(version.path)"
            let file = folder.appendingPathComponent("pricedb-backfill-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                let bytes = try repository.contents(of: version.blob)
                guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
                    throw StoreError.cannotOpen(path: file, reason: "cannot write a temporary copy of the catalog")
                }
            } catch let error as StoreError {
                throw error
            } catch {
                summary.problems.append("\(name): error: \(error.localizedDescription)")
                summary.exitCode = max(summary.exitCode, 66)
                continue
            }
            var failed = false
            for segment in segments where !failed {
                let options = CatalogOptions(
                    providerID: cloud, observedOn: segment.first, skipUnknown: true,
                    source: Source(name: "SkyPilot catalog", url: "\(repository.path)@\(version.commit):\(version.path)", published: version.first),
                    observedThrough: segment.last)
                do throws(IngestError) {
                    _ = try ingestor.ingest(fileAt: file, named: name, format: .skypilotCSV, catalogOptions: options)
                    summary.days += segment.last.ordinal - segment.first.ordinal + 1
                } catch {
                    if case .store(_, let storeError) = error, storeError.exitCode == 74 { throw storeError }
                    summary.problems.append(error.localizedDescription)
                    summary.exitCode = max(summary.exitCode, error.exitCode)
                    failed = true
                }
            }
            if failed { continue }
            summary.stored += 1
            summary.first = min(summary.first ?? version.first, version.first)
            summary.last = max(summary.last ?? version.last, version.last)
        }
        try store.finishWrites()
        return summary
    }

    /// The spans of days from `first` through `last` that `observed` does not hold.
    static func gaps(from first: Day, through last: Day, leaving observed: Set<Day>) -> [(first: Day, last: Day)] {
        var spans: [(first: Day, last: Day)] = []
        var start: Day?
        var day = first
        while day <= last {
            if observed.contains(day) {
                if let open = start { spans.append((open, day.adding(days: -1))) }
                start = nil
            } else if start == nil {
                start = day
            }
            if day == last { break }
            day = day.adding(days: 1)
        }
        if let open = start { spans.append((open, last)) }
        return spans
    }
}
