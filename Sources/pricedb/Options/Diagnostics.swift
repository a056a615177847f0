import Foundation
import PriceDB

/// Messages for the user on standard error, so that standard output carries only the requested data.
enum Diagnostics {
    static func error(_ message: String) {
        let safe = UntrustedText.escapedLines(message)
        let prefixed = safe.contains(": error: ") ? safe : "pricedb: error: " + safe
        FileHandle.standardError.write(Data((prefixed + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data(("pricedb: " + UntrustedText.escapedLines(message) + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("pricedb: warning: " + UntrustedText.escapedLines(message) + "\n").utf8))
    }
}
