import AsyncHTTPClient
import BotRouting
import FluentKit
import Foundation
import Logging
import Marketplace
import NIOCore
import RedisClient
import ServiceLifecycle
import TelegramBotAPI
import UnixSignals

/// The running bot: connects to the Bot API, says who it is, and serves updates until SIGTERM or SIGINT.
public struct QuantumPanelApp: Sendable {
    public let settings: Settings
    let logger: Logger
    /// The span exporter ``TracingBootstrap`` made, run beside the bot; nil when not tracing.
    let tracingExporter: (any Service)?

    public init(settings: Settings, logger: Logger, tracingExporter: (any Service)? = nil) {
        self.settings = settings
        self.logger = logger
        self.tracingExporter = tracingExporter
    }

    /// Runs until a shutdown signal; returns normally after a graceful stop.
    ///
    /// One `ServiceGroup` runs the HTTP server (health, readiness, the webhook) and the bot
    /// (``BotService``); SIGTERM or SIGINT stops the bot first (no new updates, those in flight
    /// finished, the polling offset confirmed), then the server; then Redis, the HTTP client and
    /// the database are closed.
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
        var httpConfiguration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
        // The client's own spans would record each URL, and a Bot API URL holds the token;
        // `BotClient` makes one per call, named after the method.
        httpConfiguration.tracing.tracer = nil
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let redis = makeRedisClient()
        let intake = settings.botMode == .webhook ? WebhookIntake() : nil
        let outages = DatabaseOutages.monitor(database, logger: logger)
        let readiness = Readiness(database: database, outages: outages, redis: redis, intake: intake, logger: logger)
        let webhook = intake.map {
            WebhookRoute(
                path: BotHTTPServer.webhookPath(of: settings.webhookURL ?? ""), secret: settings.webhookSecret ?? "", intake: $0, logger: logger)
        }
        let bot = BotService(
            app: self, database: database, httpClient: httpClient, redis: redis, readiness: readiness, intake: intake, outages: outages)
        // Whichever ends, the other stops gracefully: a bot that can't start takes the server down with it.
        // The span exporter first, so it stops last and sends the spans of the last updates.
        let stock = StockMetrics(
            registry: MetricsBootstrap.registry,
            stats: StatsService(database: database.database(logger: logger), currency: Currency(code: settings.currency)))
        let exporter = tracingExporter.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []
        func together(_ service: some Service) -> ServiceGroupConfiguration.ServiceConfiguration {
            .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
        }
        let servers =
            [together(BotHTTPServer.makeOperations(settings: settings, readiness: readiness, stock: stock, logger: logger))]
            + (BotHTTPServer.makePublic(settings: settings, webhook: webhook, logger: logger).map { [together($0)] } ?? [])
        let group = ServiceGroup(
            configuration: .init(
                services: exporter + servers + [together(bot)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            await close(redis: redis, httpClient: httpClient, database: database)
            throw error
        }
        await close(redis: redis, httpClient: httpClient, database: database)
    }

    private func close(redis: RedisClient?, httpClient: HTTPClient, database: MarketplaceDatabase) async {
        await redis?.close()
        try? await httpClient.shutdown()
        await database.shutdown()
    }

    /// What to say when the bot stops on `error`, and the exit status: 2 for a database that
    /// refuses this bot's settings (a wrong password, a missing database), which a restart can't
    /// fix; 1 for the rest. Never `PSQLError`'s generic sentence: what the server said.
    public static func stopReport(for error: any Error) -> (status: Int32, message: String) {
        if error is DatabaseStartup.Misconfigured { return (2, "\(error)") }
        return (1, DatabaseFailure(error).map { "the database failed: \($0.reason)" } ?? DatabaseFailure.describe(error))
    }

    /// Asks the Bot API who the bot is, and says so in the log.
    func connect(_ bot: BotClient) async throws -> User {
        let me = try await bot.send(GetMe())
        logger.info(
            "Connected to the Bot API",
            metadata: [
                "bot.id": "\(me.id)", "bot.username": "\(me.username ?? "")", "mode": "\(settings.botMode.rawValue)",
                "database": "\(settings.database)",
            ])
        return me
    }
}

extension QuantumPanelApp {
    /// The logger the database gets: Fluent logs every statement at debug, and passing each
    /// through the secret filter and the daily file cost a fifth of the bot's CPU (measured with
    /// `quantum-panel-bench flow`). Its warnings and errors still reach both, except the pool's
    /// line per failed connection: the outage they make is logged once (``DatabaseOutages``).
    static func databaseLogger(_ logger: Logger) -> Logger {
        var quieter = logger
        quieter.handler = MinimumLevelLogHandler(
            wrapping: logger.handler, minimum: .info, dropping: ["Opening new connection for pool failed", "Connection request timed out"]
        )
        return quieter
    }
}

extension QuantumPanelApp {
    /// The Redis client when `REDIS_URL` is set, whether or not Redis answers yet: while it is
    /// down the cache in front of it falls through to the database, and it is used once it is up.
    func makeRedisClient() -> RedisClient? {
        guard let url = settings.redisURL, let configuration = try? RedisConfiguration(url: url) else { return nil }
        return RedisClient(configuration: configuration, logger: logger)
    }

    /// Says in the log whether Redis answers at start.
    func reportRedis(_ redis: RedisClient?) async {
        guard let redis else { return }
        do {
            try await redis.ping()
            logger.info("Redis connected: the cache and cached conversation state live there")
        } catch {
            logger.warning("Redis is configured but unreachable; serving from the database until it answers", metadata: ["error": "\(error)"])
        }
    }

    /// A cache in Redis under this bot's own prefix (falling back to the database while Redis is
    /// down), or in the process without Redis. The prefix carries the bot's id, so bots sharing
    /// one Redis share nothing.
    func makeCache(redis: RedisClient?, botID: Int64) -> any Cache {
        redis.map {
            DegradingCache(
                wrapping: RedisCache(redis: $0, namespace: RedisCache.namespace(botID: botID, currency: Currency(code: settings.currency))),
                logger: logger)
        } ?? MemoryCache()
    }

    /// Where handled update ids go first: beside the SQLite file, one journal per bot. None
    /// with PostgreSQL: other processes may share the database and take over its updates, and
    /// must see every mark, so marks go straight to the database.
    func handledJournalPath(botID: Int64) throws -> String? {
        guard case .sqlite(let path) = settings.database else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
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
