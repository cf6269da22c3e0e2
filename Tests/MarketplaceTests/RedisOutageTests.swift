import Foundation
import InMemoryLogging
import Logging
import Marketplace
import MarketplaceTesting
import RedisClient
import Testing

/// Redis stopped in the middle of a run: every call still succeeds from the database, one line
/// says so, and when Redis is back the cache is used again without a stale value.
@Suite(.timeLimit(.minutes(1)), .enabled(if: CacheTests.redisAvailable)) struct RedisOutageTests {
    @Test func aRedisOutageCostsSpeedNotCorrectness() async throws {
        let server = try RedisServerProcess()
        try await server.start()
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        var configuration = try RedisConfiguration(url: server.url)
        configuration.reconnectDelay = .zero
        let redis = RedisClient(configuration: configuration, logger: CacheTests.quiet)
        let namespace = "test:\(UUID().uuidString):"
        let cache = DegradingCache(wrapping: RedisCache(redis: redis, namespace: namespace), pause: .zero, logger: logger)

        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let db = database.database(logger: CacheTests.quiet)
            let admins = AdminService(database: db, rootAdminID: 1, cache: cache)
            let shop = TestShop(database: database, db: db)
            let price = try await shop.price(price: "1.00", keys: 10)
            try await shop.customer(7, balance: "10.00")
            try await admins.add(50, username: "helper", by: 1)
            #expect(try await admins.isAdmin(50))
            #expect(try await redis.get(namespace + "admin:50") != nil, "the answer is cached in Redis")

            try await server.stop()
            for _ in 0..<3 {
                #expect(try await admins.isAdmin(50))
                _ = try await shop.purchases.buy(telegramID: 7, priceID: price)
            }
            try await admins.remove(50, by: 1)
            #expect(try await !admins.isAdmin(50), "answered from the database while Redis is down")
            #expect(logs.entries.filter { $0.level == .warning }.count == 1, "one line per outage")

            try await server.start()
            #expect(try await !admins.isAdmin(50), "no stale yes from before the outage")
            #expect(cache.isHealthy)
            #expect(try await redis.get(namespace + "admin:50") != nil, "the cache is used again")
            #expect(try await shop.users.find(telegramID: 7)?.balance == TestShop.dollars("7.00"))
        }
        await redis.close()
        try await server.stop()
    }
}
