import BotAPISandbox
import Foundation
import MarketplaceTesting
import Testing

extension BotProcessTests {
    /// The background jobs wait for the prelude: with the Bot API failing as the bot starts, the
    /// Stars reconciler calls Telegram only once `getMe`, `deleteWebhook` and the command list are
    /// done; on PostgreSQL, where the jobs run under the leader lock, as on SQLite.
    @Suite(.timeLimit(.minutes(2))) struct StartOrderTests {
        @Test(arguments: TestDatabaseKind.available)
        func theJobsStartOnlyAfterThePrelude(on database: TestDatabaseKind) async throws {
            try await withProcessShopStorage(database) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    try await shop.stock(keys: 1)
                    // Long enough for the prelude's getMe to be refused and retried, short of its last retry.
                    await sandbox.state.failEveryCall(status: 502, for: .seconds(2))
                    let bot = try shop.startBot("bot")
                    var calls: [RecordedCall] = []
                    for _ in 0..<600 where !calls.contains(where: { $0.method == "getStarTransactions" }) {
                        try await Task.sleep(for: .milliseconds(50))
                        calls = await sandbox.calls
                    }
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    let methods = calls.map(\.method)
                    let firstJobCall = try #require(methods.firstIndex(of: "getStarTransactions"), "the reconciler ran: \(methods)")
                    #expect(calls.contains { $0.method == "getMe" && $0.status == 502 }, "the prelude met the outage: \(methods)")
                    let preludeDone = try #require(methods.lastIndex(of: "setMyCommands"), "\(methods)")
                    #expect(preludeDone < firstJobCall, "\(methods)")
                    #expect(methods[..<firstJobCall].allSatisfy { ["getMe", "deleteWebhook", "setMyCommands"].contains($0) }, "\(methods)")
                }
            }
        }
    }
}
