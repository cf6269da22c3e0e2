import BotAPISandbox
import Foundation
import Testing

extension BotProcessTests {
    /// The Bot API answering 502 to every call for 8 s while 100 customers buy: each answer is
    /// retried until it goes through, so every customer gets the screens, and nobody the apology.
    @Suite(.timeLimit(.minutes(5))) struct TelegramOutageTests {
        static let buyers = 100

        @Test func aBotAPIDownForEightSecondsCostsNoCustomerAScreen() async throws {
            try await withTemporaryFolder { folder in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let bot = try shop.startBot("bot")
                    let outcomes = Outcomes()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        await outcomes.waitForReceipts(20)
                        await sandbox.state.failEveryCall(status: 502, for: .seconds(8))
                        try await group.waitForAll()
                    }
                    let failed = await sandbox.calls.filter { $0.status == 502 }.count
                    #expect(failed > 0, "the outage happened")
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                    // In a message or in a button's alert.
                    let apologies = await sandbox.calls.filter { $0.status == 200 && $0.parameters.contains("Sorry, something went wrong") }
                    #expect(apologies.isEmpty, "\(apologies.count) apologies")
                }
            }
        }
    }
}
