import AsyncHTTPClient
import BotRouting
import Marketplace
import RedisClient
import Logging
import NIOCore
import ServiceLifecycle
import TelegramBotAPI
import UnixSignals

/// The running bot: connects to the Bot API, says who it is, and serves updates until SIGTERM or SIGINT.
public struct QuantumPanelApp: Sendable {
    public let settings: Settings
    private let logger: Logger

    public init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Runs until a shutdown signal; returns normally after a graceful stop.
    /// - Throws: ``BotAPIError`` when Telegram refuses the token or can't be reached at start.
    public func run() async throws {
        let database = try settings.database.open(poolSize: settings.databasePoolSize)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(10))))
        do {
            if settings.autoMigrate {
                try await database.migrate(logger: logger)
                logger.info("Database ready", metadata: ["database": "\(settings.database)"])
            }
            try await serve(httpClient: httpClient, database: database)
            try await httpClient.shutdown()
            await database.shutdown()
        } catch {
            try? await httpClient.shutdown()
            await database.shutdown()
            throw error
        }
    }

    private func serve(httpClient: HTTPClient, database: MarketplaceDatabase) async throws {
        let transport = AsyncHTTPClientTransport(httpClient: httpClient, baseURL: settings.telegramAPIURL, token: settings.botToken)
        let bot = BotClient(transport: transport, logger: logger)

        let me = try await bot.send(GetMe())
        logger.info("Connected to the Bot API", metadata: ["bot.id": "\(me.id)", "bot.username": "\(me.username ?? "")", "mode": "\(settings.botMode.rawValue)", "database": "\(settings.database)"])

        switch settings.botMode {
        case .polling:
            // A webhook left over from an earlier deployment would make every getUpdates a 409.
            try await bot.send(DeleteWebhook(dropPendingUpdates: false))
            let redis = await connectRedis()
            let (storage, handledUpdates) = botState(database: database, redis: redis)
            let shopBot = ShopBot(shop: makeShop(database: database, redis: redis), configuration: ShopConfiguration(settings: settings))
            do {
                try await shopBot.registerCommands(with: bot)
            } catch {
                logger.warning("The command list could not be set; the bot works without it", metadata: ["error": "\(error)"])
            }
            let dispatcher = shopBot.makeDispatcher(bot: bot, botUsername: me.username, storage: storage, handledUpdates: handledUpdates, logger: logger)
            let polling = PollingService(dispatcher: dispatcher)
            let group = ServiceGroup(
                configuration: .init(services: [.init(service: polling)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            )
            try await group.run()
        case .webhook:
            logger.critical("BOT_MODE=webhook is not served by this version yet; run with BOT_MODE=polling")
            throw WebhookNotAvailable()
        }
    }
}

extension QuantumPanelApp {
    /// Redis when it is configured and answers at start; nil otherwise.
    func connectRedis() async -> RedisClient? {
        guard let url = settings.redisURL, let configuration = try? RedisConfiguration(url: url) else { return nil }
        let redis = RedisClient(configuration: configuration, logger: logger)
        do {
            try await redis.ping()
            logger.info("Redis connected: cache and conversation state live there")
            return redis
        } catch {
            logger.warning("Redis is configured but unreachable; the cache stays in the process and conversation state in the database", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Where conversation state and handled update ids live: Redis when it answered at start,
    /// else the database. Either way a restart loses neither.
    func botState(database: MarketplaceDatabase, redis: RedisClient?) -> (any StateStorage, any UpdateDeduplicationStore) {
        if let redis {
            return (RedisStateStorage(redis: redis), RedisDeduplicationStore(redis: redis))
        }
        let db = database.database(logger: logger)
        return (DatabaseStateStorage(database: db), DatabaseDeduplicationStore(database: db))
    }

    /// The shop's services on a cache in Redis (falling back to the database while Redis is
    /// down), or in the process without Redis.
    func makeShop(database: MarketplaceDatabase, redis: RedisClient?) -> Shop {
        let cache: any Cache = redis.map { DegradingCache(wrapping: RedisCache(redis: $0), logger: logger) } ?? MemoryCache()
        let currency = Currency(code: settings.currency)
        return Shop(
            database: database.database(logger: logger), currency: currency, rootAdminID: settings.rootAdminID,
            starValue: Money(minorUnits: settings.starValueMinorUnits, currency: currency), cache: cache, ttls: settings.cacheTTLs
        )
    }
}

/// Webhook serving lands with the HTTP issue; until then the mode is refused at start.
struct WebhookNotAvailable: Error, CustomStringConvertible {
    var description: String { "BOT_MODE=webhook is not available yet" }
}
