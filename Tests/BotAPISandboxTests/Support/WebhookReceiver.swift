import HTTPTypes
import Hummingbird
import Logging
import TelegramBotAPI

/// A bot's webhook endpoint on 127.0.0.1: checks `X-Telegram-Bot-Api-Secret-Token`, decodes the
/// update and hands it to `handle`; a wrong secret gets 401 and the update is not handled.
func withWebhookReceiver<Value: Sendable>(
    secret: String?,
    handle: @escaping @Sendable (Update) async throws -> Void,
    _ body: @Sendable (_ url: String) async throws -> Value
) async throws -> Value {
    let router = Router()
    router.post("hook") { request, _ -> HTTPResponse.Status in
        if let secret, request.headers[HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!] != secret {
            return .unauthorized
        }
        let bytes = try await request.body.collect(upTo: 1 << 20)
        guard case .update(let update) = DecodedUpdate(webhookBody: Array(buffer: bytes)) else { return .badRequest }
        try await handle(update)
        return .ok
    }
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
        logger: Logger(label: "webhook", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        defer { group.cancelAll() }
        return try await body("http://127.0.0.1:\(port)/hook")
    }
}
