import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import Tracing

/// Calls Bot API methods: encodes them, sends them through a ``BotTransport``, decodes the
/// answer, and retries what is worth retrying as ``RetryPolicy`` says.
///
/// ```swift
/// let bot = BotClient(transport: AsyncHTTPClientTransport(httpClient: .shared, baseURL: url, token: token))
/// let me = try await bot.send(GetMe())
/// try await bot.send(SendMessage(chatID: .id(chatID), text: "Hello"))
/// ```
public struct BotClient: Sendable {
    private let transport: any BotTransport
    private var retryPolicy: RetryPolicy
    private let clock: any Clock<Duration>
    private let logger: Logger
    /// Time for a call to be answered; getUpdates gets its long-poll timeout on top.
    public let requestTimeout: Duration

    /// - Parameters:
    ///   - clock: waits between retries; tests pass one that does not really sleep.
    ///   - logger: retries are logged at `info`, wire detail at `trace`.
    public init(
        transport: some BotTransport,
        retryPolicy: RetryPolicy = .standard,
        requestTimeout: Duration = .seconds(30),
        clock: some Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "TelegramBotAPI", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.clock = clock
        self.logger = logger
    }

    /// The same client with another retry policy: a broadcast, for one, retries nothing itself.
    public func withRetryPolicy(_ policy: RetryPolicy) -> BotClient {
        var client = self
        client.retryPolicy = policy
        return client
    }

    /// Calls `method` and returns its result.
    /// - Throws: ``BotAPIError`` once retries are spent or the error is not worth a retry;
    ///   `CancellationError` when the task is cancelled.
    @discardableResult
    public func send<Method: BotMethod>(_ method: Method) async throws -> Method.Response {
        try await send(method, decoding: Method.Response.self, timeout: requestTimeout)
    }

    /// Calls `method` for what it does, not for what it returns: Telegram's answer is checked,
    /// with the same errors and retries as ``send(_:)``, but its result (often a whole
    /// ``Message``, the most costly thing the bot decodes) is not.
    public func perform<Method: BotMethod>(_ method: Method) async throws {
        _ = try await send(method, decoding: Accepted.self, timeout: requestTimeout)
    }

    /// Calls `method` and decodes its result as `Result`, with its own `timeout`.
    ///
    /// The poller uses it to read getUpdates as ``DecodedUpdate``s, one at a time.
    public func send<Method: BotMethod, Result: Decodable>(_ method: Method, decoding: Result.Type, timeout: Duration) async throws -> Result {
        // The long poll is not part of any update's work, and would be a trace every 30 s.
        guard BotAPITracing.isOn, Method.name != GetUpdates.name else {
            return try await sendRetrying(method, decoding: Result.self, timeout: timeout)
        }
        return try await withSpan("telegram \(Method.name)", ofKind: .client) { span in
            span.attributes["telegram.method"] = Method.name
            return try await sendRetrying(method, decoding: Result.self, timeout: timeout)
        }
    }

    private func sendRetrying<Method: BotMethod, Result: Decodable>(_ method: Method, decoding: Result.Type, timeout: Duration) async throws -> Result
    {
        let request = try encode(method, timeout: timeout)
        var attempt = 1
        while true {
            do {
                let result = try await sendOnce(request, decoding: Result.self)
                BotAPIMetrics.answered(Method.name, result: "ok")
                return result
            } catch let error as BotAPIError {
                BotAPIMetrics.answered(Method.name, result: "\(error.code)")
                guard let delay = retryPolicy.delay(after: error, attempt: attempt) else { throw error }
                BotAPIMetrics.waited(delay, reason: error.code == .tooManyRequests ? "flood" : "error")
                logger.info(
                    "Bot API call failed, retrying",
                    metadata: ["method": "\(Method.name)", "attempt": "\(attempt)", "retry.in": "\(delay)", "error": "\(error)"]
                )
                try await clock.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// Downloads the file behind a getFile result.
    /// - Throws: ``BotAPIError`` when the file has no `file_path` or the download fails.
    public func download(_ file: File) async throws -> ByteBuffer {
        guard let path = file.filePath else {
            throw BotAPIError(method: "downloadFile", code: .invalidRequest, description: "the file has no file_path; call getFile first")
        }
        return try await transport.download(filePath: path, timeout: requestTimeout)
    }

    private func sendOnce<Result: Decodable>(_ request: BotRequest, decoding: Result.Type) async throws -> Result {
        logger.trace("Bot API request", metadata: ["method": "\(request.method)", "bytes": "\(request.body.readableBytes)"])
        let response = try await transport.send(request)
        logger.trace("Bot API response", metadata: ["method": "\(request.method)", "status": "\(response.status)"])
        let envelope: Envelope<Result>
        do {
            envelope = try JSONDecoder().decode(Envelope<Result>.self, from: response.body)
        } catch {
            // A proxy's HTML error page or a result of the wrong shape; a 5xx stays retryable.
            let code: BotAPIError.Code = (500...599).contains(response.status) ? .serverError : .invalidResponse
            throw BotAPIError(
                method: request.method, code: code, errorCode: response.status, description: "unreadable answer (\(DecodedUpdate.describe(error)))")
        }
        if envelope.ok, let result = envelope.result {
            return result
        }
        throw BotAPIError(
            method: request.method,
            errorCode: envelope.errorCode ?? response.status,
            description: envelope.description ?? "no description",
            parameters: envelope.parameters
        )
    }

    private func encode<Method: BotMethod>(_ method: Method, timeout: Duration) throws -> BotRequest {
        do {
            let json = try JSONEncoder().encode(method)
            let uploads = method.uploads
            guard !uploads.isEmpty else {
                return BotRequest(method: Method.name, contentType: "application/json", body: ByteBuffer(data: json), timeout: timeout)
            }
            // Multipart fields are strings: text stays as it is, anything else as its JSON.
            var form = MultipartFormData()
            let fields = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) where uploads[name] == nil {
                if let text = value as? String {
                    form.append(field: name, value: text)
                } else {
                    let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
                    form.append(field: name, value: String(decoding: data, as: UTF8.self))
                }
            }
            for (name, upload) in uploads.sorted(by: { $0.key < $1.key }) {
                form.append(file: name, upload: upload)
            }
            return BotRequest(method: Method.name, contentType: form.contentType, body: form.finish(), timeout: timeout)
        } catch {
            throw BotAPIError(method: Method.name, code: .invalidRequest, description: "the parameters could not be encoded: \(error)")
        }
    }
}

/// A result that was there, read no further.
private struct Accepted: Decodable {
    init(from decoder: any Decoder) throws {}
}

/// The Bot API's answer around every result.
private struct Envelope<Result: Decodable>: Decodable {
    let ok: Bool
    let result: Result?
    let errorCode: Int?
    let description: String?
    let parameters: ResponseParameters?

    enum CodingKeys: String, CodingKey {
        case ok, result, description, parameters
        case errorCode = "error_code"
    }
}
