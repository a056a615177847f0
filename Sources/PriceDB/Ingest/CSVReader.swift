import Foundation

/// Reads RFC 4180 CSV from a file in fixed-size chunks, one record at a time, so that memory stays the same
/// whatever the file's size. Quoted fields may hold commas, quotes (doubled) and line breaks, as SkyPilot's
/// `GpuInfo` column does. Both `\n` and `\r\n` end a record. Fields are byte ranges of one reused record buffer:
/// nothing is decoded until the caller asks for a field as text.
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

    /// The longest record read: memory stays bounded for any input, and no real catalog comes near it.
    static let maximumRecordBytes = 1 << 20

    init(path: String, chunkSize: Int = 1 << 20, observe: @escaping (Data) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoPermission)
        }
        self.handle = handle
        self.chunkSize = chunkSize
        self.observe = observe
    }

    /// One record: its fields' bytes (quotes removed, doubled quotes undone) and where each field starts within
    /// them. Reused from record to record.
    struct Record {
        fileprivate(set) var bytes: [UInt8] = []
        fileprivate(set) var bounds: [Range<Int>] = []
        /// Where each field starts on its line, counted in bytes from 1, for messages.
        fileprivate(set) var columns: [Int] = []

        var count: Int { bounds.count }

        subscript(field: Int) -> ArraySlice<UInt8> { bytes[bounds[field]] }

        /// A field without the spaces and tabs around it.
        func trimmed(_ field: Int) -> ArraySlice<UInt8> {
            var slice = self[field]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return slice
        }

        fileprivate mutating func clear() {
            bytes.removeAll(keepingCapacity: true)
            bounds.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
        }
    }

    /// Reads the next record into `record`; `false` at the end of the file. An unterminated quote is an error.
    mutating func next(into record: inout Record) throws(CSVError) -> Bool {
        record.clear()
        var quoted = false
        var started = false
        var fieldStart = 0
        var column = 1
        record.columns.append(1)
        recordLine = line
        while true {
            guard let byte = nextByte() else {
                if quoted { throw CSVError(line: recordLine, message: "a quoted field is not closed before the end of the file") }
                if !started { return false }
                record.bounds.append(fieldStart..<record.bytes.count)
                return true
            }
            started = true
            column += 1
            if record.bytes.count > Self.maximumRecordBytes {
                throw CSVError(
                    line: recordLine,
                    message: "a record longer than \(Self.maximumRecordBytes >> 20) MB; a catalog's records are a few hundred "
                        + "bytes, so this is not one (a quote left open, or binary data)")
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peekByte() == UInt8(ascii: "\"") {
                        _ = nextByte()
                        record.bytes.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    }
                    record.bytes.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                record.bounds.append(fieldStart..<record.bytes.count)
                record.columns.append(column)
                fieldStart = record.bytes.count
            case UInt8(ascii: "\"") where record.bytes.count == fieldStart:
                quoted = true
            case 0x0D where peekByte() == 0x0A:
                continue
            case 0x0A:
                line += 1
                record.bounds.append(fieldStart..<record.bytes.count)
                return true
            default:
                record.bytes.append(byte)
            }
        }
    }

    private mutating func nextByte() -> UInt8? {
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
