import ArgumentParser
import PriceDB

/// `--from` and `--to` (or `--as-of`, the same): the span of days a command draws or lists, the same in `chart`,
/// `history` and `index`.
struct SpanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("The first period; the span starts on its first day. Default: the first observation's.", valueName: "period"),
        transform: periodArgument(for: "--from"))
    var from: Period?

    @Option(
        name: [.customLong("to"), .customLong("as-of")],
        help: ArgumentHelp("The last period, the day the answer is as of (--as-of is the same). Default: today.", valueName: "period"),
        transform: periodArgument(for: "--to"))
    var to: Period?

    func validate() throws {
        if let from, let to, from.firstDay > to.lastDay {
            throw ValidationError("--from \(from) is after --to \(to); give the earlier period first")
        }
    }
}
