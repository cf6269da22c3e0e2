import AsyncHTTPClient
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import TelegramBotAPI

/// A local stand-in for the Telegram Bot API, served over HTTP on loopback.
///
/// A bot talks to it through the same `BotClient` it uses with Telegram; only the base URL
/// changes. Tests, benchmarks and `quantum-panel sandbox` drive it through simulated users:
///
/// ```swift
/// try await BotAPISandbox.withRunning { sandbox in
///     let bot = BotClient(transport: AsyncHTTPClientTransport(httpClient: .shared, baseURL: sandbox.baseURL, token: sandbox.token))
///     let ana = await sandbox.makeUser(firstName: "Ana")
///     try await ana.send("/start")
///     …
/// }
/// ```
public final class BotAPISandbox: Sendable {
    /// The token the sandbox accepts unless configured otherwise; it has the shape of a real one.
    public static let defaultToken = BotToken("1000000001:SANDBOX_sandbox_sandbox_sandbox_token")

    public let configuration: SandboxConfiguration
    /// Everything the sandbox knows; simulated users act on it.
    public let state: SandboxState
    /// The stand-in for @CryptoBot's Crypto Pay, at ``cryptoPayURL``.
    public let cryptoPay = CryptoPayStandIn()
    private let port = Mutex<Int?>(nil)
    private let logger: Logger

    public init(
        configuration: SandboxConfiguration = .init(), logger: Logger = Logger(label: "BotAPISandbox", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.state = SandboxState(configuration: configuration)
        self.logger = logger
    }

    public var token: BotToken { configuration.token }

    /// The Crypto Pay stand-in's API address: the bot's `CRYPTO_PAY_API_URL`.
    public var cryptoPayURL: String { "\(baseURL)/cryptopay" }

    /// `http://127.0.0.1:<port>` once the server runs: the bot's `TELEGRAM_API_URL`.
    public var baseURL: String {
        "http://\(configuration.host):\(port.withLock { $0 } ?? configuration.port)"
    }

    /// Serves the Bot API and the control API, and delivers webhook updates, until cancelled.
    /// - Parameter onRunning: called once with the base URL when the server listens.
    public func run(onRunning: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let router = Router()
        router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.contentType], allowMethods: [.get, .post, .options]))
        BotAPIRoutes(state: state, token: token).add(to: router)
        ControlRoutes(state: state).add(to: router)
        WebChatRoutes(state: state).add(to: router)
        CryptoPayRoutes(standIn: cryptoPay).add(to: router)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "BotAPISandbox"),
            onServerRunning: { [self] channel in
                port.withLock { $0 = channel.localAddress?.port }
                await cryptoPay.setBaseURL(baseURL)
                await onRunning(baseURL)
            },
            logger: logger
        )
        let delivery = WebhookDelivery(state: state, httpClient: .shared, firstRetryDelay: configuration.webhookRetryDelay)
        let payments = CryptoPayWebhookDelivery(standIn: cryptoPay, httpClient: .shared, firstRetryDelay: configuration.webhookRetryDelay)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [state, logger] in try await Self.serveUntilCancelled(app, state: state, logger: logger) }
            group.addTask { await delivery.run() }
            group.addTask { await payments.run() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Runs the server until the task is cancelled, then shuts it down gracefully.
    ///
    /// Cancelling the server outright can trap the whole process: a connection accepted but not
    /// yet served is dropped with its writer unfinished, and NIO stops on that
    /// (apple/swift-nio#3481). So the server runs in a task of its own, which cancellation doesn't
    /// reach; cancellation ends the sandbox's waits (a long poll answers at once) and asks the
    /// server to finish what it is serving and stop.
    private static func serveUntilCancelled(_ app: some Service, state: SandboxState, logger: Logger) async throws {
        let services = ServiceGroup(configuration: .init(services: [.init(service: app)], logger: logger))
        let serving = Task { try await services.run() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task {
                await state.close()
                await services.triggerGracefulShutdown()
            }
        }
    }

    /// Starts a sandbox, runs `body` with it, and stops it whether `body` returns or throws.
    public static func withRunning<Value: Sendable>(
        configuration: SandboxConfiguration = .init(),
        _ body: @Sendable (BotAPISandbox) async throws -> Value
    ) async throws -> Value {
        let sandbox = BotAPISandbox(configuration: configuration)
        let (started, continuation) = AsyncStream.makeStream(of: Void.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await sandbox.run { _ in continuation.yield() }
            }
            for await _ in started { break }
            defer { group.cancelAll() }
            return try await body(sandbox)
        }
    }

    /// A client for the bot's side, over loopback through the shared HTTP client.
    public func makeClient(retryPolicy: RetryPolicy = .never) -> BotClient {
        BotClient(transport: AsyncHTTPClientTransport(httpClient: .shared, baseURL: baseURL, token: token), retryPolicy: retryPolicy)
    }

    /// A new simulated user with a private chat with the bot.
    public func makeUser(firstName: String, lastName: String? = nil, username: String? = nil, languageCode: String? = "en") async -> SimulatedUser {
        SimulatedUser(
            user: await state.createUser(firstName: firstName, lastName: lastName, username: username, languageCode: languageCode), state: state)
    }

    /// Every Bot API call the bot made, oldest first, with when it came and how long it took.
    public var calls: [RecordedCall] {
        get async { await state.recordedCalls }
    }
}
