import Crypto
import Foundation

/// The SHA-256 of a file's bytes as lower-case hex: how a file ingested before is recognised, whatever its name.
struct ContentHash {
    private var hasher = SHA256()

    mutating func update(data: Data) {
        hasher.update(data: data)
    }

    func finalize() -> String {
        Self.hex(hasher.finalize())
    }

    static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Hashes a file in 1 MB chunks, so that memory does not grow with its size.
    static func ofFile(at path: String) throws(IngestError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        var hash = ContentHash()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hash.update(data: chunk)
        }
        return hash.finalize()
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
