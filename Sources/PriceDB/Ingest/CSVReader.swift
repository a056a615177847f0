import Foundation

/// Reads RFC 4180 CSV from a file in fixed-size chunks, one record at a time, so that memory stays the same
/// whatever the file's size. Quoted fields may hold commas, quotes (doubled) and line breaks, as SkyPilot's
/// `GpuInfo` column does. Both `\n` and `\r\n` end a record.
struct CSVReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// The line on which the record last returned started, for messages.
    private(set) var recordLine = 0
    private var line = 1
    /// Every byte read so far is passed here first (the ingest hashes the file while it reads it).
    private let observe: (Data) -> Void

    init(path: String, chunkSize: Int = 1 << 20, observe: @escaping (Data) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission)
        }
        self.handle = handle
        self.chunkSize = chunkSize
        self.observe = observe
    }

    /// The next record's fields, or `nil` at the end of the file. An unterminated quote is an error.
    mutating func next() throws(CSVError) -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var started = false
        recordLine = line
        while true {
            guard let byte = try nextByte() else {
                if quoted { throw CSVError(line: recordLine, message: "a quoted field is not closed before the end of the file") }
                if !started { return nil }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            }
            started = true
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
            case 0x0D where peekByte() == 0x0A:
                continue
            case 0x0A:
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            default:
                field.append(byte)
            }
        }
    }

    private mutating func nextByte() throws(CSVError) -> UInt8? {
        if position == buffer.count {
            guard refill() else { return nil }
        }
        defer { position += 1 }
        return buffer[position]
    }

    private mutating func peekByte() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position]
    }

    private mutating func refill() -> Bool {
        guard !finished else { return false }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty {
            finished = true
            try? handle.close()
            return false
        }
        observe(data)
        buffer = [UInt8](data)
        position = 0
        return true
    }
}

/// A malformed CSV record.
struct CSVError: Error {
    let line: Int
    let message: String
}
