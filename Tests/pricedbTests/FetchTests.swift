import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// `pricedb fetch` against a server on the loopback address that the tests start and stop: every answer a
/// real server gives, and what is stored for each. No test reaches the internet.
@Suite struct FetchTests {
    static let aws = try! Array(Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Fixtures/skypilot/aws-vms.csv")))
    static let lambda = try! Array(Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Fixtures/skypilot/lambda-vms.csv")))
    static let rates = try! Array(Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Fixtures/rates/eurofxref-hist-sample.csv")))

    /// The ECB's rates as the ECB serves them: a zip holding `eurofxref-hist.csv`.
    static func ratesZip() throws -> [UInt8] {
        let path = Scratch.unique("ecb", ".zip")
        let archive = try Archive(url: path, accessMode: .create)
        let data = Data(rates)
        try archive.addEntry(with: "eurofxref-hist.csv", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
        return try Array(Data(contentsOf: path))
    }

    /// A database, a cache folder and a sources file naming `clouds` at `server`, and the ECB's zip there if
    /// `ecb`; `http` adds to the `[http]` table (short backoff and timeouts for tests).
    struct Setup {
        let db: String
        let sources: String
        let environment: [String: String]

        init(server: LoopbackHTTPServer, clouds: [String], ecb: Bool = false, http: [String: String] = [:], extra: String = "") throws {
            let folder = Scratch.unique("fetch")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            db = folder.appendingPathComponent("prices.sqlite").path
            sources = folder.appendingPathComponent("sources.toml").path
            environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "http_proxy": "", "https_proxy": ""]
            let list = clouds.map { "\"\($0)\"" }.joined(separator: ", ")
            try """
                [skypilot]
                base_url = "\(server.base)/catalogs/v7"
                clouds = [\(list)]
                [ecb]
                \(ecb ? "url = \"\(server.base)/ecb/eurofxref-hist.zip\"" : "enabled = false")
                [http]
                \(["backoff": "0.05", "connect_timeout": "2", "timeout": "10"].merging(http) { $1 }.map { "\($0) = \($1)" }.joined(separator: "\n"))
                \(extra)
                """.write(toFile: sources, atomically: true, encoding: .utf8)
        }

        func fetch(_ arguments: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner.run(["fetch", "--db", db, "--sources", sources] + arguments, environment: environment)
        }

        func sql(_ query: String) throws -> String {
            try CommandRunner.run(["sqlite3", db, query], executable: URL(fileURLWithPath: "/usr/bin/env")).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// A counter shared with a server's handler.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        func next(_ key: String) -> Int {
            lock.withLock {
                counts[key, default: 0] += 1
                return counts[key, default: 0]
            }
        }
    }

    @Test func catalogsAndTheECBZipAreStored() throws {
        let zip = try Self.ratesZip()
        let server = try LoopbackHTTPServer { request in
            switch request.path {
            case "/catalogs/v7/aws/vms.csv": return .init(status: 200, body: Self.aws)
            case "/catalogs/v7/lambda/vms.csv": return .init(status: 200, body: Self.lambda)
            case "/ecb/eurofxref-hist.zip": return .init(status: 200, headers: [("Content-Type", "application/zip")], body: zip)
            default: return .init(status: 404)
            }
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws", "lambda"], ecb: true)
        let result = try setup.fetch(["--observed-at", "2026-11-30"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("aws: stored snapshot 1 (observed 2026-11-30)"), "\(result.stdout)")
        #expect(result.stdout.contains("lambda: stored snapshot 2"), "\(result.stdout)")
        #expect(result.stdout.contains("ecb: stored exchange rates"), "\(result.stdout)")
        #expect(try setup.sql("SELECT name FROM provider WHERE id = 'aws'") == "Amazon Web Services")
        #expect(try setup.sql("SELECT count(*) > 0 FROM exchange_rate") == "1")
        #expect(try setup.sql("SELECT DISTINCT source_url FROM snapshot WHERE provider_ids = 'aws'") == "\(server.base)/catalogs/v7/aws/vms.csv")
        #expect(server.requests.allSatisfy { $0.header("User-Agent")?.hasPrefix("pricedb/") == true })
        let listed = try setup.fetch(["--list"])
        #expect(listed.stdout.contains("aws") && listed.stdout.contains("never") == false, "\(listed.stdout)")
    }

    /// Two fetches a day apart against an unchanged server record both days (the second from a 304); a changed
    /// catalog then starts new runs.
    @Test(arguments: ["etag", "last-modified"])
    func anUnchangedSourceIsObservedAgainEachDay(validator: String) throws {
        let changed = Counter()
        let server = try LoopbackHTTPServer { request in
            let version = changed.next("peek") > 2 ? 2 : 1
            let body = version == 1 ? Self.aws : Array(String(decoding: Self.aws, as: UTF8.self).replacingOccurrences(of: "32.7726", with: "30.0000").utf8)
            let tag = "\"v\(version)\""
            let stamp = version == 1 ? "Mon, 30 Nov 2026 06:00:00 GMT" : "Wed, 02 Dec 2026 06:00:00 GMT"
            if validator == "etag", request.header("If-None-Match") == tag { return .init(status: 304, headers: [("ETag", tag)]) }
            if validator == "last-modified", request.header("If-Modified-Since") == stamp {
                return .init(status: 304, headers: [("Last-Modified", stamp)])
            }
            return .init(status: 200, headers: validator == "etag" ? [("ETag", tag)] : [("Last-Modified", stamp)], body: body)
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws"])
        #expect(try setup.fetch(["--observed-at", "2026-11-30"]).status == 0)
        let second = try setup.fetch(["--observed-at", "2026-12-01"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("304 Not Modified"), "\(second.stdout)")
        #expect(server.requests.count == 2)
        #expect(try setup.sql("SELECT count(DISTINCT observed_on) FROM feed_day") == "2")
        #expect(try setup.sql("SELECT count(*) FROM price_run WHERE first_seen = '2026-12-01'") == "0", "the runs extend")
        let third = try setup.fetch(["--observed-at", "2026-12-02"])
        #expect(third.status == 0 && third.stdout.contains("aws: stored"), "\(third.stdout)")
        #expect(try setup.sql("SELECT price_low FROM price_run_decimal WHERE first_seen = '2026-12-02' AND instance = 'p4d.24xlarge' AND tier = 'on-demand'") == "30.000000")
        #expect(try setup.sql("SELECT last_seen FROM price_run_decimal WHERE price_low = '32.772600' AND instance = 'p4d.24xlarge' AND tier = 'on-demand'") == "2026-12-01")
        #expect(try CommandRunner.run(["check", "--db", setup.db]).status == 0)
    }

    @Test func aMissingSourceFailsAndTheOthersAreStored() throws {
        let server = try LoopbackHTTPServer { request in
            request.path.contains("/aws/") ? .init(status: 200, body: Self.aws) : .init(status: 404, text: "Not Found")
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws", "lambda"])
        let result = try setup.fetch()
        #expect(result.status == 69)
        #expect(result.stderr.contains("lambda: failed: HTTP 404 Not Found (\(server.base)/catalogs/v7/lambda/vms.csv)"), "\(result.stderr)")
        #expect(result.stdout.contains("aws: stored"))
        #expect(try setup.sql("SELECT provider_ids FROM snapshot") == "aws")
        let listed = try setup.fetch(["--list"])
        #expect(listed.stdout.contains("HTTP 404"), "\(listed.stdout)")
    }

    @Test func serverErrorsAndTooManyRequestsAreRetried() throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { request in
            let attempt = counter.next(request.path)
            if request.path.contains("/aws/") && attempt == 1 { return .init(status: 500, text: "oops") }
            if request.path.contains("/lambda/") && attempt == 1 {
                return .init(status: 429, headers: [("Retry-After", "1")], text: "slow down")
            }
            return .init(status: 200, body: request.path.contains("/aws/") ? Self.aws : Self.lambda)
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws", "lambda"])
        let started = Date()
        let result = try setup.fetch()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.count == 4)
        #expect(Date().timeIntervalSince(started) >= 1, "Retry-After was not waited for")
        #expect(try setup.sql("SELECT count(*) FROM snapshot") == "2")
    }

    @Test func aSlowServerTimesOut() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 200, body: Self.aws, delay: 4) }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws"], http: ["retries": "0", "connect_timeout": "1"])
        let result = try setup.fetch()
        #expect(result.status == 69)
        #expect(result.stderr.contains("aws: failed: timed out"), "\(result.stderr)")
        #expect(try setup.sql("SELECT count(*) FROM snapshot") == "0")
    }

    @Test(arguments: [
        ("truncated", "the transfer ended early"), ("oversize", "larger than 1,000 bytes"), ("html", "no catalog header"),
    ])
    func aBadBodyIsRefusedAndNothingOfItStored(kind: String, message: String) throws {
        let server = try LoopbackHTTPServer { request in
            guard request.path.contains("/aws/") else { return .init(status: 200, body: Self.lambda) }
            switch kind {
            case "truncated": return .init(status: 200, body: Self.aws, cutAfter: Self.aws.count / 2)
            case "oversize": return .init(status: 200, body: Self.aws)
            default: return .init(status: 200, headers: [("Content-Type", "text/html")], text: "<!DOCTYPE html><html><body>Sign in</body></html>")
            }
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws", "lambda"], http: kind == "oversize" ? ["max_bytes": "1000"] : [:])
        let result = try setup.fetch()
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("aws: failed: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        if kind != "oversize" {
            #expect(try setup.sql("SELECT provider_ids FROM snapshot") == "lambda")
        }
    }

    @Test func aRedirectIsFollowed() throws {
        let server = try LoopbackHTTPServer { request in
            request.path.contains("/moved/")
                ? .init(status: 200, body: Self.aws) : .init(status: 302, headers: [("Location", "/moved/aws/vms.csv")])
        }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws"])
        let result = try setup.fetch()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.map(\.path) == ["/catalogs/v7/aws/vms.csv", "/moved/aws/vms.csv"])
    }

    /// Two fetches started together: the second waits for the first and then leaves out what it stored, so
    /// each source is downloaded once.
    @Test func aSecondFetchWaitsForTheFirst() throws {
        let server = try LoopbackHTTPServer { _ in .init(status: 200, body: Self.aws, delay: 0.5) }
        defer { server.stop() }
        let setup = try Setup(server: server, clouds: ["aws"])
        let processes = try (0..<2).map { _ in
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["fetch", "--db", setup.db, "--sources", setup.sources]
            process.environment = ProcessInfo.processInfo.environment.merging(setup.environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(server.requests.count == 1, "\(server.requests.count) downloads")
        #expect(try setup.sql("SELECT count(*) FROM snapshot") == "1")
    }

    @Test func aSourceOfOnesOwnAndUsageErrors() throws {
        let snapshot = try Array(Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent(ForeignFileTests.seed)))
        let server = try LoopbackHTTPServer { _ in .init(status: 200, body: snapshot) }
        defer { server.stop() }
        let setup = try Setup(
            server: server, clouds: [], extra: "[[source]]\nurl = \"\(server.base)/prices.json\"\nname = \"article\"\n")
        let result = try setup.fetch(["article"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("article: stored snapshot 1 (observed 2026-02-07): 57 offers"), "\(result.stdout)")
        let unknown = try setup.fetch(["artcle"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean \"article\"?"), "\(unknown.stderr)")
    }
}
