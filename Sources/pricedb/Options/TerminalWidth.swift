import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--wide`, and the width tables are fitted to without it: `COLUMNS` if set, else the terminal's; output that
/// is not a terminal (a pipe, a file) is not cut unless `COLUMNS` asks for it.
struct WidthOptions: ParsableArguments {
    @Flag(help: "Do not fit tables to the terminal's width (or $COLUMNS): show every column at full width.")
    var wide = false

    var width: Int? {
        if wide { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return max(columns, 20)
        }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(Int(size.ws_col), 20)
    }
}
