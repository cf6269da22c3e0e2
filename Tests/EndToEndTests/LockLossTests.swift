import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import SQLKit
import Testing

extension BotProcessTests {
    /// A process whose lock session PostgreSQL ends while the process lives (a restarted server,
    /// a proxy's idle timeout, an operator's `pg_terminate_backend`): it must notice, since other
    /// processes now see the lock free.
    @Suite(.timeLimit(.minutes(3)), .enabled(if: TestDatabaseKind.available.contains(.postgres)))
    struct LockLossTests {
        /// The leader stops polling and its jobs, and leads again on a new session; a customer
        /// then buys as before.
        @Test func aLeaderWhoseLockSessionEndsStepsDownAndLeadsAgain() async throws {
            try await withProcessShopStorage(.postgres) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    try await shop.stock(keys: 2)
                    let buyers = try await shop.customers(2, named: "Buyer", balance: 500)
                    let bot = try shop.startBot("leader")
                    try await LeaderElectionTests.waitForLog(bot, "Leading")
                    let outcomes = Outcomes()
                    try await buyers[0].buyOneKey(outcomes)

                    let endedAt = ContinuousClock.now
                    let ended = try await Self.endSessions(holding: "= \(Self.leaderKey)", in: shop)
                    #expect(ended == 1)
                    try await LeaderElectionTests.waitForLog(bot, "Leadership lost")
                    let noticed = endedAt.duration(to: .now)
                    print("lock loss: the leader noticed its session ended after \(noticed)")
                    #expect(noticed < .seconds(5), "the connection is checked every second")
                    try await Self.waitForLog(bot, "Leading", count: 2)
                    try await buyers[1].buyOneKey(outcomes)
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                }
            }
        }

        /// A webhook process can no longer be seen alive by the others, who may take its updates
        /// over: it stops handling them and carries on under a new owner id, and a customer then
        /// buys through it as before.
        @Test func aProcessWhoseLivenessSessionEndsCarriesOnAsANewOwner() async throws {
            try await withProcessShopStorage(.postgres) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    shop.webhookPort = try freeLoopbackPort()
                    try await shop.stock(keys: 2)
                    let buyers = try await shop.customers(2, named: "Buyer", balance: 500)
                    let bot = try shop.startBot("replica")
                    try await LeaderElectionTests.waitForLog(bot, "Leading")
                    let outcomes = Outcomes()
                    try await buyers[0].buyOneKey(outcomes)

                    let ended = try await Self.endSessions(holding: ">> 48 <> \(Self.leaderKey >> 48)", in: shop)
                    #expect(ended == 1)
                    try await LeaderElectionTests.waitForLog(bot, "liveness lock ended")
                    try await buyers[1].buyOneKey(outcomes)
                    #expect(bot.process.isRunning, "\(bot.log)")
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                }
            }
        }

        /// The leader lock's key for the sandbox's bot: its id under the program's prefix.
        static let leaderKey: Int64 = (0x5150 << 48) | 1_000_000_001

        /// Ends, as an operator's `pg_terminate_backend` would, every session holding an advisory
        /// lock whose key meets `condition` (SQL after the key); returns how many it ended.
        static func endSessions(holding condition: String, in shop: ProcessShop) async throws -> Int {
            try await shop.withSQL { sql in
                let rows = try await sql.raw(
                    """
                    SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_locks
                    WHERE locktype = 'advisory' AND objsubid = 1 AND granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND ((classid::bigint << 32) | objid::bigint) \(unsafeRaw: condition)
                    """
                ).all()
                return try rows.first?.decode(column: "ended", as: Int.self) ?? 0
            }
        }

        static func waitForLog(_ bot: BotProcess, _ text: String, count: Int) async throws {
            for _ in 0..<600 where bot.log.components(separatedBy: text).count - 1 < count {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(bot.log.components(separatedBy: text).count - 1 >= count, "\(bot.log)")
        }
    }
}
