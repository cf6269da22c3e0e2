import BotRouting
import Logging
import Marketplace
import MarketplaceTesting
import QuantumPanel
import Foundation
import RedisClient
import Testing

/// The bot's state in the shop's database, on SQLite and PostgreSQL.
@Suite(.timeLimit(.minutes(1))) struct DatabaseStorageTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test(arguments: TestDatabaseKind.available)
    func databaseStateStorageMeetsTheStateStorageContract(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind) { database throws in
            let storage = DatabaseStateStorage(database: database.database(logger: Self.logger))
            #expect(try await StateStorageConformance.violations(of: storage) == [])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func handledUpdatesAreRememberedAcrossConnectionsAndAtOnce(kind: TestDatabaseKind) async throws {
        try await withTemporaryMarketplaceDatabase(kind) { database in
            let store = DatabaseDeduplicationStore(database: database.database(logger: Self.logger))
            #expect(try await store.markSeen(5))
            #expect(try await !store.markSeen(5))
            let again = DatabaseDeduplicationStore(database: database.database(logger: Self.logger))
            #expect(try await !again.markSeen(5), "another handle, as after a restart, still remembers")
            let firsts = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 { group.addTask { try await store.markSeen(77) } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(firsts == 1)
        }
    }
}

/// The bot's state in Redis (the server `./scripts/test` starts); fails under CI=true without one.
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestServers.shouldRun(TestServers.redisVariable))) struct RedisStorageTests {
    static func redis() throws -> RedisClient {
        let url = try TestServers.url(TestServers.redisVariable)
        return RedisClient(configuration: try RedisConfiguration(url: url.absoluteString), logger: DatabaseStorageTests.logger)
    }

    @Test func redisStateStorageMeetsTheStateStorageContract() async throws {
        let redis = try Self.redis()
        let storage = RedisStateStorage(redis: redis, namespace: "test:\(UUID().uuidString):fsm:")
        #expect(try await StateStorageConformance.violations(of: storage) == [])
        await redis.close()
    }

    @Test func redisRemembersHandledUpdatesOnceEvenAtOnce() async throws {
        let redis = try Self.redis()
        let store = RedisDeduplicationStore(redis: redis, namespace: "test:\(UUID().uuidString):update:")
        #expect(try await store.markSeen(5))
        #expect(try await !store.markSeen(5))
        let firsts = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 { group.addTask { try await store.markSeen(77) } }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(firsts == 1)
        await redis.close()
    }
}
