/// A schema migration: one plain SQL file of `Migrations/`, embedded in the binary at build time.
public struct Migration: Sendable {
    /// The file name, which also names the migration in GRDB's `grdb_migrations` table.
    public let name: String
    public let sql: String
}

/// Every migration, in the order they apply. (SwiftPM names an embedded file by replacing its first character
/// with an underscore when it is a digit: `0001_initial.sql` becomes `_001_initial_sql`.)
/// A new schema change is a new `.sql` file here and a new line below;
/// a test checks that the two agree.
public let migrations: [Migration] = [
    Migration(name: "0001_initial.sql", sql: String(decoding: PackageResources._001_initial_sql, as: UTF8.self)),
    Migration(
        name: "0002_observation_date_index.sql",
        sql: String(decoding: PackageResources._002_observation_date_index_sql, as: UTF8.self)),
    Migration(
        name: "0003_snapshot_ids_never_reused.sql",
        sql: String(decoding: PackageResources._003_snapshot_ids_never_reused_sql, as: UTF8.self)),
    Migration(name: "0004_price_runs.sql", sql: String(decoding: PackageResources._004_price_runs_sql, as: UTF8.self)),
    Migration(name: "0005_watch_reports.sql", sql: String(decoding: PackageResources._005_watch_reports_sql, as: UTF8.self)),
    Migration(name: "0006_exchange_rates.sql", sql: String(decoding: PackageResources._006_exchange_rates_sql, as: UTF8.self)),
    Migration(name: "0007_series_days.sql", sql: String(decoding: PackageResources._007_series_days_sql, as: UTF8.self)),
    Migration(name: "0008_open_runs.sql", sql: String(decoding: PackageResources._008_open_runs_sql, as: UTF8.self)),
    Migration(name: "0009_strict_rates.sql", sql: String(decoding: PackageResources._009_strict_rates_sql, as: UTF8.self)),
    Migration(name: "0010_fetch_sources.sql", sql: String(decoding: PackageResources._010_fetch_sources_sql, as: UTF8.self)),
]
