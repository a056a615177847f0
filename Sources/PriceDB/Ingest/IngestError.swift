import Foundation

/// One problem found in an input file, located as precisely as the input allows.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// Where in the JSON document (`observations[12].price.min`), if the problem is in one value.
    public let path: String?
    public let position: TextPosition?
    public let message: String

    /// `file:line:column: error: path: message`, the form compilers use, so editors can jump to it; with any
    /// control character of the file's content or name made visible.
    public var description: String {
        var location = file
        if let position { location += ":\(position)" }
        let subject = path.map { $0.isEmpty ? "" : "\($0): " } ?? ""
        return UntrustedText.escaped("\(location): error: \(subject)\(message)")
    }
}

/// Why a file was not ingested. The cases map to the exit statuses of `sysexits.h`, which scripts rely on.
public enum IngestError: Error, LocalizedError, Sendable {
    /// The file cannot be read: missing, a directory, no permission.
    case unreadable(file: String, reason: String)
    /// The file was read but its content is not valid; nothing of it was stored.
    case invalid(file: String, diagnostics: [Diagnostic])
    /// The database failed while storing a valid file.
    case store(file: String, StoreError)

    /// How many problems of one file are printed before the rest are only counted.
    public static let diagnosticLimit = 20

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return UntrustedText.escaped("\(file): error: cannot read the file: \(reason)")
        case .invalid(_, let diagnostics):
            var lines = diagnostics.prefix(Self.diagnosticLimit).map(\.description)
            if diagnostics.count > Self.diagnosticLimit {
                lines.append("… and \(diagnostics.count - Self.diagnosticLimit) more problems in the same file")
            }
            return lines.joined(separator: "\n")
        case .store(let file, let error):
            return UntrustedText.escaped("\(file): error: \(error.localizedDescription)")
        }
    }

    /// 65 (EX_DATAERR) for bad data, 66 (EX_NOINPUT) for an unreadable file, 74 (EX_IOERR) for the database
    /// (65 where the database refused what the file asks, such as a correction that drops providers).
    public var exitCode: Int32 {
        switch self {
        case .invalid: return 65
        case .unreadable: return 66
        case .store(_, let error): return error.exitCode
        }
    }
}
