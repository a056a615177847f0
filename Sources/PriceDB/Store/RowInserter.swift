import GRDB
import GRDBSQLite

/// Runs one prepared `INSERT` row after row, binding each value through SQLite's C interface. GRDB's arguments
/// box every value of every row into an array of `DatabaseValue`s; staging a day's catalog (thousands of
/// offers) spent more on that than on the inserts themselves. Values are copied by SQLite as they are bound,
/// and stay bound from row to row until bound again, so a value that every row shares is bound once.
struct RowInserter {
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Binds `value` to the parameter at `position` (from 1), or NULL for `nil`.
    func bind(_ value: String?, at position: Int32) throws {
        guard var value else { return try check(sqlite3_bind_null(statement.sqliteStatement, position)) }
        let code = value.withUTF8 { bytes in
            guard let start = bytes.baseAddress else {
                return sqlite3_bind_text(statement.sqliteStatement, position, "", 0, Self.transient)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                sqlite3_bind_text64(
                    statement.sqliteStatement, position, text, sqlite3_uint64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
        try check(code)
    }

    func bind(_ value: Int64?, at position: Int32) throws {
        guard let value else { return try check(sqlite3_bind_null(statement.sqliteStatement, position)) }
        try check(sqlite3_bind_int64(statement.sqliteStatement, position, value))
    }

    func bind(_ value: Bool, at position: Int32) throws {
        try check(sqlite3_bind_int(statement.sqliteStatement, position, value ? 1 : 0))
    }

    /// Inserts the row bound so far.
    func insert() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        try check(code == SQLITE_DONE ? SQLITE_OK : code)
    }

    /// SQLite's error, as GRDB reports one. A value that could not be bound (too long, say) must fail the row:
    /// the parameter would otherwise keep the row before's value.
    private func check(_ code: CInt) throws {
        guard code != SQLITE_OK else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))), sql: statement.sql)
    }

    /// SQLite copies a value bound with this destructor before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
