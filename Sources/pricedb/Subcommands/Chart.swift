import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chart",
            abstract: "Draw one GPU's price history as an SVG chart.",
            usage: "pricedb chart --gpu <name> [--from <period>] [--to <period>] [options]",
            discussion: """
                Per provider, a step line through its lowest price per GPU-hour (a price holds until the next \
                observation) with the band up to the highest shaded, gaps where a price is stale or gone, \
                quarter gridlines, and each line named at its end. The figures are the report's cells, day by \
                day (see docs/guide.md, "As of a date"). The file is self-contained: no script, font or image is \
                fetched. Without --out the SVG goes to standard output.

                Exit status: 0 success, 1 no price to draw, 64 usage error, 65 missing exchange rate, \
                73 the file cannot be written, 74 database error.

                Examples:
                  pricedb chart --gpu "A100 (80GB)" --out a100.svg
                  pricedb chart --gpu H100 --providers aws,runpod,vast \\
                      --from 2025Q1 --to 2026Q2 --out h100.svg
                  pricedb chart --gpu H100 --index --by month --out h100-index.svg
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var gpu: GPUOption
        @OptionGroup var providers: ProvidersOption

        @OptionGroup var span: SpanOptions

        @Flag(help: "Draw the GPU's price index instead: the median across providers, its quartiles, and their count.")
        var index = false

        @Option(help: ArgumentHelp("With --index, the periods: day, week, month (default) or quarter.", valueName: "period"))
        var by: IndexStep = .month

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The chart's width in SVG units (320 to 4000; default 640): more room, more labels.", valueName: "units"))
        var width: Double = ChartSize.standard.width

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The plot's height in SVG units (120 to 2000; default 240).", valueName: "units"))
        var height: Double = ChartSize.standard.plotHeight

        @OptionGroup var counting: CountingOptions<ReportedTiers>

        @OptionGroup var currency: CurrencyOption

        @Option(help: "Language and number format of the labels: en or de.")
        var locale: ReportLocale = .en

        @Option(help: ArgumentHelp("Write the SVG to this file (replaced whole) instead of standard output.", valueName: "file.svg"))
        var out: String?

        func validate() throws {
            guard ChartSize.widths.contains(width) else {
                throw ValidationError("--width takes 320 to 4000 units, not \(width.formatted())")
            }
            guard ChartSize.plotHeights.contains(height) else {
                throw ValidationError("--height takes 120 to 2000 units, not \(height.formatted())")
            }
            let kind = ((out ?? "") as NSString).pathExtension.lowercased()
            if ["png", "jpg", "jpeg", "gif", "webp", "pdf"].contains(kind) {
                let how = ["png", "pdf"].contains(kind) ? " (rsvg-convert -f \(kind) chart.svg > chart.\(kind))" : " with an image tool"
                throw ValidationError(
                    "chart writes SVG, not \(kind.uppercased()); name the file .svg, and convert it if you need \(kind.uppercased())\(how)")
            }
        }

        func run() throws {
            if out == nil { try StandardOutput.refuseMarkupOnTerminal("an SVG chart", example: "--out chart.svg") }
            let store = try database.openExisting()
            let to = span.to ?? .day(.today())
            let builder = ReportBuilder(store: store, converter: try currency.converter(for: store))
            if index {
                let request = IndexRequest(
                    gpuNames: [gpu.name], tiers: try counting.tiers(), staleAfterQuarters: counting.staleAfter, step: by,
                    from: span.from?.firstDay, asOf: to.lastDay)
                let indexes = try reportingFailures { try builder.indexes(request) }
                return try emit(ReportBuilder.indexChart(indexes, method: .median, locale: locale, size: size))
            }
            let history = try reportingFailures {
                try builder.chart(
                    gpuName: gpu.name, providerIDs: providers.ids, from: span.from, to: to,
                    tiers: try counting.tiers(), staleAfterQuarters: counting.staleAfter)
            }
            try emit(history.svg(asOf: to.lastDay, locale: locale, size: size))
        }

        var size: ChartSize { ChartSize(width: width, plotHeight: height) }

        /// Writes the SVG to --out, or to standard output.
        private func emit(_ svg: String) throws {
            if let out, out != "-" {
                try OutputFile.write(svg, to: out)
            } else {
                print(svg, terminator: "")
            }
        }
    }
}
