import Logging
import Synchronization
import TelegramBotAPI

/// Routes each update through the middlewares to one handler of a ``Router`` tree.
///
/// ```swift
/// let root = Router(name: "root")
/// root.message(.command("start")) { _, context in try await context.answer("Welcome!") }
/// let dispatcher = Dispatcher(router: root, bot: bot, botUsername: me.username, outerMiddlewares: [ErrorBoundaryMiddleware()], logger: logger)
/// try await dispatcher.runPolling()
/// ```
public struct Dispatcher: Sendable {
    let root: RouteNode
    let outer: [any UpdateMiddleware]
    let inner: [any UpdateMiddleware]
    public let bot: BotClient
    public let botUsername: String?
    public let storage: any StateStorage
    /// Where received updates wait until handled; the database's in production, so a crash loses none.
    public let inbox: any UpdateInbox
    let logger: Logger

    public init(
        router: Router, bot: BotClient, botUsername: String?, storage: any StateStorage = MemoryStateStorage(),
        inbox: any UpdateInbox = MemoryUpdateInbox(),
        outerMiddlewares: [any UpdateMiddleware] = [], innerMiddlewares: [any UpdateMiddleware] = [], logger: Logger
    ) {
        self.inbox = inbox
        self.root = router.freeze()
        self.outer = outerMiddlewares
        self.inner = innerMiddlewares
        self.bot = bot
        self.botUsername = botUsername
        self.storage = storage
        self.logger = logger
    }

    /// Handles one update to the end. Never throws: what escapes every middleware is logged,
    /// and a pressed button is always answered, so its spinner stops.
    public func feed(_ update: Update) async {
        var updateLogger = logger
        updateLogger[metadataKey: "update.id"] = "\(update.updateID)"
        if let user = update.sender { updateLogger[metadataKey: "user.id"] = "\(user.id)" }
        if let chat = update.chat { updateLogger[metadataKey: "chat.id"] = "\(chat.id)" }
        let context = HandlerContext(update: update, bot: bot, botUsername: botUsername, storage: storage, logger: updateLogger)
        let route = outer.wrapping { context in try await self.routeAndRun(context) }
        do {
            try await route(context)
        } catch is CancellationError {
            return
        } catch {
            updateLogger.error("Update failed", metadata: ["error": "\(error)"])
        }
        if update.callbackQuery != nil {
            try? await context.answerCallback()
        }
    }

    private func routeAndRun(_ context: HandlerContext) async throws {
        guard let (handler, path) = await root.route(context, kind: UpdateKind(context.update.kind)) else {
            context.route.record(nil)
            context.logger.debug("No handler for the update", metadata: ["update.kind": "\(context.update.kind.name)"])
            return
        }
        context.route.record(handler.name)
        var context = context
        context.logger[metadataKey: "handler"] = "\(handler.name)"
        try await (inner + path).wrapping(handler.run)(context)
    }
}

/// Which handler an update reached, for the middlewares outside routing (logging).
final class RouteRecord: Sendable {
    // Guards the name, written once by the dispatcher after routing.
    private let state = Mutex<(routed: Bool, handler: String?)>((false, nil))

    func record(_ handler: String?) {
        state.withLock { $0 = (true, handler) }
    }

    /// nil before routing; `.some(nil)` when no handler matched.
    var handler: String?? {
        state.withLock { $0.routed ? .some($0.handler) : nil }
    }
}
