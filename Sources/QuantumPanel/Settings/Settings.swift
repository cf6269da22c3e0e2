import Logging
import Marketplace
import TelegramBotAPI

/// Everything the bot is configured with, read once at start and checked as a whole.
///
/// Values come from the environment, then a `.env` file, then the defaults below
/// (``Settings/load(environment:environmentFile:)``). `.env.example` documents each variable.
public struct Settings: Sendable {
    /// How Telegram delivers updates.
    public enum BotMode: String, Sendable, CaseIterable {
        case polling, webhook
    }

    public var botToken: BotToken
    /// The owner: always an admin, never removable.
    public var rootAdminID: Int64
    /// The support contact shown to customers, without the `@`.
    public var adminUsername: String?
    public var database: DatabaseLocation
    /// Unset: the cache lives in the process.
    public var redisURL: String?
    /// `https://api.telegram.org`, a local Bot API server or the sandbox.
    public var telegramAPIURL: String
    public var botMode: BotMode
    /// The public URL Telegram posts updates to; required in webhook mode.
    public var webhookURL: String?
    /// Sent back by Telegram in `X-Telegram-Bot-Api-Secret-Token`, so forged webhook calls are refused.
    public var webhookSecret: String?
    /// Where the internet reaches the bot: the webhook. Nothing else is served there.
    public var httpHost: String
    public var httpPort: Int
    /// Where probes and scrapers inside the network reach it: `/healthz`, `/readyz`, `/metrics`.
    public var opsHost = "0.0.0.0"
    public var opsPort = 9090
    /// The console's level; the log file always records `debug` and above.
    public var logLevel: Logger.Level
    public var logDirectory: String
    public var databasePoolSize: Int
    /// ISO 4217 code of the shop's currency.
    public var currency: String
    /// The premium upgrade's price, in the currency's minor units.
    public var premiumPriceMinorUnits: Int64
    /// How long admin checks, customers, the catalogue and the sellers list stay cached.
    public var cacheTTLs: CacheTTLs
    /// The Stars amounts a customer can top up with.
    public var starsTopUps: [Int]
    /// How much balance one Star buys, in the currency's minor units.
    public var starValueMinorUnits: Int64
    /// Whether `run` brings the schema up to date at start (`quantum-panel migrate` does it by hand).
    public var autoMigrate: Bool
    /// A price with fewer unsold keys than this is flagged in the admin panel and its dashboard.
    public var lowStockThreshold: Int = 5
    /// Broadcast messages sent a second; Telegram allows about 30 in all, and the shop answers too.
    public var broadcastPerSecond: Int = 25
    /// Whether admins may send paid broadcasts (`allow_paid_broadcast`, up to 1000 a second, paid in Stars).
    public var paidBroadcasts: Bool = false
    /// Where spans go (`TRACING=otlp`); nil, the default, records none.
    public var tracing: TracingSettings? = nil
    /// How long start-up waits for an unreachable database (`DATABASE_WAIT`); nil waits for ever.
    public var databaseWait: Duration? = nil
    /// How long an update's answers are retried while the Bot API fails (`ANSWER_RETRY_WINDOW`),
    /// counted from when its handling began; then the customer gets the apology.
    public var answerRetryWindow: Duration = .seconds(60)

    /// Spans exported over OTLP/HTTP.
    public struct TracingSettings: Sendable, Equatable {
        /// The collector's traces URL, such as `http://localhost:4318/v1/traces`.
        public var endpoint: String
        /// The share of updates traced, from 0 to 1 (a fraction, not money).
        public var sampleRatio: Double

        public init(endpoint: String, sampleRatio: Double) {
            self.endpoint = endpoint
            self.sampleRatio = sampleRatio
        }
    }
}

extension Settings {
    /// Every variable the bot reads, in the order `.env.example` lists them.
    public static let variableNames = [
        "BOT_TOKEN", "ROOT_ADMIN_ID", "ADMIN_USERNAME", "DATABASE_URL", "DATABASE_POOL_SIZE", "AUTO_MIGRATE", "REDIS_URL",
        "CACHE_TTL_ADMIN", "CACHE_TTL_CUSTOMER", "CACHE_TTL_CATALOGUE", "CACHE_TTL_SELLERS", "TELEGRAM_API_URL", "BOT_MODE",
        "WEBHOOK_URL", "WEBHOOK_SECRET", "HTTP_HOST", "HTTP_PORT", "OPS_HOST", "OPS_PORT", "LOG_LEVEL", "LOG_DIR", "CURRENCY", "PREMIUM_PRICE",
        "STARS_TOP_UPS", "STAR_VALUE", "LOW_STOCK_THRESHOLD", "BROADCAST_PER_SECOND", "PAID_BROADCASTS",
        "TRACING", "TRACING_ENDPOINT", "TRACING_SAMPLE_RATIO", "DATABASE_WAIT", "ANSWER_RETRY_WINDOW",
    ]

    /// Variables whose values never appear in a message.
    static let secretNames: Set<String> = ["BOT_TOKEN", "WEBHOOK_SECRET", "DATABASE_URL", "REDIS_URL"]
}

extension Settings: CustomStringConvertible {
    /// The settings for a log line or a bug report: the secrets show as `***`, the database
    /// without its password.
    public var description: String {
        var fields = [
            "botToken: ***", "rootAdminID: \(rootAdminID)", "database: \(database)",
            "redis: \(redisURL == nil ? "none" : "***")", "telegramAPIURL: \(telegramAPIURL)",
            "botMode: \(botMode.rawValue)", "http: \(httpHost):\(httpPort)", "ops: \(opsHost):\(opsPort)", "logLevel: \(logLevel)",
            "logDirectory: \(logDirectory)", "databasePoolSize: \(databasePoolSize)",
            "currency: \(currency)", "premiumPriceMinorUnits: \(premiumPriceMinorUnits)", "autoMigrate: \(autoMigrate)",
            "cacheTTLs: admin \(cacheTTLs.admin), customer \(cacheTTLs.customer), catalogue \(cacheTTLs.catalogue), sellers \(cacheTTLs.sellers)",
            "starsTopUps: \(starsTopUps)", "starValueMinorUnits: \(starValueMinorUnits)", "lowStockThreshold: \(lowStockThreshold)",
            "broadcastPerSecond: \(broadcastPerSecond)", "paidBroadcasts: \(paidBroadcasts)",
            "databaseWait: \(databaseWait.map { "\($0)" } ?? "forever")", "answerRetryWindow: \(answerRetryWindow)",
        ]
        if let adminUsername { fields.append("adminUsername: @\(adminUsername)") }
        if let webhookURL { fields.append("webhookURL: \(webhookURL)") }
        if webhookSecret != nil { fields.append("webhookSecret: ***") }
        if let tracing { fields.append("tracing: otlp to \(tracing.endpoint), sampling \(tracing.sampleRatio)") }
        return "Settings(" + fields.joined(separator: ", ") + ")"
    }
}
