import BotAPISandbox
import Foundation
import Logging
import MarketplaceTesting
import RedisClient
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// Two shops' bots on one Redis: each keeps to the keys under its own bot id.
    @Suite(.timeLimit(.minutes(2)), .enabled(if: RedisServerProcess.isAvailable)) struct RedisNamespaceTests {
        @Test func twoBotsOnOneRedisShareNothing() async throws {
            let server = try RedisServerProcess()
            try await server.start()
            let redis = RedisClient(
                configuration: try RedisConfiguration(url: server.url), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let staging = SandboxConfiguration(token: BotToken("2000000002:SANDBOX_staging_staging_staging_token"), botUsername: "staging_shop_bot")
            try await withTemporaryFolder { liveFolder in
                try await withTemporaryFolder { stagingFolder in
                    try await BotAPISandbox.withRunning { liveSandbox in
                        try await BotAPISandbox.withRunning(configuration: staging) { stagingSandbox in
                            let live = ProcessShop(folder: liveFolder, sandbox: liveSandbox, redisURL: server.url)
                            let test = ProcessShop(folder: stagingFolder, sandbox: stagingSandbox, redisURL: server.url)
                            try await live.stock(keys: 1, named: "Live Kit")
                            try await test.stock(keys: 1, named: "Staging Kit")
                            let liveBot = try live.startBot("live")
                            let stagingBot = try test.startBot("staging")
                            for _ in 0..<2 {
                                let ana = await liveSandbox.makeUser(firstName: "Ana")
                                let anna = await stagingSandbox.makeUser(firstName: "Ana")
                                #expect(ana.id == anna.id, "one person trying both bots: unprefixed keys would collide")
                                _ = try await ana.ask("/start", within: .seconds(30))
                                _ = try await anna.ask("/start", within: .seconds(30))
                                let liveList = try await ana.tap(startingWith: "🛍 Products", within: .seconds(30))
                                let stagingList = try await anna.tap(startingWith: "🛍 Products", within: .seconds(30))
                                #expect(liveList.shown.contains("Live Kit") && !liveList.shown.contains("Staging Kit"))
                                #expect(stagingList.shown.contains("Staging Kit") && !stagingList.shown.contains("Live Kit"))
                            }
                            let keys = try await redis.scan(match: "*", count: 1000).keys
                            #expect(keys.contains { $0.hasPrefix("qp:1000000001:cache:USD:catalogue") })
                            #expect(keys.contains { $0.hasPrefix("qp:2000000002:cache:USD:catalogue") })
                            #expect(keys.allSatisfy { $0.hasPrefix("qp:1000000001:") || $0.hasPrefix("qp:2000000002:") }, "\(keys)")
                            #expect(await liveBot.stop() == 0)
                            #expect(await stagingBot.stop() == 0)
                        }
                    }
                }
            }
            await redis.close()
            try await server.stop()
        }
    }
}
