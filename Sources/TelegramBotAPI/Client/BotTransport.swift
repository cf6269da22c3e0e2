import NIOCore

/// Carries Bot API requests to Telegram (or a stand-in) and brings back the raw answer.
///
/// ``AsyncHTTPClientTransport`` is the real one; tests use it too, pointed at a local server.
/// Implementations keep the token and must never put it into an error or a log line.
public protocol BotTransport: Sendable {
    /// Sends one method call and returns the HTTP status and body, whatever the status.
    /// - Throws: ``BotAPIError`` with code `.network` when no answer came.
    func send(_ request: BotRequest) async throws -> BotResponse

    /// Downloads a file by the `file_path` that getFile returned.
    /// - Throws: ``BotAPIError`` when the download failed.
    func download(filePath: String, timeout: Duration) async throws -> ByteBuffer
}

/// One encoded method call.
public struct BotRequest: Sendable {
    public var method: String
    public var contentType: String
    public var body: ByteBuffer
    /// The whole request must be answered within this time (getUpdates waits longer by design).
    public var timeout: Duration

    public init(method: String, contentType: String, body: ByteBuffer, timeout: Duration) {
        self.method = method
        self.contentType = contentType
        self.body = body
        self.timeout = timeout
    }
}

/// The HTTP answer to a ``BotRequest``.
public struct BotResponse: Sendable {
    public var status: Int
    public var body: ByteBuffer

    public init(status: Int, body: ByteBuffer) {
        self.status = status
        self.body = body
    }
}
