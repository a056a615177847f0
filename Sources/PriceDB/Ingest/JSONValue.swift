/// A position in a text file, counted from 1, as editors and compilers report it.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value that keeps what `JSONSerialization` throws away: number literals as written (so that
/// `0.29` stays exactly `0.29`), the order and duplicates of object keys, and where each value starts in the file.
public indirect enum JSONValue: Sendable {
    case object([Member], at: TextPosition)
    case array([JSONValue], at: TextPosition)
    case string(String, at: TextPosition)
    case number(literal: String, at: TextPosition)
    case bool(Bool, at: TextPosition)
    case null(at: TextPosition)

    /// One `"key": value` pair of an object.
    public struct Member: Sendable {
        public let key: String
        public let value: JSONValue
    }

    public var position: TextPosition {
        switch self {
        case .object(_, let at), .array(_, let at), .string(_, let at), .number(_, let at), .bool(_, let at),
            .null(let at):
            return at
        }
    }

    /// The JSON type's name as a user reads it in an error message.
    public var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
