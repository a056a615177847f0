import ArgumentParser
import PriceDB

extension ListingFormat: ExpressibleByArgument {}

/// `--format` and the width for the listings of what the database holds.
struct ListingOutputOptions: ParsableArguments {
    @Option(help: "Output format: a table, or flat records for scripts (json, csv).")
    var format: ListingFormat = .table

    @OptionGroup var width: WidthOptions

    /// Prints the listing; with nothing to list, a table prints `hint` instead, and JSON and CSV print no records.
    func print(_ listing: (ListingFormat, Int?) -> String, isEmpty: Bool, hint: String) {
        if isEmpty && format == .table {
            Swift.print(hint)
        } else {
            Swift.print(listing(format, width.width), terminator: "")
        }
    }
}
