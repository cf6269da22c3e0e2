import Logging
import Marketplace
import TelegramBotAPI

/// Everything the bot is configured with, read once at start and checked as a whole: one group
/// per concern, each reading its own variables.
///
/// Values come from the environment, then a `.env` file, then defaults
/// (``Settings/load(environment:environmentFile:fallbacks:)``). `.env.example` documents each variable.
public struct Settings: Sendable {
    public var telegram: TelegramSettings
    public var database: DatabaseSettings
    public var cache: CacheSettings
    public var http: HTTPSettings
    public var logging: LoggingSettings
    public var shop: ShopSettings
    public var broadcasts: BroadcastSettings
    /// Nil, the default, records no spans.
    public var tracing: TracingSettings?
    /// Nil, the default, offers no crypto top-ups.
    public var cryptoPay: CryptoPaySettings?

    /// Every variable the bot reads, in the order `.env.example` lists them.
    public static let variables =
        TelegramSettings.variables + WebhookSettings.variables + DatabaseSettings.variables + CacheSettings.variables
        + HTTPSettings.variables + LoggingSettings.variables + ShopSettings.variables + BroadcastSettings.variables
        + TracingSettings.variables + CryptoPaySettings.variables

    /// Reads every group, so that one run reports every problem; nil when there was one.
    init?(reading reader: SettingsReader) {
        let telegram = TelegramSettings(reading: reader)
        let database = DatabaseSettings(reading: reader)
        let cache = CacheSettings(reading: reader)
        let http = HTTPSettings(reading: reader)
        let logging = LoggingSettings(reading: reader)
        let shop = ShopSettings(reading: reader)
        let broadcasts = BroadcastSettings(reading: reader)
        let tracing = TracingSettings.read(reader)
        let cryptoPay = CryptoPaySettings.read(reader, currency: shop?.currency)
        guard reader.problems.isEmpty, let telegram, let database, let cache, let http, let logging, let shop, let broadcasts,
            let tracing = tracing.value, let cryptoPay = cryptoPay.value
        else { return nil }
        self.telegram = telegram
        self.database = database
        self.cache = cache
        self.http = http
        self.logging = logging
        self.shop = shop
        self.broadcasts = broadcasts
        self.tracing = tracing
        self.cryptoPay = cryptoPay
    }
}

extension Settings: CustomStringConvertible {
    /// The settings for a log line or a bug report: the secrets show as `***`, the database
    /// without its password.
    public var description: String {
        var fields = [
            "botToken: ***", "rootAdminID: \(telegram.rootAdminID)", "database: \(database.location)",
            "redis: \(cache.redisURL == nil ? "none" : "***")", "telegramAPIURL: \(telegram.apiURL)", "botMode: \(telegram.mode.name)",
            "http: \(http.host):\(http.port)", "ops: \(http.opsHost):\(http.opsPort)", "logLevel: \(logging.level)",
            "logDirectory: \(logging.directory)", "databasePoolSize: \(database.poolSize)", "currency: \(shop.currency.code)",
            "premiumPrice: \(shop.premiumPrice.minorUnits)", "autoMigrate: \(database.autoMigrate)",
            "cacheTTLs: admin \(cache.ttls.admin), customer \(cache.ttls.customer), catalogue \(cache.ttls.catalogue), sellers \(cache.ttls.sellers)",
            "starsTopUps: \(shop.starsTopUps)", "starValue: \(shop.starValue.minorUnits)", "lowStockThreshold: \(shop.lowStockThreshold)",
            "broadcastPerSecond: \(broadcasts.perSecond)", "paidBroadcasts: \(broadcasts.paid)",
            "databaseWait: \(database.wait.map { "\($0)" } ?? "forever")", "answerRetryWindow: \(telegram.answerRetryWindow)",
        ]
        if let adminUsername = telegram.adminUsername { fields.append("adminUsername: @\(adminUsername)") }
        if let webhook = telegram.mode.webhook { fields.append("webhookURL: \(webhook.url), webhookSecret: ***") }
        if let tracing { fields.append("tracing: otlp to \(tracing.endpoint), sampling \(tracing.sampleRatio)") }
        if let cryptoPay {
            fields.append(
                "cryptoPay: token ***, \(cryptoPay.apiURL), assets \(cryptoPay.assets.joined(separator: ",")), webhook \(cryptoPay.webhookPath), "
                    + "amounts \(cryptoPay.amounts.map(\.amount).joined(separator: ","))")
        }
        return "Settings(" + fields.joined(separator: ", ") + ")"
    }
}
