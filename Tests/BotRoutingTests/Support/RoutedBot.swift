import AsyncHTTPClient
import BotAPISandbox
import BotRouting
import Logging
import TelegramBotAPI

/// Runs a sandbox and a dispatcher polling it with `router`, runs `body`, then stops both.
func withRoutedBot<Value: Sendable>(
    _ router: Router,
    storage: any StateStorage = MemoryStateStorage(),
    outerMiddlewares: [any UpdateMiddleware] = [ErrorBoundaryMiddleware()],
    innerMiddlewares: [any UpdateMiddleware] = [],
    maxConcurrentUpdates: Int = 64,
    outages: any OutageMonitor = NoOutages(),
    logger: Logger = Logger(label: "routing", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable (BotAPISandbox) async throws -> Value
) async throws -> Value {
    let sandbox = BotAPISandbox()
    let (started, continuation) = AsyncStream.makeStream(of: Void.self)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await sandbox.run { _ in continuation.yield() } }
        for await _ in started { break }
        defer { group.cancelAll() }
        return try await withPolling(
            router, on: sandbox, storage: storage, outerMiddlewares: outerMiddlewares, innerMiddlewares: innerMiddlewares,
            maxConcurrentUpdates: maxConcurrentUpdates, outages: outages, logger: logger
        ) { try await body(sandbox) }
    }
}

/// Runs a dispatcher polling the running `sandbox` with `router` while `body` runs: one run of
/// a bot, which a test may follow with another (a restart) on the same sandbox and storage.
func withPolling<Value: Sendable>(
    _ router: Router,
    on sandbox: BotAPISandbox,
    storage: any StateStorage = MemoryStateStorage(),
    inbox: any UpdateInbox = MemoryUpdateInbox(),
    outerMiddlewares: [any UpdateMiddleware] = [ErrorBoundaryMiddleware()],
    innerMiddlewares: [any UpdateMiddleware] = [],
    maxConcurrentUpdates: Int = 64,
    outages: any OutageMonitor = NoOutages(),
    logger: Logger = Logger(label: "routing", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable () async throws -> Value
) async throws -> Value {
    let dispatcher = Dispatcher(
        router: router, bot: sandbox.makeClient(retryPolicy: .standard), botUsername: sandbox.configuration.botUsername, storage: storage,
        inbox: inbox, outages: outages, outerMiddlewares: outerMiddlewares, innerMiddlewares: innerMiddlewares, logger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await dispatcher.runPolling(configuration: .init(timeout: .seconds(5)), maxConcurrentUpdates: maxConcurrentUpdates)
        }
        defer { group.cancelAll() }
        return try await body()
    }
}

extension SimulatedUser {
    /// Sends text and returns the text of the bot's reply.
    func ask(_ text: String) async throws(SandboxError) -> String? {
        try await send(text)
        return try await nextMessage().text
    }
}
