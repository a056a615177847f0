import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Downloads one source over HTTP into a file, as `HTTPPolicy` says: conditional on what the last download
/// returned, following a few redirects, with a connect and a total timeout, retrying a connection error, a 5xx
/// or a 429 with backoff and jitter (a `Retry-After` is honoured), and refusing a body past the size cap or cut
/// short. Foundation's `URLSession` does the HTTP (through libcurl on Linux, which also takes `HTTPS_PROXY` and
/// `NO_PROXY` from the environment).
public struct HTTPDownloader: Sendable {
    public let policy: HTTPPolicy
    /// `pricedb/<version>`.
    public let userAgent: String

    public init(policy: HTTPPolicy, userAgent: String) {
        self.policy = policy
        self.userAgent = userAgent
    }

    /// What a download gave.
    public enum Outcome: Sendable {
        /// A body, in the file at `path` (the caller removes it), with the validators for the next request.
        case body(path: String, etag: String?, lastModified: String?)
        /// `304 Not Modified`: the source is as the validators sent describe it.
        case notModified
    }

    /// Why a download gave nothing to store.
    public enum Failure: Error, Equatable, Sendable {
        /// The source could not be reached, or answered with an error status (exit 69).
        case unreachable(String)
        /// A body came, but it is not one to store: cut short, or past the size cap (exit 65).
        case badBody(String)

        public var reason: String {
            switch self {
            case .unreachable(let reason), .badBody(let reason): return reason
            }
        }
    }

    /// Downloads `url` into a new file in `folder`; `etag` and `lastModified` make the request conditional.
    public func get(_ url: URL, etag: String?, lastModified: String?, into folder: URL) -> Result<Outcome, Failure> {
        var attempt = 0
        while true {
            let result = once(url, etag: etag, lastModified: lastModified, into: folder)
            switch result {
            case .finished(let outcome): return .success(outcome)
            case .failed(let failure): return .failure(failure)
            case .retry(let failure, let after):
                guard attempt < policy.retries else { return .failure(failure) }
                let backoff = policy.backoff * Double(1 << attempt)
                Thread.sleep(forTimeInterval: min(after ?? backoff + Double.random(in: 0...max(backoff, 0)), policy.longestRetryAfter))
                attempt += 1
            }
        }
    }

    private enum Attempted {
        case finished(Outcome)
        case failed(Failure)
        /// Worth another try, after `after` seconds if the server said so.
        case retry(Failure, after: Double?)
    }

    private func once(_ url: URL, etag: String?, lastModified: String?, into folder: URL) -> Attempted {
        let path = folder.appendingPathComponent("download-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let output = FileHandle(forWritingAtPath: path) else {
            return .failed(.unreachable("cannot write a download into \(folder.path)"))
        }
        let transfer = Transfer(output: output, cap: policy.maximumBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.connectTimeout
        configuration.timeoutIntervalForResource = policy.totalTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        var request = URLRequest(url: url)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let task = session.dataTask(with: request)
        task.resume()
        if transfer.done.wait(timeout: .now() + policy.totalTimeout + policy.connectTimeout + 5) == .timedOut {
            task.cancel()
            _ = transfer.done.wait(timeout: .now() + 5)
        }
        session.finishTasksAndInvalidate()
        try? output.close()
        let outcome = transfer.outcome(sentValidators: etag != nil || lastModified != nil, url: url)
        if case .finished(.body) = outcome {
            return .finished(.body(path: path, etag: transfer.header("ETag"), lastModified: transfer.header("Last-Modified")))
        }
        try? FileManager.default.removeItem(atPath: path)
        return outcome
    }

    /// One request's state, as `URLSession` reports it to its delegate; the delegate queue runs one callback at
    /// a time, and `done` is signalled after the last.
    private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let output: FileHandle
        let cap: Int
        let done = DispatchSemaphore(value: 0)
        var response: HTTPURLResponse?
        var received = 0
        var error: (any Error)?
        var overflow = false
        var writeFailure: String?
        var redirects = 0
        static let redirectLimit = 5

        init(output: FileHandle, cap: Int) {
            self.output = output
            self.cap = cap
        }

        func header(_ name: String) -> String? {
            response?.value(forHTTPHeaderField: name)
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
        ) {
            self.response = response as? HTTPURLResponse
            if let length = self.response?.expectedContentLength, length > cap, self.response?.statusCode == 200 {
                overflow = true
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            received += data.count
            if received > cap {
                overflow = true
                dataTask.cancel()
                return
            }
            guard response?.statusCode == 200, writeFailure == nil else { return }
            do {
                try output.write(contentsOf: data)
            } catch {
                writeFailure = error.localizedDescription
                dataTask.cancel()
            }
        }

        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
        ) {
            redirects += 1
            completionHandler(redirects <= Self.redirectLimit ? request : nil)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            self.error = error
            done.signal()
        }

        func outcome(sentValidators: Bool, url: URL) -> Attempted {
            if overflow {
                return .failed(.badBody("the body is larger than \(cap.formatted()) bytes, the most `fetch` reads ([http] max_bytes)"))
            }
            if let writeFailure { return .failed(.unreachable("cannot write the download: \(writeFailure)")) }
            if let error {
                let reason = (error as? URLError).map(Self.describe) ?? error.localizedDescription
                if response?.statusCode == 200 && received > 0 {
                    return .failed(.badBody("the transfer ended early, after \(received.formatted()) bytes (\(reason))"))
                }
                return .retry(.unreachable(reason), after: nil)
            }
            guard let response else { return .retry(.unreachable("no HTTP answer"), after: nil) }
            let status = response.statusCode
            let statusText = "HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status).capitalized)"
            switch status {
            case 200:
                let length = response.expectedContentLength
                if length >= 0, header("Content-Encoding") == nil, Int64(received) != length {
                    return .failed(.badBody("the body has \(received.formatted()) bytes where the server announced \(length.formatted())"))
                }
                return .finished(.body(path: "", etag: nil, lastModified: nil))
            case 304 where sentValidators:
                return .finished(.notModified)
            case 301, 302, 303, 307, 308:
                return .failed(.unreachable("more than \(Self.redirectLimit) redirects (\(statusText))"))
            case 429, 500...599:
                return .retry(.unreachable(statusText), after: retryAfter())
            default:
                return .failed(.unreachable(statusText))
            }
        }

        /// `Retry-After` in seconds, or as an HTTP date.
        private func retryAfter() -> Double? {
            guard let value = header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
            if let seconds = Double(value), seconds >= 0 { return seconds }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
        }

        private static func describe(_ error: URLError) -> String {
            switch error.code {
            case .timedOut: return "timed out"
            case .cannotConnectToHost: return "connection refused"
            case .cannotFindHost, .dnsLookupFailed: return "host not found"
            case .networkConnectionLost: return "the connection was lost"
            case .notConnectedToInternet: return "no network"
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
                return "the TLS connection failed"
            default: return error.localizedDescription
            }
        }
    }
}
