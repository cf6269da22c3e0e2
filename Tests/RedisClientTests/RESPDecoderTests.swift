import NIOCore
import NIOTestUtils
import RedisClient
import Testing

@Suite struct RESPDecoderTests {
    static func bulk(_ text: String) -> RESPValue { .bulkString(ByteBuffer(string: text)) }

    static let replies: [(String, RESPValue)] = [
        ("+OK\r\n", .simpleString("OK")),
        (
            "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
            .error("WRONGTYPE Operation against a key holding the wrong kind of value")
        ),
        (":1000\r\n", .integer(1000)),
        (":-42\r\n", .integer(-42)),
        ("$5\r\nhello\r\n", bulk("hello")),
        ("$0\r\n\r\n", bulk("")),
        ("$12\r\nline\r\nbreaks\r\n", bulk("line\r\nbreaks")),
        ("$-1\r\n", .bulkString(nil)),
        ("*-1\r\n", .array(nil)),
        ("*0\r\n", .array([])),
        ("*2\r\n$1\r\n0\r\n*2\r\n$4\r\nqp:a\r\n$-1\r\n", .array([bulk("0"), .array([bulk("qp:a"), .bulkString(nil)])])),
        ("*3\r\n:1\r\n+two\r\n-ERR three\r\n", .array([.integer(1), .simpleString("two"), .error("ERR three")])),
    ]

    @Test func everyReplyTypeDecodesWhereverTheBytesAreSplit() throws {
        let pairs = Self.replies.map { (ByteBuffer(string: $0.0), [$0.1]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { RESPDecoder() }
    }

    @Test func severalRepliesInOneReadComeOutInOrder() throws {
        var buffer = ByteBuffer(string: Self.replies.map(\.0).joined())
        var decoded: [RESPValue] = []
        while let value = try RESPDecoder.parse(&buffer) { decoded.append(value) }
        #expect(decoded == Self.replies.map(\.1))
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: ["?what\r\n", ":12a\r\n", "$-2\r\n", "$3\r\nabcXY", "*-5\r\n"])
    func malformedRepliesAreProtocolErrors(input: String) {
        var buffer = ByteBuffer(string: input)
        #expect(throws: RESPError.self) { try RESPDecoder.parse(&buffer) }
    }

    @Test func commandsAreArraysOfBulkStrings() {
        var buffer = ByteBuffer()
        RESPEncoder.encode(command: ["SET", "qp:k", .bytes([0, 13, 10, 255])], into: &buffer)
        #expect(Array(buffer: buffer) == Array("*3\r\n$3\r\nSET\r\n$4\r\nqp:k\r\n$4\r\n".utf8) + [0, 13, 10, 255] + Array("\r\n".utf8))
    }

    @Test(arguments: [
        ("redis://127.0.0.1:6380/2", RedisConfiguration(host: "127.0.0.1", port: 6380, database: 2)),
        ("redis://:s3cret@cache", RedisConfiguration(host: "cache", password: "s3cret")),
        ("redis://bot:p%40ss@cache:7000", RedisConfiguration(host: "cache", port: 7000, username: "bot", password: "p@ss")),
    ])
    func urlsGiveHostPortCredentialsAndDatabase(url: String, configuration: RedisConfiguration) throws {
        #expect(try RedisConfiguration(url: url) == configuration)
    }

    @Test(arguments: ["rediss://cache:6380", "http://cache", "redis://:6379", "redis://cache:99999", "redis://cache/x"])
    func badURLsAreRefused(url: String) {
        #expect(throws: RedisError.self) { try RedisConfiguration(url: url) }
    }
}
