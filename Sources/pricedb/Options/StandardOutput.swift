// `stdout` is a C global, which strict concurrency refuses to touch; only the main thread uses it here.
import ArgumentParser
@preconcurrency import Foundation
import PriceDB

/// Standard output as `print` writes it: buffered, and silent about a write that failed (a full disk, a pipe
/// closed early when SIGPIPE is ignored), which a script must not take for success.
enum StandardOutput {
    /// Writes out what is still buffered; why that, or an earlier write, failed, or `nil` if all was written.
    /// After a failure the output is lost anyway: the stream then writes to /dev/null, so that the failure is
    /// reported once, by whoever asked first.
    static func flush() -> String? {
        let flushed = fflush(stdout) == 0
        let reason = errno
        guard flushed, ferror(stdout) == 0 else {
            _ = freopen("/dev/null", "w", stdout)
            return flushed ? "a write to it failed" : String(cString: strerror(reason))
        }
        return nil
    }

    /// Writes what `produce` writes, handed to standard output a piece at a time as it is made (a report's JSON
    /// or CSV is never held whole).
    static func write(_ produce: (inout TextSink) -> Void) {
        var sink = TextSink { Swift.print($0, terminator: "") }
        produce(&sink)
        sink.flush()
    }

    /// Refuses to pour `what` (an SVG chart, an HTML page) onto a terminal, where it reads as noise: exit 64
    /// with the option that writes it to a file. To a pipe or a file it is written as asked.
    static func refuseMarkupOnTerminal(_ what: String, example: String) throws {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        Diagnostics.error("this would print \(what) on the terminal; write it to a file with \(example), or pipe it on")
        throw ExitCode(64)
    }

    /// Makes every command end with status 74 and a message if its output could not be written, whatever
    /// status it was ending with.
    static func failOnLostOutput() {
        atexit {
            guard let failure = StandardOutput.flush() else { return }
            Diagnostics.error("cannot write standard output (\(failure))")
            _exit(74)
        }
    }
}
