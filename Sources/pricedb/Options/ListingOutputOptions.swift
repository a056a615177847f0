import ArgumentParser
import PriceDB

extension ListingFormat: ExpressibleByArgument {}

/// `--format` and the width for the listings of what the database holds.
struct ListingOutputOptions: ParsableArguments {
    @Option(help: "Output format: a table, or flat records for scripts (json, csv).")
    var format: ListingFormat = .table

    @Option(help: ArgumentHelp("Write to this file (replaced whole) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var width: WidthOptions

    /// Prints the listing, or writes it to `--out`; with nothing to list, a table prints `hint` instead, and
    /// JSON and CSV print no records.
    func print(_ listing: (ListingFormat, Int?) -> String, isEmpty: Bool, hint: String) throws {
        let text = isEmpty && format == .table ? hint + "\n" : listing(format, out == nil ? width.width : nil)
        guard let out, out != "-" else {
            Swift.print(text, terminator: "")
            return
        }
        try OutputFile.write(text, to: out)
    }
}
