import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

extension BotProcessTests {
    /// The bot started while its database is down or refuses it, as its own process.
    @Suite(.timeLimit(.minutes(3)), .enabled(if: TestDatabaseKind.available.contains(.postgres)))
    struct DatabaseStartupTests {
        /// It waits (saying where and why, readiness 503), and serves once the database is up.
        @Test func startedWithPostgresDownItWaitsAndThenServes() async throws {
            try await PrivatePostgres.withRunning { server in
                try await withTemporaryFolder { folder in
                    try await BotAPISandbox.withRunning { sandbox in
                        var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: server.url)
                        shop.opsPort = try freeLoopbackPort()
                        try await shop.stock(keys: 1)
                        let buyer = try await shop.customers(1, named: "Buyer", balance: 500)[0]
                        try await server.stop()

                        let bot = try shop.startBot("bot")
                        try await LeaderElectionTests.waitForLog(bot, "Waiting for the database")
                        #expect(bot.log.contains("127.0.0.1:\(server.port)"), "names the host and port: \(bot.log)")
                        #expect(bot.log.lowercased().contains("connection refused"), "says what failed: \(bot.log)")
                        #expect(!bot.log.contains(PrivatePostgres.password), "never the password")
                        #expect(!bot.log.contains("Generic description"), "never PSQLError's generic sentence")
                        let waiting = try await DatabaseOutageTests.readiness("http://127.0.0.1:\(shop.opsPort!)/readyz") { $0.status == 503 }
                        #expect(waiting.status == 503)

                        try await server.start()
                        let outcomes = Outcomes()
                        try await buyer.buyOneKey(outcomes)
                        #expect(await bot.stop() == 0, "\(bot.log)")
                        try await shop.expectEachBoughtOneKeyOnce([buyer], outcomes: outcomes)
                    }
                }
            }
        }

        /// A wrong password or a missing database can't be waited out: exit 2, saying what the
        /// server said, naming the user and never the password.
        @Test(arguments: [
            ("a-wrong-password", PrivatePostgres.database, "password authentication failed for user \"quantum\""),
            (PrivatePostgres.password, "no_such_shop", "database \"no_such_shop\" does not exist"),
        ])
        func aDatabaseThatRefusesTheBotEndsItWithStatus2(password: String, database: String, said: String) async throws {
            try await PrivatePostgres.withRunning { server in
                try await withTemporaryFolder { folder in
                    try await BotAPISandbox.withRunning { sandbox in
                        let shop = ProcessShop(
                            folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: server.url(password: password, database: database))
                        let bot = try shop.startBot("bot")
                        #expect(await bot.exitStatus(within: .seconds(60)) == 2, "\(bot.log)")
                        #expect(bot.log.contains(said), "\(bot.log)")
                        #expect(bot.log.contains("user quantum"), "\(bot.log)")
                        #expect(!bot.log.contains(password), "never the password: \(bot.log)")
                        #expect(!bot.log.contains("Generic description"), "\(bot.log)")
                    }
                }
            }
        }

        /// `DATABASE_WAIT=0`: no wait at all; the bot says why and exits 1.
        @Test func aZeroDatabaseWaitFailsAtOnce() async throws {
            try await PrivatePostgres.withRunning { server in
                try await withTemporaryFolder { folder in
                    try await BotAPISandbox.withRunning { sandbox in
                        let shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: server.url)
                        try await server.stop()
                        var environment = shop.environment
                        environment["DATABASE_WAIT"] = "0"
                        let bot = try BotProcess(environment: environment, in: folder, name: "bot")
                        #expect(await bot.exitStatus(within: .seconds(30)) == 1, "\(bot.log)")
                        #expect(bot.log.contains("did not answer within DATABASE_WAIT"), "\(bot.log)")
                        #expect(bot.log.lowercased().contains("connection refused"), "\(bot.log)")
                    }
                }
            }
        }
    }
}
