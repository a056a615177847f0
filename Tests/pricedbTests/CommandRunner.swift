import Foundation
import TestSupport

/// Runs the built `pricedb` binary as a user would, capturing its output and exit status.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (the build folder SwiftPM used), or `PRICEDB_BINARY` if set.
    static let binary: URL = {
        if let explicit = ProcessInfo.processInfo.environment["PRICEDB_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("pricedb")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/pricedb")
    }()

    /// A fresh database path in a folder of its own.
    static func temporaryDatabase() -> String {
        let folder = Scratch.unique("e2e")
        return folder.appendingPathComponent("prices.sqlite").path
    }

    /// Runs `pricedb` (or another `executable`, such as `runuser` or `script` wrapping it) with `arguments`; its
    /// standard output is captured, or goes to `standardOutput` (such as `/dev/full`, a disk that is always
    /// full), leaving `stdout` empty. It runs in the package's folder, or in `folder`.
    @discardableResult
    static func run(
        _ arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
        executable: URL = binary, inFolder folder: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        // Never the test runner's own input: a terminal there would leave `ingest -` waiting for it.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        try out.fileHandleForWriting.close()
        let outData = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
