import Logging
import Marketplace
import RedisClient
import ServiceLifecycle
import TelegramBotAPI

/// What runs once before any update is taken: waits for the database and brings its schema up to
/// date, asks the Bot API who the bot is, and sets the bot up there (no leftover webhook when
/// polling, the command list); then opens the ``PreludeGate`` the other services wait at.
///
/// A shutdown signal that arrives while it is still migrating or connecting ends it there: the
/// statement running finishes, nothing after it starts, and no update is taken.
struct BotPrelude: Service {
    let settings: Settings
    let database: MarketplaceDatabase
    let bot: BotClient
    let redis: RedisClient?
    let shopBot: ShopBot
    let gate: PreludeGate
    let logger: Logger

    func run() async throws {
        do {
            guard let me = try await prepare() else {
                gate.close()
                logger.notice("Stopped before taking any update")
                return
            }
            gate.open(as: me)
        } catch {
            gate.close()
            throw error
        }
    }

    /// The bot's own user, or nil when a shutdown signal came first.
    private func prepare() async throws -> User? {
        let me: User
        do {
            me = try await cancelWhenGracefulShutdown { [settings, database, bot, logger] in
                try await DatabaseStartup(database: database, location: settings.database.location, limit: settings.database.wait, logger: logger)
                    .waitUntilReachable()
                if settings.database.autoMigrate {
                    try await database.migrate(logger: logger)
                    logger.info("Database ready", metadata: ["database": "\(settings.database.location)"])
                }
                return try await bot.send(GetMe())
            }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return nil
        }
        logger.info(
            "Connected to the Bot API",
            metadata: [
                "bot.id": "\(me.id)", "bot.username": "\(me.username ?? "")", "mode": "\(settings.telegram.mode.name)",
                "database": "\(settings.database.location)",
            ])
        await QuantumPanelApp.reportRedis(redis, logger: logger)
        if settings.telegram.mode.webhook == nil {
            // A webhook left over from an earlier deployment would make every getUpdates a 409.
            try await bot.send(DeleteWebhook(dropPendingUpdates: false))
        }
        do {
            try await shopBot.registerCommands(with: bot)
        } catch {
            logger.warning("The command list could not be set; the bot works without it", metadata: ["error": "\(error)"])
        }
        return me
    }
}
