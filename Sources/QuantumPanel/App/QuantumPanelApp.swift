import AsyncHTTPClient
import BotRouting
import FluentKit
import Foundation
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
    let logger: Logger

    public init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Runs until a shutdown signal; returns normally after a graceful stop.
    /// - Throws: ``BotAPIError`` when Telegram refuses the token or can't be reached at start.
    public func run() async throws {
        let database = try settings.database.open(poolSize: settings.databasePoolSize)
        let lock: ShopFileLock?
        do {
            lock = try settings.database.lockWhileRunning()
        } catch {
            await database.shutdown()
            throw error
        }
        defer { withExtendedLifetime(lock) {} }
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
            let cache = makeCache(redis: redis, botID: me.id)
            let db = database.database(logger: Self.databaseLogger(logger))
            let shopBot = ShopBot(shop: makeShop(database: db, cache: cache), configuration: ShopConfiguration(settings: settings))
            do {
                try await shopBot.registerCommands(with: bot)
            } catch {
                logger.warning("The command list could not be set; the bot works without it", metadata: ["error": "\(error)"])
            }
            let dispatcher = shopBot.makeDispatcher(
                bot: bot, botUsername: me.username, storage: CachedStateStorage(database: DatabaseStateStorage(database: db), cache: cache),
                inbox: try DatabaseUpdateInbox(database: db, journalPath: handledJournalPath(botID: me.id)), logger: logger
            )
            let polling = PollingService(dispatcher: dispatcher)
            let reconciler = StarsReconciler(shop: shopBot.shop, bot: bot, interval: .seconds(300), logger: logger)
            let restock = shopBot.makeRestockNotifier(bot: bot, logger: logger)
            let broadcaster = Broadcaster(shop: shopBot.shop, bot: bot, perSecond: settings.broadcastPerSecond, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: polling), .init(service: reconciler), .init(service: restock), .init(service: broadcaster)],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
                )
            )
            try await group.run()
            await redis?.close()
        case .webhook:
            logger.critical("BOT_MODE=webhook is not served by this version yet; run with BOT_MODE=polling")
            throw WebhookNotAvailable()
        }
    }
}

extension QuantumPanelApp {
    /// The logger the database gets: Fluent logs every statement at debug, and passing each
    /// through the secret filter and the daily file cost a fifth of the bot's CPU (measured with
    /// `quantum-panel-bench flow`). Its warnings and errors still reach both.
    static func databaseLogger(_ logger: Logger) -> Logger {
        var quieter = logger
        quieter.handler = MinimumLevelLogHandler(wrapping: logger.handler, minimum: .info)
        return quieter
    }
}

extension QuantumPanelApp {
    /// The Redis client when `REDIS_URL` is set, whether or not Redis answers yet: while it is
    /// down the cache in front of it falls through to the database, and it is used once it is up.
    func connectRedis() async -> RedisClient? {
        guard let url = settings.redisURL, let configuration = try? RedisConfiguration(url: url) else { return nil }
        let redis = RedisClient(configuration: configuration, logger: logger)
        do {
            try await redis.ping()
            logger.info("Redis connected: the cache and cached conversation state live there")
        } catch {
            logger.warning("Redis is configured but unreachable; serving from the database until it answers", metadata: ["error": "\(error)"])
        }
        return redis
    }

    /// A cache in Redis under this bot's own prefix (falling back to the database while Redis is
    /// down), or in the process without Redis. The prefix carries the bot's id, so bots sharing
    /// one Redis share nothing.
    func makeCache(redis: RedisClient?, botID: Int64) -> any Cache {
        redis.map { DegradingCache(wrapping: RedisCache(redis: $0, namespace: RedisCache.namespace(botID: botID, currency: Currency(code: settings.currency))), logger: logger) } ?? MemoryCache()
    }

    /// Where handled update ids go first: beside the SQLite file, or under `./data` with
    /// PostgreSQL; one journal per bot.
    func handledJournalPath(botID: Int64) throws -> String {
        let folder: String
        switch settings.database {
        case .sqlite(let path): folder = (path as NSString).deletingLastPathComponent
        case .postgres: folder = "data"
        }
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return (folder.isEmpty ? "" : folder + "/") + "handled-updates-\(botID).journal"
    }

    /// The shop's services on `cache`.
    func makeShop(database: any Database, cache: any Cache) -> Shop {
        let currency = Currency(code: settings.currency)
        return Shop(
            database: database, currency: currency, rootAdminID: settings.rootAdminID,
            starValue: Money(minorUnits: settings.starValueMinorUnits, currency: currency), cache: cache, ttls: settings.cacheTTLs
        )
    }
}

/// Webhook serving lands with the HTTP issue; until then the mode is refused at start.
struct WebhookNotAvailable: Error, CustomStringConvertible {
    var description: String { "BOT_MODE=webhook is not available yet" }
}
