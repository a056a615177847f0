import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct Backfill: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backfill",
            abstract: "Years of price history from a catalog repository's git history (SkyPilot's catalogs).",
            usage: "pricedb backfill --git <path> [--clouds <ids>] [--since <date>] [options]",
            discussion: """
                Reads a local clone of github.com/skypilot-org/skypilot-catalog (a partial clone is enough: \
                git clone --filter=blob:none https://github.com/skypilot-org/skypilot-catalog). Every commit \
                that changed a cloud's catalog is a version of it, observed on the commit's day (UTC; the last \
                commit of a day stands for the day). At each commit the newest layout folder (catalogs/v7, v6, \
                v5, …) that holds the cloud's vms.csv is read, so no day is counted twice. A version stands for \
                every day until the day before the next version, or through the repository's newest commit: \
                the catalog was published unchanged then, so its prices are not stale. A cloud's catalog is one \
                feed whether backfilled, fetched or ingested, so the past continues into the present.

                Days already observed are left as they are: a second run stores nothing, and a run that was \
                interrupted (each version is its own transaction) resumes where it stopped. A catalog that is \
                not valid is reported with its commit and path and skipped.

                Exit status: as for ingest: 0 when every version was stored or already stored; 65 when some \
                catalog was not valid (the others are stored); 66 when the repository cannot be read; 74 \
                database error.

                Examples:
                  pricedb backfill --git skypilot-catalog
                  pricedb backfill --git skypilot-catalog --clouds aws,lambda --since 2025-01-01
                  pricedb backfill --git skypilot-catalog --dry-run
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("git"), help: ArgumentHelp("The catalog repository's local clone.", valueName: "path"))
        var repository: String

        @Option(help: ArgumentHelp("Clouds, repeated or comma-separated. Default: every known cloud the repository has.", valueName: "ids"))
        var clouds: [String] = []

        @Option(help: ArgumentHelp("The first day to store (YYYY-MM-DD).", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("The last day to store (YYYY-MM-DD). Default: the repository's newest commit.", valueName: "date"))
        var until: String?

        @Flag(help: "List the versions that would be stored; store nothing.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Print only errors.")
        var quiet = false

        func validate() throws {
            for (option, value) in [("--since", since), ("--until", until)] {
                if let value, Day(value) == nil {
                    throw ValidationError("\(option) takes a date as YYYY-MM-DD, not '\(UntrustedText.shown(value))'")
                }
            }
            if let since, let until, let first = Day(since), let last = Day(until), first > last {
                throw ValidationError("--since \(since) is after --until \(until)")
            }
            try requireItems(clouds, option: "--clouds")
        }

        func run() throws {
            let repository: GitRepository
            do {
                repository = try GitRepository(path: self.repository)
            } catch {
                Diagnostics.error(error.localizedDescription)
                throw ExitCode(66)
            }
            let store = dryRun ? try database.openScratchCopy() : try database.openCreating()
            let backfiller = Backfiller(store: store, repository: repository)
            let plan: [(cloud: String, versions: [Backfiller.Version])]
            do {
                plan = try backfiller.plan(
                    clouds: listed(clouds), since: since.flatMap { Day($0) }, until: until.flatMap { Day($0) })
            } catch {
                Diagnostics.error(error.localizedDescription)
                throw ExitCode(66)
            }
            if let unknown = listed(clouds)?.first(where: { cloud in plan.first { $0.cloud == cloud }?.versions.isEmpty ?? true }) {
                Diagnostics.warning("the repository has no catalog of '\(UntrustedText.shown(unknown))' in the days asked for")
            }
            if dryRun {
                for (cloud, versions) in plan {
                    for version in versions {
                        print("\(cloud): \(version.first) to \(version.last): \(version.commit.prefix(12)) \(version.path)")
                    }
                }
                return
            }
            let total = plan.reduce(0) { $0 + $1.versions.count }
            let progress = ProgressLine()
            let started = Date()
            var done = 0
            var status: Int32 = 0
            for (cloud, versions) in plan {
                let before = done
                let summary = try reportingFailures {
                    try backfiller.run(cloud, versions: versions) { count in
                        let finished = before + count
                        let elapsed = Date().timeIntervalSince(started)
                        let remaining = finished > 0 ? elapsed / Double(finished) * Double(total - finished) : 0
                        progress.show("\(cloud): \(count) of \(versions.count) versions; \(finished) of \(total) in all, about \(Int(remaining)) s left")
                    }
                }
                done += versions.count
                progress.clear()
                for problem in summary.problems { Diagnostics.error(UntrustedText.escapedLines(problem)) }
                if !quiet { print(summary.line) }
                status = max(status, summary.exitCode)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
