import Foundation
import Testing

/// The manual page `scripts/manual` writes from the built binary: every section a reader looks for, and
/// nothing `groff` or `man` warns about.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
struct ManualTests {
    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["MANWIDTH"] = "80"
        process.environment = environment
        let (output, errors, feed) = (Pipe(), Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = feed
        try process.run()
        if let input { feed.fileHandleForWriting.write(Data(input.utf8)) }
        try feed.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test func theManualHasEverySectionAndNoWarning() throws {
        let manual = try Self.run("/usr/bin/env", ["python3", "scripts/manual", CommandRunner.binary.path])
        #expect(manual.status == 0, "\(manual.stderr)")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"] {
            #expect(manual.stdout.contains(".Sh \(section)\n"), "\(section)")
        }
        for code in ["0", "1", "64", "65", "66", "69", "73", "74"] { #expect(manual.stdout.contains(".It \(code)\n")) }
        for variable in ["PRICEDB_DATABASE", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "COLUMNS", "HTTPS_PROXY"] {
            #expect(manual.stdout.contains(".It Ev \(variable)\n"))
        }
        let path = CommandRunner.temporaryDatabase().replacingOccurrences(of: "prices.sqlite", with: "pricedb.1")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try manual.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let groff = try Self.run("/usr/bin/groff", ["-ww", "-mandoc", "-Tutf8", "-z", path])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff.stderr)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let man = try Self.run("/usr/bin/man", ["-l", path])
            #expect(man.stderr.isEmpty, "\(man.stderr)")
            #expect(man.stdout.contains("index") && man.stdout.contains("EXIT STATUS"))
        }
    }
}
