import FluentKit
import FluentSQL
import Logging
import Marketplace
import MarketplaceTesting
import Testing

/// ``FluentKit/Database/atomically(_:)`` on PostgreSQL: a transaction whose session the server
/// ends (a restart, a failover, an operator) fails as an outage; with Fluent's own, the ROLLBACK
/// written on the closed connection is never answered, and the transaction waits for ever.
@Suite(.timeLimit(.minutes(1)), .enabled(if: TestDatabaseKind.available.contains(.postgres)))
struct AtomicallyTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func aTransactionWhoseSessionEndsFailsAtOnceAndTheShopGoesOn() async throws {
        try await withTemporaryMarketplaceDatabase(.postgres, poolSize: 2) { database in
            let db = database.database(logger: Self.quiet)
            let shop = db as! any SQLDatabase
            try await shop.raw("CREATE TABLE probe (n integer NOT NULL)").run()
            await #expect {
                try await db.atomically { transaction in
                    let sql = transaction as! any SQLDatabase
                    let pid = try await sql.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int.self) ?? 0
                    _ = try await sql.raw("INSERT INTO probe (n) VALUES (7)").run()
                    // Another session ends this one.
                    _ = try await shop.raw("SELECT pg_terminate_backend(\(bind: pid)::integer)").run()
                    try await sql.raw("SELECT 1").run()
                    try await sql.raw("SELECT 2").run()
                }
            } throws: { error in
                DatabaseFailure(error)?.isUnreachable == true
            }
            // Nothing the transaction did stayed, and the pool serves on new connections.
            let count = try await shop.raw("SELECT count(*) AS count FROM probe WHERE n = 7").first()?.decode(column: "count", as: Int.self)
            #expect(count == 0)
        }
    }

    @Test func aFailureInsideRollsBackAndACommitKeepsEverything() async throws {
        struct Refused: Error {}
        try await withTemporaryMarketplaceDatabase(.postgres) { database in
            let db = database.database(logger: Self.quiet)
            let shop = db as! any SQLDatabase
            try await shop.raw("CREATE TABLE probe (n integer NOT NULL)").run()
            await #expect(throws: Refused.self) {
                try await db.atomically { transaction in
                    _ = try await (transaction as! any SQLDatabase).raw("INSERT INTO probe (n) VALUES (8)").run()
                    throw Refused()
                }
            }
            let kept = try await db.atomically { transaction in
                _ = try await (transaction as! any SQLDatabase).raw("INSERT INTO probe (n) VALUES (9)").run()
                // A service that opens a transaction inside joins this one.
                return try await transaction.atomically { inner in
                    try await (inner as! any SQLDatabase).raw("SELECT count(*) AS count FROM probe WHERE n = 9").first()?.decode(
                        column: "count", as: Int.self)
                }
            }
            #expect(kept == 1)
            let rows = try await shop.raw("SELECT n FROM probe").all().map { try $0.decode(column: "n", as: Int.self) }
            #expect(rows == [9])
        }
    }
}
