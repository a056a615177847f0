import Foundation

/// Why `fetch` could not use its sources file, or one source: each message names the source or the file and
/// line, and says what to do.
public enum FetchError: Error, Equatable, LocalizedError, Sendable {
    /// The sources file is not what `fetch --help` describes.
    case sourcesFile(path: String, line: Int?, reason: String)
    case unreadable(path: String, reason: String)
    /// A source named on the command line is not configured.
    case unknownSource(String, known: [String])

    public var errorDescription: String? {
        switch self {
        case .sourcesFile(let path, let line, let reason):
            return "\(UntrustedText.shown(path, limit: 200))\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .unreadable(let path, let reason):
            return "cannot read the sources file \(UntrustedText.shown(path, limit: 200)): \(reason)"
        case .unknownSource(let name, let known):
            let close = EditDistance.question(EditDistance.closest(to: name, among: known)).map { "; " + $0 } ?? ""
            return "no source is called '\(UntrustedText.shown(name))'\(close); `pricedb fetch --list` lists them"
        }
    }

    /// 65 for a file whose content is wrong, 66 for one that cannot be read, 64 for an unknown source.
    public var exitCode: Int32 {
        switch self {
        case .sourcesFile: return 65
        case .unreadable: return 66
        case .unknownSource: return 64
        }
    }
}
