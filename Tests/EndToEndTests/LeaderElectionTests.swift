import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import Synchronization
import Testing

extension BotProcessTests {
    /// Two bot processes polling one PostgreSQL shop, each in its own folder as on its own
    /// machine: one leads and polls, the other stands by, and takes over when the leader is
    /// SIGKILLed in the middle of purchases.
    @Suite(.timeLimit(.minutes(5))) struct LeaderElectionTests {
        static let buyers = 60

        @Test(.enabled(if: TestDatabaseKind.available.contains(.postgres)))
        func aStandbyTakesPollingOverWithinFiveSecondsAndNothingIsLostOrDoubled() async throws {
            try await withProcessShopStorage(.postgres) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let latecomer = try await shop.customers(1, named: "Latecomer", balance: 0)[0]
                    let leader = try shop.startBot("leader")
                    try await Self.waitForLog(leader, "Leading")
                    let standbyFolder = folder + "/standby"
                    try FileManager.default.createDirectory(atPath: standbyFolder, withIntermediateDirectories: true)
                    let standby = try BotProcess(environment: shop.environment, in: standbyFolder, name: "standby")
                    try await Self.waitForLog(standby, "Standing by")

                    let outcomes = Outcomes()
                    var killedAt = 0.0
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        await outcomes.waitForReceipts(Self.buyers / 4)
                        killedAt = Date().timeIntervalSince1970
                        await leader.kill()
                        try await group.waitForAll()
                    }
                    // The taps the leader had received before it died may all be answered from
                    // the inbox; a new message proves the standby polls as well.
                    _ = try await latecomer.ask("/start", within: .seconds(30))
                    #expect(await standby.stop() == 0, "\(standby.log)")
                    #expect(standby.log.contains("Leading"), "the standby took over: \(standby.log)")

                    // The dead leader calls nothing, so the first call after the kill is the
                    // standby's: answering a tap the leader left, or polling.
                    let callsAfterKill = await sandbox.state.recordedCalls.filter { $0.receivedAt > killedAt }
                    let takeover = try #require(callsAfterKill.map(\.receivedAt).min()) - killedAt
                    let firstPoll = try #require(callsAfterKill.filter { $0.method == "getUpdates" }.map(\.receivedAt).min()) - killedAt
                    print(
                        "leader election: the standby called the Bot API \(String(format: "%.2f", takeover)) s and polled "
                            + "\(String(format: "%.2f", firstPoll)) s after the leader's SIGKILL"
                    )
                    #expect(takeover < 5, "took over within 5 s")

                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                }
            }
        }

        /// Returns once the process's output has `text`; the process logs it within seconds.
        static func waitForLog(_ bot: BotProcess, _ text: String) async throws {
            for _ in 0..<600 where !bot.log.contains(text) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(bot.log.contains(text), "\(bot.log)")
        }
    }
}
