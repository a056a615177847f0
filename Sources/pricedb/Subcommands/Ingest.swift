import Foundation
import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Record price observations (snapshot JSON, SkyPilot catalogs) and ECB exchange rates.",
            discussion: """
                Each FILE is a snapshot JSON (format pricedb-snapshot/1; see docs/formats.md), a \
                SkyPilot CSV catalog (recognised by its header), or the ECB's reference rates \
                (eurofxref-hist.csv, recognised by its header), which --currency converts with. A catalog kept as \
                <cloud>/vms.csv, as SkyPilot publishes it, is that cloud's (aws/vms.csv is aws), else --provider \
                names it; it was observed today unless --observed-at says otherwise. The clouds SkyPilot publishes \
                are known (`pricedb providers --all` lists them); another provider needs --provider-name and \
                --provider-kind once. Each file is stored whole or not at all, in its own transaction; a file \
                ingested before (same bytes, day and provider) is skipped. A bad file does not stop the others.

                Exit status: 0 when every file was stored or skipped; otherwise the worst failure: \
                65 bad data, 66 a file cannot be read, 74 database error.

                Examples:
                  pricedb ingest Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json
                  pricedb ingest --dry-run new-prices.json
                  pricedb ingest --replace corrected-prices.json
                  pricedb ingest catalogs/v7/aws/vms.csv catalogs/v7/gcp/vms.csv
                  pricedb ingest --provider aws --observed-at 2026-02-07 aws-february.csv
                  pricedb ingest eurofxref-hist.csv
                  pricedb ingest --provider lambda --provider-name Lambda \\
                      --provider-kind managed-cloud --observed-at 2026-02-07 \\
                      --gpu-alias A100-NEXT=A100 --skip-unknown lambda/vms.csv
                  cat snapshot.json | pricedb ingest -
                  0 3 * * *  /usr/local/bin/pricedb ingest --quiet \\
                      --db /var/lib/pricedb/prices.sqlite /srv/prices/*.json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var width: WidthOptions

        @Flag(help: "Validate and show what would be stored; write nothing.")
        var dryRun = false

        @Flag(
            help: """
                Correct a snapshot: each file takes the place of the stored snapshots of the same observation day, \
                source and provider(s), in the same transaction. The summary names what it replaced.
                """)
        var replace = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors (for cron).")
        var quiet = false

        @Option(help: "The files' format. Default: recognised from the content.")
        var format: Ingestor.Format?

        @Option(
            help: ArgumentHelp(
                "For a CSV catalog: the provider id whose prices it holds. Default: the folder of a <cloud>/vms.csv.",
                valueName: "id"))
        var provider: String?

        @Option(help: ArgumentHelp("For a CSV catalog: the day its prices were seen (YYYY-MM-DD). Default: today.", valueName: "date"))
        var observedAt: String?

        @Option(help: ArgumentHelp("For a CSV catalog: where it came from, kept with the snapshot (`snapshots` shows it).", valueName: "name"))
        var sourceName: String?

        @Option(help: ArgumentHelp("For a CSV catalog: the URL it came from, kept with the snapshot.", valueName: "url"))
        var sourceURL: String?

        @Option(help: ArgumentHelp("For a CSV catalog of a new provider: its display name.", valueName: "name"))
        var providerName: String?

        @Option(help: ArgumentHelp("For a CSV catalog of a new provider: hyperscaler, managed-cloud, p2p-marketplace or other.", valueName: "kind"))
        var providerKind: String?

        @Option(
            name: .customLong("gpu-alias"),
            help: ArgumentHelp("For a CSV catalog: read accelerator NAME as the known GPU (repeatable).", valueName: "NAME=GPU"))
        var gpuAliases: [String] = []

        @Flag(help: "For a CSV catalog: skip and count rows whose accelerator is unknown instead of failing the file.")
        var skipUnknown = false

        @Argument(
            help: ArgumentHelp(
                "Snapshot JSON files or SkyPilot CSV catalogs to ingest; - reads one from standard input.", valueName: "file"))
        var files: [String]

        func validate() throws {
            if files.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("standard input (-) can be read once; name it once")
            }
            if let provider {
                let clouds = Set(files.compactMap(ProviderRegistry.cloud(ofCatalogAt:)))
                if files.count > 1 && !clouds.subtracting([provider]).isEmpty {
                    throw ValidationError(
                        "--provider \(provider) names one provider, but the catalogs' paths name \(clouds.sorted().joined(separator: ", ")); "
                            + "leave out --provider and each catalog is stored as its own cloud's")
                }
            }
            for (option, value) in [("--source-name", sourceName), ("--source-url", sourceURL)] {
                if let value, let problem = UntrustedText.problem(value, limit: UntrustedText.longTextLimit) {
                    throw ValidationError("\(option) \(problem)")
                }
            }
            if let observedAt, Day(observedAt) == nil {
                if let reason = Day.impossibility(of: observedAt) {
                    throw ValidationError("--observed-at: '\(observedAt)' is not a day: \(reason)")
                }
                throw ValidationError("--observed-at takes a date as YYYY-MM-DD, not '\(observedAt)'")
            }
            if let providerKind, Provider.Kind(rawValue: providerKind) == nil {
                throw ValidationError("--provider-kind is one of \(Provider.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            _ = try aliases()
        }

        func aliases() throws -> [String: String] {
            var aliases: [String: String] = [:]
            for alias in gpuAliases {
                let parts = alias.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--gpu-alias takes NAME=GPU, such as --gpu-alias \"H100-MEGA=H100 (80GB)\", not '\(alias)'")
                }
                aliases[parts[0]] = parts[1]
            }
            return aliases
        }

        /// What a catalog at `file` needs: its provider (`--provider`, else the cloud its path names), its day
        /// (`--observed-at`, else today) and the rest of the flags; `nil` when nothing names its provider.
        func catalogOptions(for file: String) throws -> CatalogOptions? {
            guard let provider = provider ?? ProviderRegistry.cloud(ofCatalogAt: file) else { return nil }
            let source = sourceName == nil && sourceURL == nil ? nil : Source(name: sourceName, url: sourceURL, published: nil)
            return CatalogOptions(
                providerID: provider, observedOn: observedAt.flatMap { Day($0) } ?? Day.today(), providerName: providerName,
                providerKind: providerKind.flatMap(Provider.Kind.init(rawValue:)), gpuAliases: try aliases(),
                skipUnknown: skipUnknown, source: source)
        }

        func run() throws {
            // Standard input is read once, whichever ingestor asks first; its outcome stands for every later one.
            var standardInput: Result<String, IngestError>?
            defer { if case .success(let path) = standardInput { try? FileManager.default.removeItem(atPath: path) } }
            func ingest(_ file: String, with ingestor: Ingestor) throws(IngestError) -> Ingestor.Outcome {
                let catalogOptions = try? catalogOptions(for: file)
                guard file == "-" else {
                    return try ingestor.ingest(fileAt: file, format: format, catalogOptions: catalogOptions, replacing: replace)
                }
                if standardInput == nil {
                    if isatty(FileHandle.standardInput.fileDescriptor) == 1 {
                        // Nothing was piped in: a user who typed `-` is waiting for a prompt that never comes.
                        Diagnostics.note("reading a snapshot or catalog from the terminal; end it with Ctrl-D")
                    }
                    standardInput = Result { () throws(IngestError) in try Ingestor.readStandardInput() }
                }
                let path = try standardInput?.get() ?? "/dev/null"
                return try ingestor.ingest(standardInput: path, format: format, catalogOptions: catalogOptions, replacing: replace)
            }
            // A dry run works on a scratch copy, so it creates no database, folder or file and changes nothing,
            // yet each file sees what the files before it would have stored. A new database is made only for a
            // file that will be stored in it: the files are tried on a scratch one first.
            let ingestor: Ingestor
            if dryRun {
                ingestor = try reportingFailures { try Ingestor(dryRunOf: try database.openScratchCopy()) }
            } else if FileKind(of: database.location) == .missing(permissionDenied: false) {
                let probe = try reportingFailures { try Ingestor(dryRunOf: try database.openScratchCopy()) }
                let storable = files.contains { (try? ingest($0, with: probe)) != nil }
                ingestor = storable
                    ? Ingestor(store: try database.openCreating())
                    : try reportingFailures { try Ingestor(dryRunOf: try database.openScratchCopy()) }
            } else {
                ingestor = Ingestor(store: try database.openCreating())
            }
            var status: Int32 = 0
            for file in files {
                do {
                    let outcome = try ingest(file, with: ingestor)
                    if case .validated(let record, _) = outcome {
                        print(Listings.observations(record).rendered(width: width.width))
                    }
                    if !quiet {
                        let summary = UntrustedText.escapedLines(Listings.summary(of: outcome, file: file))
                        print(width.width.map { TextTable.wrap(summary, to: $0).joined(separator: "\n    ") } ?? summary)
                    }
                    if case .stored(let snapshot, _) = outcome, snapshot.observedOn > Day.today() {
                        // A timestamp written east of here may carry tomorrow's date; as-of questions go by it.
                        Diagnostics.note(
                            "\(file) is dated \(snapshot.observedOn) as its timestamp was written, ahead of this machine's date; "
                                + "a report as of today leaves it out (ask for --as-of \(snapshot.observedOn))")
                    }
                } catch {
                    Diagnostics.error(error.localizedDescription)
                    status = max(status, error.exitCode)
                }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
