import NIOCore

/// A value in Redis's protocol (RESP2): what a command sends and what Redis answers.
public enum RESPValue: Sendable, Equatable {
    case simpleString(String)
    /// An error reply, such as `WRONGTYPE Operation against a key holding the wrong kind of value`.
    case error(String)
    case integer(Int64)
    /// A binary-safe string; nil is Redis's null bulk string (`$-1`), a missing key.
    case bulkString(ByteBuffer?)
    /// nil is the null array (`*-1`).
    case array([RESPValue]?)

    /// The value as text, for replies that are strings.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let buffer?): String(buffer: buffer)
        default: nil
        }
    }

    public var bytes: [UInt8]? {
        switch self {
        case .simpleString(let text): Array(text.utf8)
        case .bulkString(let buffer?): Array(buffer: buffer)
        default: nil
        }
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        self == .bulkString(nil) || self == .array(nil)
    }
}
