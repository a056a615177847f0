import Foundation

/// What a path names, as `stat` sees it through symbolic links. How pricedb reads or writes a path depends on
/// it: a pipe or a device may block forever or never end when read, renaming a file over one replaces it, and
/// SQLite says no more than "disk I/O error" about a folder.
public enum FileKind: Equatable, Sendable {
    /// Nothing is there, or it cannot be seen (`permissionDenied`: a folder on the way may not be searched).
    case missing(permissionDenied: Bool)
    case regular
    case folder
    /// A FIFO (a named pipe, or `<(command)` in a shell).
    case pipe
    /// A device or a socket.
    case device

    public init(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing(permissionDenied: errno == EACCES)
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .pipe
        default: self = .device
        }
    }
}
