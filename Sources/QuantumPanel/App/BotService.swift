import AsyncHTTPClient
import BotRouting
import Foundation
import Logging
import Marketplace
import RedisClient
import ServiceLifecycle
import TelegramBotAPI

/// The bot itself, as one `Service`: brings the schema up to date, says who it is to the Bot API,
/// then takes updates (polling or the webhook) beside its background jobs until graceful shutdown.
///
/// A shutdown signal that arrives while it is still migrating or connecting ends it there: the
/// statement running finishes, nothing after it starts.
struct BotService: Service {
    let app: QuantumPanelApp
    let database: MarketplaceDatabase
    let httpClient: HTTPClient
    let redis: RedisClient?
    let readiness: Readiness
    let intake: WebhookIntake?
    /// Says when the database is down, so updates wait for it instead of failing.
    let outages: DependencyMonitor

    private var settings: Settings { app.settings }
    private var logger: Logger { app.logger }

    func run() async throws {
        let transport = AsyncHTTPClientTransport(httpClient: httpClient, baseURL: settings.telegramAPIURL, token: settings.botToken)
        let bot = BotClient(transport: transport, logger: logger)
        let me: User
        do {
            me = try await cancelWhenGracefulShutdown { [app, database, settings, logger] in
                try await DatabaseStartup(database: database, location: settings.database, limit: settings.databaseWait, logger: logger)
                    .waitUntilReachable()
                if settings.autoMigrate {
                    try await database.migrate(logger: logger)
                    logger.info("Database ready", metadata: ["database": "\(settings.database)"])
                }
                return try await app.connect(bot)
            }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            logger.notice("Stopped before taking any update")
            return
        }
        await app.reportRedis(redis)
        if intake == nil {
            // A webhook left over from an earlier deployment would make every getUpdates a 409.
            try await bot.send(DeleteWebhook(dropPendingUpdates: false))
        }

        let cache = app.makeCache(redis: redis, botID: me.id)
        let db = database.database(logger: QuantumPanelApp.databaseLogger(logger))
        let shopBot = ShopBot(shop: app.makeShop(database: db, cache: cache), configuration: ShopConfiguration(settings: settings))
        do {
            try await shopBot.registerCommands(with: bot)
        } catch {
            logger.warning("The command list could not be set; the bot works without it", metadata: ["error": "\(error)"])
        }
        let setWebhook = SetWebhook(
            url: settings.webhookURL ?? "", maxConnections: 40, allowedUpdates: [], dropPendingUpdates: false, secretToken: settings.webhookSecret)
        let jobs: [any Service] = [
            StarsReconciler(shop: shopBot.shop, bot: bot, interval: .seconds(300), logger: logger),
            shopBot.makeRestockNotifier(bot: bot, logger: logger),
            Broadcaster(shop: shopBot.shop, bot: bot, perSecond: settings.broadcastPerSecond, logger: logger),
        ]
        var webhookSet = false
        // One round per liveness session: a process whose session ended (the database restarted,
        // or an operator ended it) has stopped handling its updates, which the others may now
        // take over, and carries on as a new owner, that takes its own leftovers over as anyone would.
        while true {
            // With PostgreSQL other processes may share the shop: this one's updates carry its id,
            // and its liveness lock tells the others whether they may take them over.
            let liveness: ProcessLiveness? =
                if case .postgres(let url) = settings.database {
                    try ProcessLiveness(url: url, owner: UUID().uuidString, logger: logger)
                } else {
                    nil
                }
            let dispatcher = shopBot.makeDispatcher(
                bot: bot, botUsername: me.username, storage: CachedStateStorage(database: DatabaseStateStorage(database: db), cache: cache),
                inbox: try DatabaseUpdateInbox(database: db, journalPath: app.handledJournalPath(botID: me.id), owner: liveness?.owner),
                outages: liveness.map { LivenessBoundOutages(database: outages, liveness: $0) } ?? outages,
                answerRetryWindow: settings.answerRetryWindow, logger: logger
            )
            let updates: any Service
            if let intake {
                if !webhookSet {
                    // Last, so Telegram's first calls find the dispatcher all but running (until it
                    // is, they are answered 503 and sent again).
                    try await bot.send(setWebhook)
                    webhookSet = true
                }
                updates = WebhookService(dispatcher: dispatcher, intake: intake)
            } else {
                updates = PollingService(dispatcher: dispatcher)
            }
            let group = try makeGroup(updates: updates, jobs: jobs, botID: me.id)
            do {
                try await withGracefulShutdownHandler {
                    if let liveness {
                        try await liveness.whileAlive { try await group.run() }
                    } else {
                        try await group.run()
                    }
                } onGracefulShutdown: {
                    readiness.setUpdates("stopping")
                }
                return
            } catch let lost as ProcessLiveness.Lost {
                logger.warning("\(lost.description)", metadata: ["owner": "\(lost.owner)"])
            }
        }
    }

    /// The updates and the jobs as one group: with PostgreSQL only the leader polls and runs the
    /// jobs, and every process takes webhook calls.
    private func makeGroup(updates: any Service, jobs: [any Service], botID: Int64) throws -> ServiceGroup {
        let services: [any Service]
        let mode = settings.botMode.rawValue
        if case .postgres(let url) = settings.database {
            let lock = try PostgresLeaderLock(url: url, botID: botID, logger: logger)
            let polling = intake == nil
            let leaderOnly = LeaderOnlyService(
                lock: lock, services: polling ? [updates] + jobs : jobs,
                onLead: { [readiness] in if polling { readiness.setUpdates(mode) } },
                onStandby: { [readiness] in if polling { readiness.setUpdates("standby") } },
                logger: logger
            )
            services = polling ? [leaderOnly] : [updates, leaderOnly]
            if !polling { readiness.setUpdates(mode) }
        } else {
            services = [updates] + jobs
            readiness.setUpdates(mode)
        }
        return ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
    }
}
