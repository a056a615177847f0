import Foundation

/// Why a rules file cannot be used; each message names the file and line, and says what to write instead.
public enum WatchError: Error, Equatable, LocalizedError {
    case rulesFile(path: String, line: Int, reason: String)
    case unreadable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .rulesFile(let path, let line, let reason): return "\(UntrustedText.shown(path, limit: 200)):\(line): \(reason)"
        case .unreadable(let path, let reason): return "cannot read the rules file \(UntrustedText.shown(path, limit: 200)): \(reason)"
        }
    }

    /// 66 for a file that cannot be read, 65 for one whose content is wrong (sysexits).
    public var exitCode: Int32 {
        switch self {
        case .rulesFile: return 65
        case .unreadable: return 66
        }
    }
}
