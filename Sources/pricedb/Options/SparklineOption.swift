import ArgumentParser
import Foundation

/// `--sparklines`: whether `quarters` and `history` end with each provider's trend as a line of blocks.
struct SparklineOption: ParsableArguments {
    enum When: String, ExpressibleByArgument, CaseIterable {
        case always, never, auto
    }

    @Option(help: "End with each provider's trend as a sparkline of block characters: always, never, or auto (when standard output is a terminal).")
    var sparklines: When = .auto

    /// Whether to draw them for this output: `auto` draws them only into a terminal table.
    func shown(for output: OutputOptions) -> Bool {
        switch sparklines {
        case .always: return true
        case .never: return false
        case .auto: return output.format == .table && output.out == nil && isatty(STDOUT_FILENO) == 1
        }
    }
}
