import BotRouting
import Logging
import Marketplace
import MarketplaceTesting
import QuantumPanel
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
