import BotRouting
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import QuantumPanel
import RedisClient
import TelegramBotAPI
import Testing

/// The bot's state in the shop's database, on SQLite and PostgreSQL.
@Suite(.timeLimit(.minutes(1))) struct DatabaseStorageTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test(arguments: TestDatabaseKind.available)
    func databaseStateStorageMeetsTheStateStorageContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let storage = DatabaseStateStorage(database: database.database(logger: Self.logger))
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func cachedStateStorageMeetsTheStateStorageContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let storage = CachedStateStorage(database: DatabaseStateStorage(database: database.database(logger: Self.logger)), cache: MemoryCache())
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func databaseInboxMeetsTheInboxContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            #expect(try await InboxConformance.violations(of: DatabaseUpdateInbox(database: database.database(logger: Self.logger))) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func theInboxRemembersAcrossHandlesAsAfterARestart(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database throws in
            let first = DatabaseUpdateInbox(database: database.database(logger: Self.logger))
            var payment = Update(updateID: 5)
            payment.message = Message(messageID: 1, date: 1, chat: Chat(id: 9, type: "private"), text: "/start <b>&</b> 🛒")
            #expect(try await first.receive([payment, Update(updateID: 6)]).count == 2)
            try await first.markHandled(6)
            let again = DatabaseUpdateInbox(database: database.database(logger: Self.logger))
            #expect(try await again.unhandled() == [payment], "what was not handled comes back whole")
            #expect(try await again.receive([payment, Update(updateID: 6), Update(updateID: 7)]).map(\.updateID) == [7])
        }
    }
}

/// The bot's state cached in Redis (the server `./scripts/test` starts); fails under CI=true without one.
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestServers.shouldRun(TestServers.redisVariable))) struct RedisStorageTests {
    static func redis() throws -> RedisClient {
        let url = try TestServers.url(TestServers.redisVariable)
        return RedisClient(configuration: try RedisConfiguration(url: url.absoluteString), logger: DatabaseStorageTests.logger)
    }

    @Test func stateCachedInRedisMeetsTheStateStorageContract() async throws {
        let redis = try Self.redis()
        try await withTemporaryMarketplaceDatabase(.sqlite, additionalMigrations: BotStorage.migrations) { database throws in
            let cache = RedisCache(redis: redis, namespace: "test:\(UUID().uuidString):")
            let storage = CachedStateStorage(database: DatabaseStateStorage(database: database.database(logger: DatabaseStorageTests.logger)), cache: cache)
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
        await redis.close()
    }
}
