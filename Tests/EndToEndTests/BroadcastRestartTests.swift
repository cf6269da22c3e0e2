import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

extension BotProcessTests {
    /// A broadcast sent by the bot as its own process, SIGKILLed halfway and started again.
    @Suite(.timeLimit(.minutes(3))) struct BroadcastRestartTests {
        @Test(arguments: TestDatabaseKind.available)
        func aBroadcastKilledHalfwayResumesWithoutSendingAnyoneASecondCopy(kind: TestDatabaseKind) async throws {
            try await withProcessShopStorage(kind) { folder, postgresURL in
                try await BotAPISandbox.withRunning(configuration: .init(floodControl: FloodControl())) { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    let customers = try await shop.customers(300, named: "Customer", balance: 0)
                    let broadcast = try await shop.withDatabase {
                        try await $0.broadcasts.create(BroadcastMessage(text: "<b>Hello</b> everyone"), to: .everyone, isPaid: false, by: 1).id
                    }
                    var bot = try shop.startBot("first")
                    // Recipients are sent in the order they were listed: the 100th's copy means a third is out.
                    _ = try await customers[99].nextMessage(timeout: .seconds(30))
                    await bot.kill()

                    bot = try shop.startBot("second")
                    _ = try await customers[299].nextMessage(timeout: .seconds(60))
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    var received = 0
                    for customer in customers {
                        let copies = await customer.transcript().filter { $0.sender == "bot" }.count
                        #expect(copies <= 1, "customer \(customer.id) got \(copies) copies")
                        received += copies
                    }
                    let counts = try await shop.withDatabase { try await $0.broadcasts.counts(broadcast) }
                    // At most the one copy in flight at the kill is unknown; it is not sent again.
                    #expect(counts.count(.unknown) <= 1)
                    #expect(counts.count(.sent) + counts.count(.unknown) == 300 && counts.left == 0)
                    #expect(received >= counts.count(.sent) && received <= 300)
                }
            }
        }
    }
}
