import AsyncHTTPClient
import FluentKit
import Logging
import Marketplace
import RedisClient
import TelegramBotAPI

extension QuantumPanelApp {
    /// The shop for one command-line task: the database migrated and, when `REDIS_URL` is set, the
    /// bot's Redis cache, so what the task changes is cleared there as the panel's changes are.
    /// (A bot running with the in-process cache shows a catalogue change within
    /// `CACHE_TTL_CATALOGUE`; stock is never cached.)
    public func withShop<Value>(_ body: (Shop) async throws -> Value) async throws -> Value {
        let database = try settings.database.location.open(poolSize: 1)
        var redis: RedisClient?
        do {
            try await database.migrate(logger: logger)
            redis = makeRedisClient()
            await Self.reportRedis(redis, logger: logger)
            let cache: any Cache =
                if let redis { makeCache(redis: redis, botID: settings.telegram.botID) } else { DisabledCache() }
            let value = try await body(makeShop(database: database.database(logger: logger), cache: cache))
            await redis?.close()
            await database.shutdown()
            return value
        } catch {
            await redis?.close()
            await database.shutdown()
            throw error
        }
    }
}

extension QuantumPanelApp {
    /// `quantum-panel payments reconcile`: one reconciliation pass with every provider now (Stars,
    /// and Crypto Pay when on), as the bot's jobs make every 5 minutes; customers credited are told
    /// through the Bot API.
    /// - Returns: how many top-ups were credited and how many expired.
    public static func reconcileTopUps(shop: Shop, settings: Settings, logger: Logger) async throws -> (credited: Int, expired: Int) {
        let bot = BotClient(
            transport: AsyncHTTPClientTransport(httpClient: .shared, baseURL: settings.telegram.apiURL, token: settings.telegram.token),
            logger: logger)
        let cryptoPay = settings.cryptoPay.map { CryptoPayClient(httpClient: .shared, settings: $0, currency: settings.shop.currency) }
        let providers: [any TopUpProvider] = [StarsTopUpProvider(shop: shop, bot: bot, logger: logger)] + (cryptoPay.map { [$0] } ?? [])
        var total = (credited: 0, expired: 0)
        for provider in providers {
            let outcome = try await TopUpReconciler(
                provider: provider, payments: TopUpPayments(shop: shop, bot: bot, logger: logger), interval: .seconds(300), logger: logger
            ).reconcile()
            total.credited += outcome.credited
            total.expired += outcome.expired
        }
        return total
    }
}
