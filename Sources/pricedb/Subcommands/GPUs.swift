import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct GPUs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gpus",
            abstract: "List the GPU catalog: the built-in GPUs and those that snapshots declared.",
            discussion: """
                A name resolves to a GPU ignoring case, spaces, hyphens and brackets: "A100 (80GB)", \
                "A100-80GB" and "a100 80gb" are one GPU. Variant words (SXM, PCIe, NVL, Mega) become the \
                observation's variant.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: ListingOutputOptions

        func run() throws {
            let location = database.path ?? DatabaseLocation.defaultPath()
            let catalog = FileManager.default.fileExists(atPath: location) ? try database.openExisting().catalog() : GPUCatalog()
            try output.print({ Listings.gpus(catalog, as: $0, width: $1) }, isEmpty: false, hint: "")
        }
    }
}
