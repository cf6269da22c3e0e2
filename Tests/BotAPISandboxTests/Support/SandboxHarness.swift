import AsyncHTTPClient
import BotAPISandbox
import TelegramBotAPI
import Testing

/// Runs a sandbox and a real `BotClient` pointed at it over loopback, then stops both.
func withSandboxBot<Value: Sendable>(
    configuration: SandboxConfiguration = .init(),
    token: BotToken? = nil,
    retryPolicy: RetryPolicy = .never,
    _ body: @Sendable (BotAPISandbox, BotClient) async throws -> Value
) async throws -> Value {
    try await BotAPISandbox.withRunning(configuration: configuration) { sandbox in
        let transport = AsyncHTTPClientTransport(httpClient: .shared, baseURL: sandbox.baseURL, token: token ?? sandbox.token)
        return try await body(sandbox, BotClient(transport: transport, retryPolicy: retryPolicy))
    }
}

/// Expects `call` to fail with exactly Telegram's `code` and `description`.
func expectRefusal(
    _ code: Int, _ description: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ call: () async throws -> Void
) async {
    do {
        try await call()
        Issue.record("expected \(code) \(description), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as BotAPIError {
        #expect(error.errorCode == code, sourceLocation: sourceLocation)
        #expect(error.errorDescription == description, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a BotAPIError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// Polls once, without waiting, and returns what is pending.
func pendingUpdates(_ bot: BotClient, offset: Int64? = nil) async throws -> [Update] {
    try await bot.send(GetUpdates(offset: offset, timeout: 0))
}
