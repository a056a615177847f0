import Foundation

/// A local clone of a catalog repository, read through the `git` command-line tool: its history of catalog
/// files from one `git log`, and file contents through one long-running `git cat-file --batch-command`, so that
/// thousands of versions cost two processes, not one each. A partial clone fetches blobs as they are asked for.
public final class GitRepository: @unchecked Sendable {
    public let path: String
    private let catFile: Process
    private let requests: FileHandle
    private let answers: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0

    /// Why the repository cannot be read.
    public struct Failure: Error, LocalizedError, Sendable {
        public let message: String
        public var errorDescription: String? { message }
    }

    /// Opens the repository at `path` (its work tree or its `.git` folder).
    public init(path: String) throws(Failure) {
        self.path = path
        let check = try Self.run(["-C", path, "rev-parse", "--git-dir"])
        guard check.status == 0 else {
            throw Failure(message: "\(path) is not a git repository (\(check.error.trimmingCharacters(in: .whitespacesAndNewlines))); "
                + "clone the catalog first: git clone --filter=blob:none https://github.com/skypilot-org/skypilot-catalog")
        }
        let input = Pipe(), output = Pipe()
        catFile = try Self.start(["-C", path, "cat-file", "--batch-command"], input: input, output: output, error: nil)
        requests = input.fileHandleForWriting
        answers = output.fileHandleForReading
    }

    deinit {
        try? requests.close()
        catFile.waitUntilExit()
    }

    /// One commit that changed catalog files: its id, its time (seconds since 1970, UTC) and the paths.
    public struct Commit: Sendable {
        public let id: String
        public let time: Int
        public let paths: [String]

        /// The commit's day in UTC.
        public var day: Day { Day(ordinal: Int((Double(time) / 86_400).rounded(.down))) }
    }

    /// Every commit that changed a file under `folder`, oldest first (by commit time, then history order).
    public func commits(touching folder: String) throws(Failure) -> [Commit] {
        let result = try Self.run(["-C", path, "log", "--reverse", "--format=%x00%H %ct", "--name-only", "--", folder])
        guard result.status == 0 else { throw Failure(message: "git log failed: \(result.error)") }
        var commits: [Commit] = []
        for record in result.output.split(separator: "\0") {
            let lines = record.split(separator: "\n")
            guard let head = lines.first else { continue }
            let parts = head.split(separator: " ")
            guard parts.count == 2, let time = Int(parts[1]) else { continue }
            commits.append(Commit(id: String(parts[0]), time: time, paths: lines.dropFirst().map(String.init)))
        }
        return commits
    }

    /// The time (seconds since 1970) of the newest commit of the checked-out branch.
    public func newestCommitTime() throws(Failure) -> Int {
        let result = try Self.run(["-C", path, "log", "-1", "--format=%ct"])
        guard result.status == 0, let time = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(message: "the repository has no commits")
        }
        return time
    }

    /// The object id of the file at `path` as of `commit`, or `nil` where the commit has no such file: a look
    /// that reads no content.
    public func fileID(_ path: String, at commit: String) throws(Failure) -> String? {
        try send("info \(commit):\(path)")
        let header = try line()
        let parts = header.split(separator: " ")
        guard parts.count == 3, parts[1] == "blob" else { return nil }
        return String(parts[0])
    }

    /// The bytes of the blob `id`.
    public func contents(of id: String) throws(Failure) -> [UInt8] {
        try send("contents \(id)")
        let header = try line()
        let parts = header.split(separator: " ")
        guard parts.count == 3, let size = Int(parts[2]) else { throw Failure(message: "git cat-file answered '\(header)'") }
        let content = try bytes(size)
        _ = try bytes(1)
        return content
    }

    private func send(_ command: String) throws(Failure) {
        do {
            try requests.write(contentsOf: Data((command + "\n").utf8))
        } catch {
            throw Failure(message: "git cat-file stopped: \(error.localizedDescription)")
        }
    }

    private func fill() throws(Failure) {
        let chunk = answers.availableData
        guard !chunk.isEmpty else { throw Failure(message: "git cat-file ended early") }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer += chunk
    }

    private func line() throws(Failure) -> String {
        while true {
            if let end = buffer[position...].firstIndex(of: 0x0A) {
                let text = String(decoding: buffer[position..<end], as: UTF8.self)
                position = end + 1
                return text
            }
            try fill()
        }
    }

    private func bytes(_ count: Int) throws(Failure) -> [UInt8] {
        while buffer.count - position < count { try fill() }
        let slice = Array(buffer[position..<(position + count)])
        position += count
        return slice
    }

    /// `git` with `arguments`, as `PATH` finds it, started with these pipes (`nil`: none for input, and
    /// standard error thrown away).
    private static func start(_ arguments: [String], input: Pipe?, output: Pipe, error: Pipe?) throws(Failure) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run git: \(error.localizedDescription); install git")
        }
        return process
    }

    /// Runs `git` with `arguments` to its end.
    private static func run(_ arguments: [String]) throws(Failure) -> (status: Int32, output: String, error: String) {
        let output = Pipe(), error = Pipe()
        let process = try start(arguments, input: nil, output: output, error: error)
        let errors = Errors(error.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors.text)
    }

    /// Standard error read on a thread of its own, so that a full pipe never stalls the process.
    private final class Errors: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        var text: String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
