import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import Synchronization
import Testing

extension BotProcessTests {
    /// The bot as its own process, killed with SIGKILL in the middle of the shop's busiest moments
    /// and started again on the same database: nothing Telegram delivered is lost, nothing is doubled.
    @Suite(.timeLimit(.minutes(5))) struct CrashRecoveryTests {
        static let buyers = 100
        static let payers = 10

        @Test(arguments: TestDatabaseKind.available)
        func aBotKilledInTheMiddleOfPurchasesAndPaymentsLosesAndDoublesNothing(kind: TestDatabaseKind) async throws {
            try await withProcessShopStorage(kind) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let payers = try await shop.customers(Self.payers, named: "Payer", balance: 0)

                    let outcomes = Outcomes()
                    var bot = try shop.startBot("first")
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        for payer in payers { group.addTask { try await payer.topUp(outcomes) } }
                        // Killed once a fifth of the buyers have their key: the rest are mid-flow,
                        // and the payments are in every stage from invoice to credit.
                        await outcomes.waitForReceipts(Self.buyers / 5)
                        await bot.kill()
                        bot = try shop.startBot("second")
                        try await group.waitForAll()
                    }
                    #expect(await bot.stop() == 0, "a graceful stop after the restart: \(bot.log)")
                    let replayed = bot.log.components(separatedBy: "did not finish").count - 1
                    print(
                        "crash test (\(kind)): killed after \(Self.buyers / 5) of \(Self.buyers) keys; \(replayed) updates kept in the inbox were handled after the restart"
                    )

                    let keys = outcomes.keys.withLock { $0 }
                    #expect(keys.count == Self.buyers, "every buyer got an answer to Buy")
                    #expect(
                        keys.values.allSatisfy { $0.count == 1 },
                        "one key each: \(outcomes.receipts.withLock { $0 }.filter { keys[$0.key]?.count != 1 }.prefix(3))")
                    #expect(Set(keys.values.flatMap { $0 }).count == Self.buyers, "no key sold twice")
                    try await expectNoTapAnsweredTwice(sandbox, chats: buyers.map(\.chatID))

                    let charges = outcomes.charges.withLock { $0 }
                    try await shop.withDatabase { after throws in
                        for buyer in buyers {
                            #expect(try await after.orders.orders(of: buyer.id, page: 1).items.count == 1, "exactly one order for \(buyer.id)")
                            #expect(try await after.users.find(telegramID: buyer.id)?.balance.minorUnits == 0, "charged once")
                        }
                        for payer in payers {
                            let paid = charges[payer.id] ?? []
                            #expect(paid.count >= 1)
                            #expect(
                                try await after.users.find(telegramID: payer.id)?.balance.minorUnits == Int64(100 * paid.count),
                                "each charge credited once")
                            #expect(try await after.ledger.recentLines(of: payer.id).filter { $0.reason == .starsTopUp }.count == paid.count)
                        }
                    }
                }
            }
        }
    }
}
