/// pricedb's version, which `pricedb --version` prints and the README's install step names. Raised with each
/// release; the schema version is separate (`PRAGMA user_version`, the number of migrations).
public enum PriceDBVersion {
    public static let current = "0.5.0"
}
