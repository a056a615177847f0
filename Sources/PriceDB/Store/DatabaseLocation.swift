import Foundation

/// Where the database lives when `--db` is not given: `PRICEDB_DATABASE`, else
/// `$XDG_DATA_HOME/pricedb/prices.sqlite`, else `~/.local/share/pricedb/prices.sqlite`.
public enum DatabaseLocation {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PRICEDB_DATABASE"], !explicit.isEmpty {
            return explicit
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/pricedb/prices.sqlite"
    }
}
