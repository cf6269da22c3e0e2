import BotAPISandbox
import Foundation
import SQLKit
import Synchronization
import Testing

extension BotProcessTests {
    /// Another process holds the shop's SQLite file locked for writing (a backup tool, a `sqlite3`
    /// shell left in a transaction) while customers buy: the bot waits it out and loses nothing.
    @Suite(.timeLimit(.minutes(3))) struct SQLiteLockTests {
        static let buyers = 60

        @Test func aSQLiteFileLockedByAnotherProcessStopsNobodyAndLosesNothing() async throws {
            try await withTemporaryFolder { folder in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let bot = try shop.startBot("bot")
                    let outcomes = Outcomes()
                    var receiptsWhileLocked = 0
                    try await BotProcess.printingLogsOnFailure(of: [bot]) {
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                            await outcomes.waitForReceipts(Self.buyers / 5)
                            try await shop.withSQL { sql in
                                try await sql.raw("BEGIN EXCLUSIVE").run()
                                // Receipts already on their way may still arrive; then none until the lock goes.
                                try await Task.sleep(for: .seconds(1))
                                let before = outcomes.receipts.withLock { $0.count }
                                try await Task.sleep(for: .seconds(3))  // the lock's length, not a proof
                                receiptsWhileLocked = outcomes.receipts.withLock { $0.count } - before
                                try await sql.raw("COMMIT").run()
                            }
                            try await group.waitForAll()
                        }
                    }
                    #expect(receiptsWhileLocked == 0, "no purchase went through the lock")
                    #expect(bot.process.isRunning, "the bot did not exit: \(bot.log)")
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes, repliesExactlyOnce: false)
                    try await shop.expectEveryBalanceEqualsItsLedger()
                }
            }
        }
    }
}
