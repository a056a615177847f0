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
        if format == .html && out == nil { try StandardOutput.refuseMarkupOnTerminal("an HTML page", example: "--out report.html") }
        if format == .csv {
            for notice in report.notices { Diagnostics.warning(locale.text(notice)) }
        }
        guard let out, out != "-" else {
            StandardOutput.write { report.write(as: format, locale: locale, width: width.width, to: &$0) }
            return
        }
        try OutputFile.write(to: out) { report.write(as: format, locale: locale, to: &$0) }
    }

    /// Writes what `produce` writes to standard output, or to `--out`.
    func write(_ produce: (inout TextSink) -> Void) throws {
        guard let out, out != "-" else {
            StandardOutput.write(produce)
            return
        }
        try OutputFile.write(to: out, produce)
    }
}

/// A file written whole or not at all: into a temporary file beside it, then renamed over it, so that a
/// reader never sees half a report. A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written as it is:
/// renaming over it would put a regular file in its place. A symbolic link is followed, so the file it names is
/// replaced, not the link; a replaced file keeps its permissions (a report published read-only for others stays so).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try write(to: path) { $0.write(text) }
    }

    /// Writes what `produce` writes, as it writes it (a report's JSON or CSV is never held whole).
    static func write(to path: String, _ produce: (inout TextSink) -> Void) throws {
        if let reason = ProtectedPath.reason(path, database: nil, anyDatabase: true) {
            Diagnostics.error("will not write \(path): \(reason); name another file with --out. Nothing was written")
            throw ExitCode(73)
        }
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var permissions: Any?
        switch FileKind(of: url.path) {
        case .missing: break
        case .regular: permissions = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]
        case .folder:
            Diagnostics.error("cannot write \(path): it is a folder; name a file instead")
            throw ExitCode(73)
        case .pipe, .device:
            guard let handle = FileHandle(forWritingAtPath: path) else {
                Diagnostics.error("cannot write \(path): it cannot be opened for writing")
                throw ExitCode(73)
            }
            defer { try? handle.close() }
            if let failure = fill(handle, produce) {
                Diagnostics.error("cannot write \(path): \(failure.localizedDescription)")
                throw ExitCode(73)
            }
            return
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            Diagnostics.error("cannot write \(path): its folder does not exist or is not writable")
            throw ExitCode(73)
        }
        let failure = fill(handle, produce)
        try? handle.close()
        if let failure {
            try? FileManager.default.removeItem(at: temporary)
            Diagnostics.error("cannot write \(path): \(failure.localizedDescription)")
            throw ExitCode(73)
        }
        if let permissions {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            Diagnostics.error("cannot write \(path): \(reason)")
            throw ExitCode(73)
        }
    }

    /// Writes what `produce` writes to `handle`; the first error, if one happened (what comes after it is
    /// dropped).
    private static func fill(_ handle: FileHandle, _ produce: (inout TextSink) -> Void) -> (any Error)? {
        var failure: (any Error)?
        var sink = TextSink { text in
            guard failure == nil else { return }
            do {
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                failure = error
            }
        }
        produce(&sink)
        sink.flush()
        return failure
    }
}
