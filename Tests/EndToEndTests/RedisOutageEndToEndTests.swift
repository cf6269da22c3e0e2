import BotAPISandbox
import Foundation
import Logging
import MarketplaceTesting
import RedisClient
import Synchronization
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// The whole bot, as its own process, with Redis killed in the middle of a busy run: the cache,
    /// conversation state and everything else fall through to the database, one warning says so,
    /// and Redis is used again once it is back.
    @Suite(.timeLimit(.minutes(5)), .enabled(if: RedisServerProcess.isAvailable)) struct RedisOutageEndToEndTests {
        static let buyers = 100
        static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

        /// The keys this bot has in Redis.
        static func keys(of botID: Int64, in redis: RedisClient) async throws -> [String] {
            try await redis.scan(match: "qp:\(botID):*", count: 1000).keys
        }

        @Test func redisKilledMidFlowAndMidDialogCostsNobodyTheirKey() async throws {
            let server = try RedisServerProcess()
            try await server.start()
            let redis = RedisClient(configuration: try RedisConfiguration(url: server.url), logger: Self.quiet)
            try await withTemporaryFolder { folder in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: server.url)
                    try await shop.stock(keys: Self.buyers + 3)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let reseller = try await shop.customers(1, named: "Reseller", balance: 1500, reseller: true)[0]
                    let bot = try shop.startBot("bot")
                    let botID = await sandbox.state.bot.id

                    // A reseller is asked to type a quantity: a dialog whose state is now cached in Redis.
                    let prompt = try await reseller.askForAQuantity()
                    #expect(prompt.shown.contains("Send the number of keys"), "\(prompt.shown)")
                    let reasked = try await reseller.ask("lots", within: .seconds(60))
                    #expect(reasked.shown.contains("That is not a quantity"), "\(reasked.shown)")
                    #expect(
                        try await Self.keys(of: botID, in: redis).contains { $0.hasPrefix("qp:\(botID):cache:USD:fsm:") },
                        "the dialog's state, read for that answer, is cached in Redis")

                    let outcomes = Outcomes()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        await outcomes.waitForReceipts(Self.buyers / 5)
                        try await server.kill()
                        // The dialog goes on from the database.
                        let confirmation = try await reseller.ask("3", within: .seconds(60))
                        #expect(confirmation.shown.contains("Quantity: 3"), "\(confirmation.shown)")
                        let receipt = try await reseller.tap(startingWith: "✅ Buy", within: .seconds(60))
                        #expect(receipt.codeSpans.count == 3)
                        try await group.waitForAll()
                    }
                    let keys = outcomes.keys.withLock { $0 }
                    #expect(keys.count == Self.buyers && keys.values.allSatisfy { $0.count == 1 }, "every buyer got their key")
                    #expect(Set(keys.values.flatMap { $0 }).count == Self.buyers, "no key sold twice")

                    // Back: the bot fills Redis again (it tries again every few seconds).
                    try await server.start()
                    let restarted = ContinuousClock.now
                    var refilled = false
                    for buyer in buyers.prefix(30) where !refilled {
                        _ = try await buyer.tap(startingWith: "🛍 Products", within: .seconds(60))
                        refilled = try await !Self.keys(of: botID, in: redis).isEmpty
                        if !refilled { try await Task.sleep(for: .milliseconds(250)) }
                    }
                    #expect(refilled, "Redis is used again once it is back")
                    print(
                        "redis outage test: Redis killed after \(Self.buyers / 5) of \(Self.buyers) keys; every buyer and the reseller's dialog finished; Redis in use again \(restarted.duration(to: .now)) after it restarted"
                    )

                    #expect(await bot.stop() == 0)
                    let log = bot.log
                    #expect(log.components(separatedBy: "Cache unavailable").count - 1 == 1, "one warning for the outage: \(log.suffix(2000))")
                    #expect(!log.contains("Handler failed") && !log.contains("Update failed"), "no update failed: \(log.suffix(2000))")
                }
            }
            await redis.close()
            try await server.stop()
        }
    }
}
