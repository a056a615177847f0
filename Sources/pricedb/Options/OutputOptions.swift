import ArgumentParser
import PriceDB

/// `--format` and `--locale`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: "Language and number format: en ($0.29–0.78, N/A) or de ($0,29-0,78, N/V).")
    var locale: ReportLocale = .en

    @OptionGroup var width: WidthOptions

    /// Prints the report; CSV, a table of values only, leaves its notices to standard error.
    func print(_ report: Report) {
        if format == .csv {
            for notice in report.notices { Diagnostics.warning(locale.text(notice)) }
        }
        Swift.print(report.rendered(as: format, locale: locale, width: width.width), terminator: "")
    }
}
