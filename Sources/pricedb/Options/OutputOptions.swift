import ArgumentParser
import Foundation
import PriceDB

/// `--format`, `--locale` and `--out`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, markdown, json, csv, or html (one self-contained page; report adds charts).")
    var format: OutputFormat = .table

    @Option(help: "Language and number format: en ($0.29–0.78, N/A) or de ($0,29-0,78, N/V).")
    var locale: ReportLocale = .en

    @Option(help: ArgumentHelp("Write to this file (replaced whole) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var width: WidthOptions

    /// Prints the report, or writes it to `--out`; CSV, a table of values only, leaves its notices to standard
    /// error.
    func print(_ report: Report) throws {
        if format == .csv {
            for notice in report.notices { Diagnostics.warning(locale.text(notice)) }
        }
        let text = report.rendered(as: format, locale: locale, width: out == nil ? width.width : nil)
        guard let out, out != "-" else {
            Swift.print(text, terminator: "")
            return
        }
        try OutputFile.write(text, to: out)
    }
}

/// A file written whole or not at all: into a temporary file beside it, then renamed over it, so that a
/// reader never sees half a report. A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written as it is:
/// renaming over it would put a regular file in its place. A symbolic link is followed, so the file it names is
/// replaced, not the link; a replaced file keeps its permissions (a report published read-only for others stays so).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var permissions: Any?
        switch FileKind(of: url.path) {
        case .missing: break
        case .regular: permissions = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
        case .folder:
            Diagnostics.error("cannot write \(path): it is a folder; name a file instead")
            throw ExitCode(73)
        case .pipe, .device:
            return try writeInPlace(text, to: path)
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if let permissions {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
        } catch {
            Diagnostics.error("cannot write \(path): its folder does not exist or is not writable")
            throw ExitCode(73)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            Diagnostics.error("cannot write \(path): \(reason)")
            throw ExitCode(73)
        }
    }

    private static func writeInPlace(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Diagnostics.error("cannot write \(path): it cannot be opened for writing")
            throw ExitCode(73)
        }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            Diagnostics.error("cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(73)
        }
    }
}
