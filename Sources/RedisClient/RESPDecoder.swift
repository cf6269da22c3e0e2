import NIOCore

/// Turns bytes from Redis into ``RESPValue``s, waiting for more bytes when a reply is incomplete.
public struct RESPDecoder: ByteToMessageDecoder {
    public typealias InboundOut = RESPValue

    /// Nesting deeper than this is refused: no command the bot sends gets such a reply.
    static let maximumDepth = 32

    public init() {}

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let value = try Self.parse(&buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(value))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// Reads one whole value from the front of `buffer`, or nothing (leaving `buffer` as it was)
    /// when the value isn't complete yet.
    public static func parse(_ buffer: inout ByteBuffer) throws(RESPError) -> RESPValue? {
        var copy = buffer
        guard let value = try parseValue(&copy, depth: 0) else { return nil }
        buffer = copy
        return value
    }

    private static func parseValue(_ buffer: inout ByteBuffer, depth: Int) throws(RESPError) -> RESPValue? {
        guard depth <= maximumDepth else { throw RESPError(reason: "a reply nests deeper than \(maximumDepth)") }
        guard let type = buffer.readInteger(as: UInt8.self) else { return nil }
        switch type {
        case UInt8(ascii: "+"):
            return line(&buffer).map(RESPValue.simpleString)
        case UInt8(ascii: "-"):
            return line(&buffer).map(RESPValue.error)
        case UInt8(ascii: ":"):
            guard let text = line(&buffer) else { return nil }
            guard let value = Int64(text) else { throw RESPError(reason: "integer reply is not a number") }
            return .integer(value)
        case UInt8(ascii: "$"):
            guard let text = line(&buffer) else { return nil }
            guard let length = Int(text), length >= -1 else { throw RESPError(reason: "bad bulk string length") }
            if length == -1 { return .bulkString(nil) }
            guard buffer.readableBytes >= length + 2, let bytes = buffer.readSlice(length: length) else { return nil }
            guard buffer.readInteger(as: UInt16.self) == 0x0D0A else { throw RESPError(reason: "bulk string not followed by CRLF") }
            return .bulkString(bytes)
        case UInt8(ascii: "*"):
            guard let text = line(&buffer) else { return nil }
            guard let count = Int(text), count >= -1 else { throw RESPError(reason: "bad array length") }
            if count == -1 { return .array(nil) }
            var elements: [RESPValue] = []
            elements.reserveCapacity(min(count, 1024))
            for _ in 0..<count {
                guard let element = try parseValue(&buffer, depth: depth + 1) else { return nil }
                elements.append(element)
            }
            return .array(elements)
        default:
            throw RESPError(reason: "unknown reply type byte \(type)")
        }
    }

    /// The text up to CRLF, consuming both; nil when no CRLF has arrived yet.
    private static func line(_ buffer: inout ByteBuffer) -> String? {
        let view = buffer.readableBytesView
        guard let cr = view.firstIndex(of: UInt8(ascii: "\r")), view.index(after: cr) < view.endIndex,
            view[view.index(after: cr)] == UInt8(ascii: "\n")
        else {
            return nil
        }
        let length = cr - view.startIndex
        let text = buffer.readString(length: length)
        buffer.moveReaderIndex(forwardBy: 2)
        return text
    }
}

/// A reply that breaks the protocol; the connection is closed when one arrives.
public struct RESPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { "RESP protocol error: \(reason)" }
}
