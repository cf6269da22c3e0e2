import Logging
import Marketplace
import MarketplaceTesting
import Testing

@Suite(.timeLimit(.minutes(1))) struct MigrationTests {
    @Test(arguments: TestDatabase.available)
    func migrationsRunAgainWithoutChange(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(42, balance: "3.00")
            try await shop.database.migrate(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            #expect(try await shop.users.find(telegramID: 42)?.balance == TestShop.dollars("3.00"))
        }
    }
}
