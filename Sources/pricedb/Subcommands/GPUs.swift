import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct GPUs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gpus",
            abstract: "List the GPU catalog: the built-in GPUs and those that snapshots declared.",
            usage: "pricedb gpus [<text>] [--format <format>] [options]",
            discussion: """
                A name resolves to a GPU ignoring case, spaces, hyphens and brackets: "A100 (80GB)", \
                "A100-80GB" and "a100 80gb" are one GPU. Variant words (SXM, PCIe, NVL, Mega) become the \
                observation's variant. A family name (A100) stands for each of its GPUs where a command takes \
                several. The list shows the GPUs of the database (after `pricedb ingest`), else the built-in ones.

                Examples:
                  pricedb gpus a100
                  pricedb gpus --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: ListingOutputOptions

        @Argument(help: ArgumentHelp(
            "Only GPUs whose name, id or alias holds this text, ignoring case, spaces and hyphens (a100, rtx 40).",
            valueName: "text"))
        var filter: String?

        func run() throws {
            let location = database.path ?? DatabaseLocation.defaultPath()
            var catalog = FileManager.default.fileExists(atPath: location) ? try database.openExisting().catalog() : GPUCatalog()
            if let filter { catalog = catalog.matching(filter) }
            try output.print(
                { Listings.gpus(catalog, as: $0, width: $1) }, isEmpty: catalog.gpus.isEmpty,
                hint: "No GPU's name, id or alias holds '\(UntrustedText.shown(filter ?? ""))'; `pricedb gpus` lists them all.")
        }
    }
}
