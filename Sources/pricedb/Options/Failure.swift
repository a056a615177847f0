import ArgumentParser
import PriceDB

/// Runs a query and turns its errors into a message on standard error and the matching exit status.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as QueryError {
        Diagnostics.error(error.localizedDescription)
        throw ExitCode(error.exitCode)
    } catch let error as StoreError {
        Diagnostics.error(error.localizedDescription)
        throw ExitCode(error.exitCode)
    }
}
