import ArgumentParser
import PriceDB

/// `--format` and `--locale`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .table

    @Option(help: "Language and number format: en ($0.29–0.78, N/A) or de ($0,29-0,78, N/V).")
    var locale: ReportLocale = .en

    func print(_ report: Report) {
        Swift.print(report.rendered(as: format, locale: locale), terminator: "")
    }
}
