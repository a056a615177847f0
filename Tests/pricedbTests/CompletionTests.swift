import Foundation
import TestSupport
import Testing

/// Shell completion completes GPU names and provider ids from the database, through the script
/// `--generate-completion-script` writes.
@Suite struct CompletionTests {
    /// Runs bash's completion of `words` (the last one being completed) with pricedb's generated script.
    static func bashCompletions(_ words: [String]) throws -> [String] {
        let script = try CommandRunner.run(["--generate-completion-script", "bash"]).stdout
        let scriptPath = Scratch.unique("completion", ".bash")
        try script.write(to: scriptPath, atomically: true, encoding: .utf8)
        let quoted = (["pricedb"] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let line = (["pricedb"] + words).joined(separator: " ")
        let command = """
            source '\(scriptPath.path)'
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count)
            COMP_LINE='\(line)'
            COMP_POINT=${#COMP_LINE}
            _pricedb pricedb \(quoted.last ?? "''") \(quoted.dropLast().last ?? "''")
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandRunner.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesGPUNamesAndProviderIDsFromTheDatabase() throws {
        let db = try DailyUseTests.seeded()
        #expect(try Self.bashCompletions(["quarters", "--db", db, "--gpu", "A1"])
            == ["A10", "A100 (40GB)", "A100 (80GB)", "A10G", "A16"])
        #expect(try Self.bashCompletions(["report", "--db", db, "--providers", "aws,v"]) == ["aws,vast"])
        #expect(try Self.bashCompletions(["report", "--section", "da"]) == ["datacenter"])
    }

    /// After a first Tab, bash holds the common part of two names as typed on a command line (`A100\ \(`); the
    /// next Tab must still offer both, and a quoted start (`"A100 (8`) complete to the end.
    @Test func namesWithSpacesAndParenthesesCompleteToTheirEnd() throws {
        let db = try DailyUseTests.seeded()
        #expect(try Self.bashCompletions(["cost", "--db", db, "--gpu", "A100"]) == ["A100 (40GB)", "A100 (80GB)"])
        #expect(try Self.bashCompletions(["cost", "--db", db, "--gpu", "A100\\ \\("]) == ["A100 (40GB)", "A100 (80GB)"])
        #expect(try Self.bashCompletions(["cost", "--db", db, "--gpu", "A100\\ \\(8"]) == ["A100 (80GB)"])
        #expect(try Self.bashCompletions(["cost", "--db", db, "--gpu", "\"A100 (8"]) == ["A100 (80GB)"])
        #expect(try Self.bashCompletions(["cost", "--db", db, "--gpu", "H100\\ "]).contains("H100 (80GB)"))
    }

    /// A GPU name comes from whatever snapshot declared it: pressing Tab must offer it as written and never run
    /// what it holds (bash's `compgen -W` expands `$(…)` in its words).
    @Test func aDeclaredGPUNameIsOfferedAsWrittenAndNeverRun() throws {
        let folder = Scratch.unique("completion")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let witness = folder.appendingPathComponent("ran").path
        let name = "ZZ $(touch \(witness)) `touch \(witness)` $HOME {a,b} 'q' \"d\" back\\slash: ~"
        let snapshot = folder.appendingPathComponent("gpu.json").path
        let escapedName = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
             "providers": [{"id": "p", "name": "P", "kind": "other"}],
             "gpus": [{"id": "zz", "name": "\(escapedName)", "memory_gb": 8, "class": "consumer"}],
             "observations": [{"provider": "p", "gpu": "zz", "price": 1}]}
            """.write(toFile: snapshot, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("prices.sqlite").path
        let ingest = try CommandRunner.run(["ingest", "--db", db, snapshot])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try Self.bashCompletions(["quarters", "--db", db, "--gpu", "ZZ"]) == [name])
        #expect(!FileManager.default.fileExists(atPath: witness))
        let zsh = try CommandRunner.run(["---completion", "quarters", "--", "--gpu", "2", "0", "--db", db], environment: ["SAP_SHELL": "zsh"])
        #expect(zsh.stdout.contains("back\\\\slash\\: ~"), "\(zsh.stdout)")
    }
}
