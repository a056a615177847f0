import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch",
            abstract: "Download and ingest the public catalogs and the ECB's exchange rates: the daily cron job.",
            usage: "pricedb fetch [<source> ...] [--sources <file>] [--list] [options]",
            discussion: """
                Without a sources file, fetch reads SkyPilot's public catalog of every cloud pricedb knows \
                (catalogs/v7/<cloud>/vms.csv of github.com/skypilot-org/skypilot-catalog) and the ECB's \
                reference rates (eurofxref-hist.zip). The sources file (TOML; --sources, default \
                $XDG_CONFIG_HOME/pricedb/sources.toml) chooses clouds, changes URLs and adds sources of your own:

                  [skypilot]
                  base_url = "https://mirror.example.org/catalogs/v7"  # <base_url>/<cloud>/vms.csv
                  clouds = ["aws", "lambda", "runpod"]
                  [ecb]
                  url = "https://mirror.example.org/eurofxref-hist.zip"  # a .zip or a .csv
                  [[source]]
                  url = "https://example.org/prices.json"  # snapshot JSON, or a catalog
                  provider = "acme"                         # for a catalog whose URL names no cloud
                  [http]
                  timeout = 300                   # seconds for a whole download
                  connect_timeout = 15            # seconds to connect, and for each read
                  retries = 3                     # after an error; waits 1 s, then doubles
                  backoff = 1                     # that first wait, in seconds
                  max_bytes = 536870912           # the largest body read
                  concurrency = 4                 # downloads at once

                Sources download several at once and are stored one at a time, each in its own transaction. \
                Requests are conditional (ETag, Last-Modified): an unchanged source is stored again for the \
                new day from its cached copy ($XDG_CACHE_HOME/pricedb/fetch), so its prices stay current. \
                Connection errors, 5xx and 429 answers are retried with backoff (Retry-After is honoured). \
                A second fetch of the same database waits for the first. HTTPS_PROXY and NO_PROXY are honoured.

                Exit status: 0 when every source was stored or unchanged; 69 when some could not be reached \
                (the others are stored); 65 when a downloaded body was not what its source gives (an HTML page, a \
                cut-short transfer); 74 database error; 64 usage error.

                Examples:
                  pricedb fetch
                  pricedb fetch aws lambda ecb
                  pricedb fetch --list
                  pricedb fetch --quiet && pricedb watch --rules alerts.toml
                  0 6 * * *  /usr/local/bin/pricedb fetch --quiet --db /var/lib/pricedb/prices.sqlite
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The sources file. Default: $XDG_CONFIG_HOME/pricedb/sources.toml, if it exists.", valueName: "file"))
        var sources: String?

        @Option(help: ArgumentHelp("The day what is fetched was observed (YYYY-MM-DD). Default: today.", valueName: "date"))
        var observedAt: String?

        @Flag(help: "List the sources with their URL and state (last fetched, last changed, last error); fetch nothing.")
        var list = false

        @Flag(name: .shortAndLong, help: "Print only failures (for cron).")
        var quiet = false

        @Argument(help: ArgumentHelp("Sources to fetch, by name (aws, lambda, ecb, …). Default: all.", valueName: "source"))
        var names: [String] = []

        func validate() throws {
            if let observedAt, Day(observedAt) == nil {
                throw ValidationError("--observed-at takes a date as YYYY-MM-DD, not '\(UntrustedText.shown(observedAt))'")
            }
        }

        func configured() throws -> FetchSources {
            let path = sources ?? FetchSources.defaultPath()
            guard sources != nil || FileManager.default.fileExists(atPath: path) else { return .standard }
            do {
                return try FetchSources.load(path: path)
            } catch {
                Diagnostics.error(error.localizedDescription)
                throw ExitCode(error.exitCode)
            }
        }

        func run() throws {
            // A source another fetch of this database stores after this moment is not fetched again: the
            // second of two fetches started together waits for the first, then leaves out what it stored.
            let started = Fetcher.now()
            let configuration = try configured()
            var selected = configuration.sources
            if !names.isEmpty {
                let known = configuration.sources.map(\.name)
                for name in names where !known.contains(name) {
                    Diagnostics.error(FetchError.unknownSource(name, known: known).localizedDescription)
                    throw ExitCode(64)
                }
                selected = configuration.sources.filter { names.contains($0.name) }
            }
            if list {
                let states = try reportingFailures {
                    FileManager.default.fileExists(atPath: database.location) ? try database.openExisting().fetchStates() : [:]
                }
                print(Listings.fetchSources(selected, states: states), terminator: "")
                return
            }
            let store = try database.openCreating()
            let day = observedAt.flatMap { Day($0) } ?? Day.today()
            let fetcher = Fetcher(
                store: store,
                downloader: HTTPDownloader(policy: configuration.http, userAgent: "pricedb/\(PriceDBVersion.current)"),
                observedOn: day, cacheFolder: Fetcher.defaultCacheFolder())
            let progress = ProgressLine()
            let quiet = self.quiet
            let lines = try store.oneFetchAtATime {
                try reportingFailures {
                    try fetcher.fetch(
                        selected, fetchedSince: started, progress: { progress.show($0) },
                        report: { line in
                            progress.clear()
                            if line.failed {
                                Diagnostics.error(UntrustedText.escaped(line.text))
                            } else if !quiet {
                                print(UntrustedText.escaped(line.text))
                            }
                        })
                }
            }
            progress.clear()
            let status = lines.map(\.exitCode).max { Self.severity($0) < Self.severity($1) } ?? 0
            if status != 0 { throw ExitCode(status) }
        }

        /// 74 outranks 65, which outranks 69: a broken database or a bad body needs a person more than a
        /// source that was down.
        static func severity(_ code: Int32) -> Int {
            [0: 0, 69: 1, 65: 2, 74: 3][code] ?? 0
        }
    }
}
