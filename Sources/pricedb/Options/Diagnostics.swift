import Foundation

/// Messages for the user on standard error, so that standard output carries only the requested data.
enum Diagnostics {
    static func error(_ message: String) {
        let prefixed = message.contains(": error: ") ? message : "pricedb: error: " + message
        FileHandle.standardError.write(Data((prefixed + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("pricedb: warning: " + message + "\n").utf8))
    }
}
