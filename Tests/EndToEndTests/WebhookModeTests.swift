import AsyncHTTPClient
import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import NIOCore
import NIOHTTP1
import Synchronization
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// The bot as its own process in webhook mode: the sandbox posts each update to it, as
    /// Telegram does, with the secret token.
    @Suite(.timeLimit(.minutes(5))) struct WebhookModeTests {
        static let buyers = 40

        @Test func customersBuyThroughTheWebhookAndCallsWithoutTheSecretChangeNothing() async throws {
            try await withProcessShopStorage(.sqlite) { folder, _ in
                try await BotAPISandbox.withRunning { sandbox in
                    var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    shop.webhookPort = try freeLoopbackPort()
                    shop.opsPort = try freeLoopbackPort()
                    let base = try #require(shop.httpBaseURL)
                    let operations = "http://127.0.0.1:\(shop.opsPort!)"
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let eve = await sandbox.makeUser(firstName: "Eve")
                    let bot = try shop.startBot("webhook")

                    let outcomes = Outcomes()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        try await group.waitForAll()
                    }
                    let info = try await sandbox.makeClient().send(GetWebhookInfo())
                    #expect(info.url == base + ProcessShop.webhookPath, "the bot set its webhook")
                    let keys = outcomes.keys.withLock { $0 }
                    #expect(keys.count == Self.buyers && keys.values.allSatisfy { $0.count == 1 }, "one key each")
                    #expect(Set(keys.values.flatMap { $0 }).count == Self.buyers, "no key sold twice")
                    try await expectNoTapAnsweredTwice(sandbox, chats: buyers.map(\.chatID))

                    // Forged calls: Eve's /start without the secret, and with a wrong one.
                    let forged = Self.startUpdate(id: 900_001, user: eve.id, name: "Eve")
                    #expect(try await Self.post(forged, to: base + ProcessShop.webhookPath, secret: nil) == 401)
                    #expect(try await Self.post(forged, to: base + ProcessShop.webhookPath, secret: "process-shop-secreT") == 401)
                    #expect(
                        try await Self.post(Array("{not an update".utf8), to: base + ProcessShop.webhookPath, secret: ProcessShop.webhookSecret)
                            == 200, "a malformed body is answered 200, or Telegram sends it forever")
                    // The same update with the secret is Telegram's, and is answered: so nothing
                    // before it had reached the bot.
                    #expect(try await Self.post(forged, to: base + ProcessShop.webhookPath, secret: ProcessShop.webhookSecret) == 200)
                    let welcome = try await eve.nextMessage(timeout: .seconds(60))
                    #expect(welcome.text?.contains("Eve") == true)
                    #expect(
                        await sandbox.state.transcript(of: eve.chatID).filter { $0.sender == "bot" }.count == 1,
                        "Eve was answered once, for the call with the secret")
                    #expect(
                        try await Self.post(forged, to: base + ProcessShop.webhookPath, secret: ProcessShop.webhookSecret) == 200,
                        "a repeat is acknowledged")

                    let ready = try await HTTPClient.shared.execute(HTTPClientRequest(url: operations + "/readyz"), timeout: .seconds(10))
                    #expect(ready.status == .ok)
                    #expect(String(buffer: try await ready.body.collect(upTo: 1024)).contains(#""updates":"webhook""#))
                    let metrics = try await HTTPClient.shared.execute(HTTPClientRequest(url: operations + "/metrics"), timeout: .seconds(10))
                    #expect(metrics.status == .ok)
                    // The public port, behind the proxy, serves the webhook alone: not the shop's revenue.
                    for path in ["/metrics", "/readyz", "/healthz"] {
                        let answer = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + path), timeout: .seconds(10))
                        #expect(answer.status == .notFound, "\(path) on the public port")
                    }

                    #expect(await bot.stop() == 0, "a graceful stop: \(bot.log)")
                    #expect(
                        await sandbox.state.transcript(of: eve.chatID).filter { $0.sender == "bot" }.count == 1, "the repeat was not handled again")
                    #expect(bot.log.contains("Webhook body is not an update"))
                    #expect(bot.log.components(separatedBy: "wrong or missing secret token").count - 1 == 2)
                }
            }
        }

        /// SIGKILL in webhook mode, mid-purchases, and a restart on the same database: the
        /// sandbox, as Telegram, sends again what was not acknowledged.
        @Test func aBotKilledInWebhookModeLosesAndDoublesNothing() async throws {
            try await withProcessShopStorage(.sqlite) { folder, _ in
                try await BotAPISandbox.withRunning { sandbox in
                    var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    shop.webhookPort = try freeLoopbackPort()
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let outcomes = Outcomes()
                    var bot = try shop.startBot("first")
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        await outcomes.waitForReceipts(Self.buyers / 4)
                        await bot.kill()
                        bot = try shop.startBot("second")
                        try await group.waitForAll()
                    }
                    #expect(await bot.stop() == 0, "\(bot.log)")
                    try await shop.expectEachBoughtOneKeyOnce(buyers, outcomes: outcomes)
                }
            }
        }

        static func startUpdate(id: Int64, user: Int64, name: String) -> [UInt8] {
            Array(
                """
                {"update_id":\(id),"message":{"message_id":\(id),"date":1764700000,"chat":{"id":\(user),"type":"private","first_name":"\(name)"},\
                "from":{"id":\(user),"is_bot":false,"first_name":"\(name)","language_code":"en"},"text":"/start",\
                "entities":[{"type":"bot_command","offset":0,"length":6}]}}
                """.utf8)
        }

        /// POSTs `body` as Telegram would, and returns the status.
        static func post(_ body: [UInt8], to url: String, secret: String?) async throws -> UInt {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let secret { request.headers.add(name: "X-Telegram-Bot-Api-Secret-Token", value: secret) }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 16)
            return response.status.code
        }
    }
}
