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
    /// Says when the database is down: an update it cut short waits and is handled again.
    public let outages: any OutageMonitor
    /// How long an update's Bot API calls are retried while Telegram fails (5xx, refused, timed
    /// out), from when its handling begins; nil keeps the client's own policy.
    public let answerRetryWindow: Duration?
    let logger: Logger

    public init(
        router: Router, bot: BotClient, botUsername: String?, storage: any StateStorage = MemoryStateStorage(),
        inbox: any UpdateInbox = MemoryUpdateInbox(), outages: any OutageMonitor = NoOutages(), answerRetryWindow: Duration? = nil,
        outerMiddlewares: [any UpdateMiddleware] = [], innerMiddlewares: [any UpdateMiddleware] = [], logger: Logger
    ) {
        self.inbox = inbox
        self.outages = outages
        self.answerRetryWindow = answerRetryWindow
        self.root = router.freeze()
        self.outer = outerMiddlewares
        self.inner = innerMiddlewares
        self.bot = bot
        self.botUsername = botUsername
        self.storage = storage
        self.logger = logger
    }

    /// How the handling of one update ended.
    public enum Outcome: Sendable, Equatable {
        /// The handler returned, or failed and the failure was logged (and apologised for).
        case finished
        /// A dependency went away (``OutageMonitor/isOutage(_:)``): handle the update again once it is back.
        case interruptedByOutage
        /// The task was cancelled; the update stays unhandled in the inbox.
        case cancelled
    }

    /// Handles one update to the end. Never throws: what escapes every middleware is logged,
    /// and a pressed button is answered, so its spinner stops; unless an outage cut the handling
    /// short, and the update will be handled again.
    @discardableResult
    public func feed(_ update: Update) async -> Outcome {
        var updateLogger = logger
        updateLogger[metadataKey: "update.id"] = "\(update.updateID)"
        if let user = update.sender { updateLogger[metadataKey: "user.id"] = "\(user.id)" }
        if let chat = update.chat { updateLogger[metadataKey: "chat.id"] = "\(chat.id)" }
        let bot = answerRetryWindow.map { self.bot.withRetryPolicy(.until(.now + $0)) } ?? self.bot
        var context = HandlerContext(update: update, bot: bot, botUsername: botUsername, storage: storage, logger: updateLogger)
        context.outages = outages
        let route = outer.wrapping { context in try await self.routeAndRun(context) }
        do {
            try await route(context)
        } catch is CancellationError {
            return .cancelled
        } catch  where outages.isOutage(error) {
            updateLogger.debug(
                "Update cut short by an outage; it is handled again once it is over", metadata: ["error": "\(outages.describe(error))"])
            return .interruptedByOutage
        } catch {
            updateLogger.error("Update failed", metadata: ["error": "\(outages.describe(error))"])
        }
        if update.callbackQuery != nil {
            try? await context.answerCallback()
        }
        return Task.isCancelled ? .cancelled : .finished
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
