import Foundation
import InMemoryLogging
import Logging
import Marketplace
import MarketplaceTesting
import RedisClient
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1))) struct CacheTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The Redis that `./scripts/test` started, under a namespace of this test's own.
    static func redisCache(sourceLocation: SourceLocation = #_sourceLocation) throws -> (RedisClient, RedisCache) {
        let url = try #require(
            ProcessInfo.processInfo.environment["TEST_REDIS_URL"], "TEST_REDIS_URL is not set: run the tests with ./scripts/test",
            sourceLocation: sourceLocation)
        let redis = RedisClient(configuration: try RedisConfiguration(url: url), logger: quiet)
        return (redis, RedisCache(redis: redis, namespace: "test:\(UUID().uuidString):"))
    }

    static var redisAvailable: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["TEST_REDIS_URL"] != nil
    }

    /// Counts how often the database would have been asked.
    final class Loads: Sendable {
        private let count = Mutex(0)
        func load<T>(_ value: T) -> T {
            count.withLock { $0 += 1 }
            return value
        }
        var total: Int { count.withLock { $0 } }
    }

    static func checkCacheAside(_ cache: some Cache) async throws {
        let loads = Loads()
        #expect(try await cache.value(for: "k", ttl: .seconds(60)) { loads.load([1, 2, 3]) } == [1, 2, 3])
        #expect(try await cache.value(for: "k", ttl: .seconds(60)) { loads.load([9]) } == [1, 2, 3], "a hit")
        #expect(loads.total == 1)
        try await cache.delete("k")
        #expect(try await cache.value(for: "k", ttl: .seconds(60)) { loads.load([4]) } == [4], "a miss after deletion")
        try await cache.set("old", [0, 42], ttl: .seconds(60))
        #expect(try await cache.value(for: "old", ttl: .seconds(60)) { loads.load("fresh") } == "fresh", "another layout version is a miss")
    }

    /// A load that has read "yes, an admin" is held back while the admin is removed and the key
    /// deleted; then it finishes. Every step waits for the one before: no timing involved.
    static func checkDeleteDuringLoad(_ cache: any Cache, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let load = Task {
            try await cache.value(for: "admin:50", ttl: .seconds(600)) {
                startedContinuation.yield()
                for await _ in release { break }
                return true
            }
        }
        for await _ in started { break }
        try await cache.delete("admin:50")
        releaseContinuation.yield()
        #expect(try await load.value, "the call already under way answers what it read", sourceLocation: sourceLocation)
        #expect(
            try await cache.value(for: "admin:50", ttl: .seconds(600)) { false } == false, "the next call reads the database, not the stale yes",
            sourceLocation: sourceLocation)
        #expect(
            try await cache.value(for: "admin:50", ttl: .seconds(600)) { true } == false, "and caches what it read", sourceLocation: sourceLocation)
    }

    @Test func aDeleteDuringALoadNeverLeavesTheOldValueInTheMemoryCache() async throws {
        try await Self.checkDeleteDuringLoad(MemoryCache())
    }

    @Test(.enabled(if: CacheTests.redisAvailable)) func aDeleteDuringALoadNeverLeavesTheOldValueInRedis() async throws {
        let (redis, cache) = try Self.redisCache()
        try await Self.checkDeleteDuringLoad(cache)
        try await Self.checkDeleteDuringLoad(
            DegradingCache(wrapping: RedisCache(redis: redis, namespace: "test:\(UUID().uuidString):"), logger: Self.quiet))
        await redis.close()
    }

    @Test(.enabled(if: CacheTests.redisAvailable)) func aCustomerCachedUnderAnotherCurrencyIsAMiss() async throws {
        let (redis, _) = try Self.redisCache()
        let botID = Int64.random(in: 1...1_000_000_000)
        let euro = Currency(code: "EUR")
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let db = database.database(logger: Self.quiet)
            let before = UserService(
                database: db, currency: .usd, cache: RedisCache(redis: redis, namespace: RedisCache.namespace(botID: botID, currency: .usd)))
            _ = try await before.register(telegramID: 7, username: nil, firstName: "Ana", languageCode: "en")
            #expect(try await before.find(telegramID: 7)?.balance.currency == .usd, "cached in dollars")
            // The owner switches CURRENCY to EUR and restarts: nothing cached in dollars is read.
            let after = UserService(
                database: db, currency: euro, cache: RedisCache(redis: redis, namespace: RedisCache.namespace(botID: botID, currency: euro)))
            #expect(try await after.find(telegramID: 7)?.balance.currency == euro)
        }
        await redis.close()
    }

    @Test func memoryCacheIsCacheAsideAndExpires() async throws {
        let cache = MemoryCache()
        try await Self.checkCacheAside(cache)
        try await cache.set("gone", [1], ttl: .zero)
        #expect(try await cache.get("gone") == nil)
        let small = MemoryCache(capacity: 2)
        for key in ["a", "b", "c"] { try await small.set(key, [1], ttl: .seconds(60)) }
        #expect(small.count == 2)
        #expect(try await small.get("a") == nil, "the oldest entry made room")
    }

    @Test func aZeroLifetimeTurnsCachingOffForThatKind() async throws {
        try await withTemporaryMarketplaceDatabase(.sqlite) { database in
            let db = database.database(logger: Self.quiet)
            let cache = MemoryCache()
            let ttls = CacheTTLs(admin: .zero, customer: .seconds(60), catalogue: .seconds(300), sellers: .seconds(600))
            let admins = AdminService(database: db, rootAdminID: 1, cache: cache, ttls: ttls)
            #expect(try await admins.isAdmin(7) == false)
            #expect(cache.count == 0, "nothing was stored")
            let users = UserService(database: db, currency: .usd, cache: cache, ttls: ttls)
            _ = try await users.find(telegramID: 7)
            #expect(cache.count == 1, "other kinds are still cached")
        }
    }

    @Test(.enabled(if: CacheTests.redisAvailable)) func redisCacheIsCacheAsideAndDeletesThousandsByPrefix() async throws {
        let (redis, cache) = try Self.redisCache()
        try await Self.checkCacheAside(cache)
        // Pipelined a hundred at a time: 3,000 round trips one after another crawled past the
        // time limit once, on a CI machine whose two cores were busy with the other suites.
        for batch in stride(from: 0, to: 3000, by: 100) {
            try await withThrowingDiscardingTaskGroup { group in
                for index in batch..<batch + 100 { group.addTask { try await cache.set("catalogue:\(index)", [1], ttl: .seconds(60)) } }
            }
        }
        try await cache.set("admin:1", [1], ttl: .seconds(60))
        try await cache.deletePrefix("catalogue:")
        #expect(try await cache.get("catalogue:7") == nil)
        #expect(try await cache.get("admin:1") == [1])
        try await cache.deletePrefix("")
        await redis.close()
    }

    @Test(arguments: TestDatabaseKind.available)
    func writesClearWhatTheyChangeAtOnce(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind) { database in
            let db = database.database(logger: Self.quiet)
            let cache = MemoryCache()
            let admins = AdminService(database: db, rootAdminID: 1, cache: cache)
            #expect(try await !admins.isAdmin(50))
            try await admins.add(50, username: "helper", by: 1)
            #expect(try await admins.isAdmin(50), "a cached no is cleared by the add")
            try await admins.remove(50, by: 1)
            #expect(try await !admins.isAdmin(50), "removal takes effect on the next check, not in ten minutes")

            let catalogue = CatalogueService(database: db, currency: .usd, cache: cache)
            let customer = try await UserService(database: db, currency: .usd).register(
                telegramID: 9, username: nil, firstName: "Ana", languageCode: nil)
            #expect(try await catalogue.products(for: customer).isEmpty)
            let product = try await catalogue.createProduct(name: "Netflix", description: "", by: 1)
            let price = try await catalogue.addPrice(
                to: product, durationLabel: "1 month", durationDays: 30, price: Money(minorUnits: 500, currency: .usd), by: 1)
            #expect(try await catalogue.products(for: customer).map(\.name) == ["Netflix"], "a new product shows on the next view")
            _ = try await StockService(database: db).addKeys("K1\nK2", to: price, by: 1)
            #expect(try await catalogue.products(for: customer).first?.stock == 2, "stock is counted live")
            try await catalogue.updatePrice(price, .init(price: Money(minorUnits: 450, currency: .usd)), by: 1)
            #expect(try await catalogue.products(for: customer).first?.offers.first?.price.minorUnits == 450)

            let users = UserService(database: db, currency: .usd, cache: cache)
            #expect(try await users.find(telegramID: 9)?.balance.minorUnits == 0)
            try await LedgerService(database: db, currency: .usd, cache: cache).credit(
                Money(minorUnits: 1000, currency: .usd), to: 9, reason: .adminCredit, actorID: 1)
            #expect(try await users.find(telegramID: 9)?.balance.minorUnits == 1000, "a credit clears the cached customer")
            _ = try await PurchaseService(database: db, currency: .usd, cache: cache).buy(telegramID: 9, priceID: price)
            #expect(try await users.find(telegramID: 9)?.balance.minorUnits == 550, "so does a purchase")
            _ = try await users.setBanned(true, telegramID: 9)
            #expect(try await users.find(telegramID: 9)?.isBanned == true)
            #expect(try await users.find(telegramID: 404) == nil)
            _ = try await users.register(telegramID: 404, username: nil, firstName: "New", languageCode: nil)
            #expect(try await users.find(telegramID: 404)?.firstName == "New", "registering clears a cached miss")

            try await catalogue.setProductVisible(false, productID: product, by: 1)
            #expect(try await catalogue.products(for: customer).isEmpty)

            let sellers = SellerService(database: db, cache: cache)
            #expect(try await sellers.list().isEmpty)
            let ann = try await sellers.add(username: "ann_keys", displayName: "Ann", by: 1)
            #expect(try await sellers.list().map(\.username) == ["ann_keys"])
            _ = try await sellers.edit(ann.id, displayName: "Ann K.", by: 1)
            #expect(try await sellers.list().map(\.displayName) == ["Ann K."])
        }
    }

    @Test func aFailingCacheFallsThroughLogsOnceAndIsTriedAgainLater() async throws {
        let logs = InMemoryLogHandler()
        let redis = RedisClient(configuration: RedisConfiguration(host: "127.0.0.1", port: 1, commandTimeout: .seconds(1)), logger: Self.quiet)
        let cache = DegradingCache(
            wrapping: RedisCache(redis: redis, namespace: "test:\(UUID().uuidString):"), pause: .seconds(60),
            logger: Logger(label: "test", factory: { _ in logs }))
        let loads = Loads()
        for _ in 0..<5 {
            #expect(try await cache.value(for: "admin:5", ttl: .seconds(60)) { loads.load(true) })
        }
        #expect(loads.total == 5, "every call went to the database")
        #expect(logs.entries.filter { $0.level == .warning }.count == 1, "one line per outage")
        #expect(!cache.isHealthy)
    }
}
