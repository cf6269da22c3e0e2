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
