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
    /// Everything is made here, up front, and run as one flat `ServiceGroup`: the span exporter,
    /// the HTTP listeners, the ``BotPrelude`` (database, migrations, `getMe`), the
    /// ``UpdateService`` and the background jobs, the last two once the prelude is done and, with
    /// PostgreSQL, only while this process leads where only one may run. SIGTERM or SIGINT stops
    /// them in reverse order: updates first (none new, those in flight finished, the polling
    /// offset confirmed), the servers last; then Redis, the HTTP client and the database close.
    /// - Throws: ``BotAPIError`` when Telegram refuses the token or can't be reached at start.
    public func run() async throws {
        let database = try settings.database.location.open(poolSize: settings.database.poolSize)
        let lock: ShopFileLock?
        do {
            lock = try settings.database.location.lockWhileRunning()
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
        do {
            try await ServiceGroup(
                configuration: .init(
                    services: try services(database: database, httpClient: httpClient, redis: redis),
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            ).run()
        } catch {
            await close(redis: redis, httpClient: httpClient, database: database)
            throw error
        }
        await close(redis: redis, httpClient: httpClient, database: database)
    }

    /// The whole bot, in the order it starts; it stops in reverse.
    private func services(
        database: MarketplaceDatabase, httpClient: HTTPClient, redis: RedisClient?
    ) throws -> [ServiceGroupConfiguration.ServiceConfiguration] {
        let botID = settings.telegram.botID
        let bot = BotClient(
            transport: AsyncHTTPClientTransport(httpClient: httpClient, baseURL: settings.telegram.apiURL, token: settings.telegram.token),
            logger: logger)
        let cache = makeCache(redis: redis, botID: botID)
        let db = database.database(logger: Self.databaseLogger(logger))
        let cryptoPay = settings.cryptoPay.map { CryptoPayClient(httpClient: httpClient, settings: $0, currency: settings.shop.currency) }
        let shopBot = ShopBot(
            shop: makeShop(database: db, cache: cache), configuration: ShopConfiguration(settings: settings), topUpProvider: cryptoPay)
        let storage = CachedStateStorage(database: DatabaseStateStorage(database: db), cache: cache)
        let journalPath = try handledJournalPath(botID: botID)
        let outages = DatabaseOutages.monitor(database, logger: logger)
        let webhook = settings.telegram.mode.webhook
        let intake = webhook.map { _ in WebhookIntake() }
        let readiness = Readiness(database: database, outages: outages, redis: redis, intake: intake, logger: logger)
        let stock = StockMetrics(registry: MetricsBootstrap.registry, stats: StatsService(database: db, currency: settings.shop.currency))
        let gate = PreludeGate()
        let prelude = BotPrelude(settings: settings, database: database, bot: bot, redis: redis, shopBot: shopBot, gate: gate, logger: logger)
        let payments = TopUpPayments(shop: shopBot.shop, bot: bot, logger: logger)
        // Stars are always reconciled: payments and refunds from when Stars top-ups were offered stay Telegram's to report.
        let providers: [any TopUpProvider] = [StarsTopUpProvider(shop: shopBot.shop, bot: bot, logger: logger)] + (cryptoPay.map { [$0] } ?? [])
        let jobs: [any Service] =
            [
                shopBot.makeRestockNotifier(bot: bot, logger: logger),
                Broadcaster(shop: shopBot.shop, bot: bot, perSecond: settings.broadcasts.perSecond, logger: logger),
            ] + providers.map { TopUpReconciler(provider: $0, payments: payments, interval: .seconds(300), logger: logger) }
        let polling = webhook == nil
        let leaderLock = try settings.database.location.postgresURL.map { try PostgresLeaderLock(url: $0, botID: botID, logger: logger) }
        let updates = UpdateService(
            settings: settings, gate: gate, bot: bot, shopBot: shopBot, storage: storage,
            makeInbox: { try DatabaseUpdateInbox(database: db, journalPath: journalPath, owner: $0) }, outages: outages, intake: intake,
            readiness: readiness, isElected: leaderLock != nil && polling, logger: logger)
        // With PostgreSQL only the leader polls and runs the jobs; every process takes webhook calls.
        let taking: [any Service]
        if let leaderLock {
            let mode = settings.telegram.mode.name
            let leaderOnly = LeaderOnlyService(
                lock: leaderLock, services: polling ? [updates] + jobs : jobs,
                onLead: { [readiness] in if polling { readiness.setUpdates(mode) } },
                onStandby: { [readiness] in if polling { readiness.setUpdates("standby") } })
            taking = (polling ? [] : [updates]) + [AfterPrelude(gate: gate, service: leaderOnly)]
        } else {
            taking = [updates] + jobs.map { AfterPrelude(gate: gate, service: $0) }
        }
        // Whichever ends, the rest stop gracefully: a bot that can't start takes the servers down
        // with it. The prelude alone may end and leave the rest running.
        func together(_ service: any Service) -> ServiceGroupConfiguration.ServiceConfiguration {
            .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
        }
        let exporter = tracingExporter.map { [ServiceGroupConfiguration.ServiceConfiguration(service: $0)] } ?? []
        let webhookRoute = webhook.flatMap { webhook in
            intake.map { WebhookRoute(path: BotHTTPServer.webhookPath(of: webhook.url), secret: webhook.secret, intake: $0, logger: logger) }
        }
        let cryptoPayRoute = settings.cryptoPay.map {
            CryptoPayWebhookRoute(
                path: $0.webhookPath, signature: CryptoPaySignature(token: $0.token), payments: payments, currency: settings.shop.currency,
                logger: logger)
        }
        let servers =
            [together(BotHTTPServer.makeOperations(settings: settings, readiness: readiness, stock: stock, logger: logger))]
            + (BotHTTPServer.makePublic(settings: settings, webhook: webhookRoute, cryptoPay: cryptoPayRoute, logger: logger).map { [together($0)] }
                ?? [])
        let start = ServiceGroupConfiguration.ServiceConfiguration(
            service: prelude, successTerminationBehavior: .ignore, failureTerminationBehavior: .gracefullyShutdownGroup)
        return exporter + servers + [start] + taking.map(together)
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
        guard let url = settings.cache.redisURL, let configuration = try? RedisConfiguration(url: url) else { return nil }
        return RedisClient(configuration: configuration, logger: logger)
    }

    /// Says in the log whether Redis answers at start.
    static func reportRedis(_ redis: RedisClient?, logger: Logger) async {
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
                wrapping: RedisCache(redis: $0, namespace: RedisCache.namespace(botID: botID, currency: settings.shop.currency)),
                logger: logger)
        } ?? MemoryCache()
    }

    /// Where handled update ids go first: beside the SQLite file, one journal per bot. None
    /// with PostgreSQL: other processes may share the database and take over its updates, and
    /// must see every mark, so marks go straight to the database.
    func handledJournalPath(botID: Int64) throws -> String? {
        guard case .sqlite(let path) = settings.database.location else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return (folder.isEmpty ? "" : folder + "/") + "handled-updates-\(botID).journal"
    }

    /// The shop's services on `cache`.
    func makeShop(database: any Database, cache: any Cache) -> Shop {
        let currency = settings.shop.currency
        return Shop(
            database: database, currency: currency, rootAdminID: settings.telegram.rootAdminID,
            starValue: settings.shop.starValue, cache: cache, ttls: settings.cache.ttls
        )
    }
}
