import Foundation

/// Where the database lives when `--db` is not given: `PRICEDB_DATABASE`, else
/// `$XDG_DATA_HOME/pricedb/prices.sqlite`, else `~/.local/share/pricedb/prices.sqlite`.
public enum DatabaseLocation {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["PRICEDB_DATABASE"], !explicit.isEmpty {
            return explicit
        }
        return baseFolder("XDG_DATA_HOME", else: ".local/share", environment: environment) + "/pricedb/prices.sqlite"
    }

    /// A base folder of the XDG Base Directory specification: `$variable` when it is an absolute path, else
    /// `fallback` under the home folder (`XDG_CONFIG_HOME`, else `~/.config`).
    public static func baseFolder(_ variable: String, else fallback: String, environment: [String: String]) -> String {
        if let xdg = environment[variable], xdg.hasPrefix("/") { return xdg }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback
    }
}
