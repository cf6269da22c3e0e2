import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// The bot as a dispatcher: the shop's routers behind the middlewares every update passes.
/// The app and the end-to-end tests build it the same way.
public struct ShopBot: Sendable {
    public let shop: Shop
    public let configuration: ShopConfiguration
    /// The panel nudges it when keys bring a price back; ``makeRestockNotifier(bot:logger:)`` answers.
    let restockWakeUp = WakeUpSignal()
    /// Crypto top-ups' provider; nil: off.
    let topUpProvider: (any TopUpProvider)?

    public init(shop: Shop, configuration: ShopConfiguration) {
        self.init(shop: shop, configuration: configuration, topUpProvider: nil)
    }

    init(shop: Shop, configuration: ShopConfiguration, topUpProvider: (any TopUpProvider)?) {
        self.shop = shop
        self.configuration = configuration
        self.topUpProvider = topUpProvider
    }

    /// The service that tells waiting customers a price is back; run one per bot.
    public func makeRestockNotifier(bot: BotClient, logger: Logger) -> RestockNotifier {
        RestockNotifier(shop: shop, bot: bot, wakeUp: restockWakeUp, logger: logger)
    }

    /// - Parameters:
    ///   - storage: conversation state (a reseller typing a quantity); the database in production.
    ///   - inbox: where received updates wait until handled; the database in production.
    ///   - outages: says when the database is down, so updates wait for it instead of failing.
    ///   - answerRetryWindow: how long an update's Bot API calls are retried while Telegram fails.
    ///   - throttling: how fast one user may go; a shopper tapping through menus sends bursts.
    public func makeDispatcher(
        bot: BotClient, botUsername: String?, storage: any StateStorage, inbox: any UpdateInbox,
        outages: any OutageMonitor = NoOutages(), answerRetryWindow: Duration? = nil,
        throttling: ThrottlingMiddleware = ShopBot.standardThrottling, logger: Logger
    ) -> Dispatcher {
        let root = Router(name: "root")
        for router in handlers.makeRouters() {
            root.include(router)
        }
        let outer: [any UpdateMiddleware] = [MetricsMiddleware(), LoggingMiddleware(), apology, throttling]
        // Spans only when the process traces (`TRACING`): otherwise no middleware, no cost.
        let tracing = ShopTracing.isOn
        return Dispatcher(
            router: root, bot: bot, botUsername: botUsername, storage: storage, inbox: inbox, outages: outages, answerRetryWindow: answerRetryWindow,
            outerMiddlewares: tracing ? [TracingMiddleware(.update)] + outer : outer,
            innerMiddlewares: tracing ? [TracingMiddleware(.handler)] : [],
            logger: logger
        )
    }

    private var handlers: ShopHandlers {
        ShopHandlers(shop: shop, configuration: configuration, restockWakeUp: restockWakeUp, topUpProvider: topUpProvider)
    }

    /// The apology after a failed handler, in the language the customer chose (or their app's).
    var apology: ErrorBoundaryMiddleware {
        let users = shop.users
        return ErrorBoundaryMiddleware { context in
            let customer = if let id = context.update.sender?.id { try? await users.find(telegramID: id) } else { CustomerSnapshot?.none }
            return Language(customer: customer ?? nil, telegramCode: context.update.sender?.languageCode).strings.apology
        }
    }

    /// Ten updates at once, then three a second, per user. A new one each time: it holds the
    /// users' budgets.
    public static var standardThrottling: ThrottlingMiddleware { throttling(perSecond: 3, burst: 10) }

    /// Flood control whose notice is in the user's Telegram language.
    public static func throttling(perSecond: Double, burst: Int) -> ThrottlingMiddleware {
        ThrottlingMiddleware(perSecond: perSecond, burst: burst) { context in
            Language(telegramCode: context.update.sender?.languageCode).strings.tooFast
        }
    }

    /// Sets the command list Telegram shows, in every language the shop speaks.
    public func registerCommands(with bot: BotClient) async throws {
        try await handlers.registerCommands(with: bot)
    }
}
