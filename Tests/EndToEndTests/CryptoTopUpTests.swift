import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// Crypto top-ups with the bot as its own process and the sandbox's Crypto Pay stand-in: each
    /// paid invoice credited once and told once, whether its webhook comes once, twice, forged,
    /// late or never, on SQLite and PostgreSQL.
    @Suite(.timeLimit(.minutes(4))) struct CryptoTopUpTests {
        static let ten = Money(minorUnits: 1000, currency: .usd)

        @Test(arguments: TestDatabaseKind.available)
        func eachPaymentIsCreditedOnceWhateverTheWebhookDoes(database: TestDatabaseKind) async throws {
            try await Self.withCryptoShop(database) { shop, sandbox in
                let payers = try await shop.customers(4, named: "Payer", balance: 0)
                let bot = try shop.startBot("bot")
                var answered = 0
                for (payer, webhook) in zip(payers, [CryptoPayStandIn.Webhook.normal, .twice, .none, .badSignature]) {
                    let invoiceID = try await payer.openCryptoInvoice()
                    try await sandbox.cryptoPay.pay(invoiceID, webhook: webhook)
                    answered += [.normal: 1, .twice: 2, .none: 0, .badSignature: 1][webhook]!
                    try await Self.waitForWebhooks(answered, sandbox)
                    if webhook == .none || webhook == .badSignature {
                        // Nothing credited it: the customer's 🔄 I've paid asks Crypto Pay.
                        try await payer.press(callbackData: try await payer.buttonData(startingWith: "🔄 I've paid"))
                    }
                    try await payer.waitUntilToldOfTheTopUp()
                    // The real webhook, late, after the credit: nothing more.
                    try await sandbox.cryptoPay.resendWebhook(invoiceID)
                    answered += 1
                    try await Self.waitForWebhooks(answered, sandbox)
                }
                #expect(await bot.stop() == 0, "\(bot.log)")
                try await Self.expectEachCreditedOnce(payers, shop: shop)
            }
        }

        /// The bot killed, the invoice paid meanwhile: after the restart it is credited once,
        /// whichever comes first, Crypto Pay's retried webhook or the reconciliation at start.
        @Test(arguments: TestDatabaseKind.available)
        func aPaymentMadeWhileTheBotIsDeadIsCreditedOnceAfterTheRestart(database: TestDatabaseKind) async throws {
            try await Self.withCryptoShop(database) { shop, sandbox in
                let payers = try await shop.customers(2, named: "Payer", balance: 0)
                let first = try shop.startBot("first")
                let invoices = [try await payers[0].openCryptoInvoice(), try await payers[1].openCryptoInvoice()]
                await first.kill()
                try await sandbox.cryptoPay.pay(invoices[0], webhook: .normal)
                try await sandbox.cryptoPay.pay(invoices[1], webhook: .none)
                let second = try shop.startBot("second")
                for payer in payers {
                    // The press the kill cut short may be shown again first: the same invoice.
                    try await payer.waitUntilToldOfTheTopUp()
                }
                try await Self.waitForWebhooks(1, sandbox)
                #expect(await sandbox.cryptoPay.allInvoices.count == 2, "a press handled again shows the same invoice")
                #expect(await second.stop() == 0, "\(second.log)")
                try await Self.expectEachCreditedOnce(payers, shop: shop)

                // The command line sees the same, and a reconciliation now finds nothing left.
                let list = try await BotProcess.command(["payments", "list"], environment: shop.environment, in: shop.folder)
                #expect(list.status == 0, "\(list.output)")
                let lines = list.output.split(separator: "\n").filter { $0.hasPrefix("#") }
                #expect(lines.count == 2 && lines.allSatisfy { $0.contains("$10.00 · credited") }, "\(list.output)")
                let reconcile = try await BotProcess.command(["payments", "reconcile"], environment: shop.environment, in: shop.folder)
                #expect(reconcile.output.contains("Credited 0 top-ups; 0 expired unpaid."), "\(reconcile.output)")
            }
        }

        /// Crypto Pay down: a clear answer, no invoice, the top-up cancelled; back up, it works.
        @Test func cryptoPayDownIsSaidPlainlyAndCreatesNothing() async throws {
            try await Self.withCryptoShop(.sqlite) { shop, sandbox in
                let payer = try await shop.customers(1, named: "Payer", balance: 0)[0]
                let bot = try shop.startBot("bot")
                await sandbox.cryptoPay.setDown(true)
                let refusal = try await payer.openingCryptoInvoice()
                #expect(refusal.shown.contains("can't be reached right now, so no invoice was made"), "\(refusal.shown)")
                #expect(await sandbox.cryptoPay.allInvoices.isEmpty)
                await sandbox.cryptoPay.setDown(false)
                let invoiceID = try await payer.openCryptoInvoice()
                try await sandbox.cryptoPay.pay(invoiceID)
                try await payer.waitUntilToldOfTheTopUp()
                #expect(await bot.stop() == 0, "\(bot.log)")
                try await shop.withDatabase { after throws in
                    #expect(try await after.users.find(telegramID: payer.id)?.balance == Self.ten)
                    let states = try await after.topUps.recent(limit: 10).map(\.state)
                    #expect(states == [.credited, .cancelled])
                }
            }
        }

        /// 💳 Payments lists the top-ups, and its check credits one paid with no webhook.
        @Test func thePanelListsTopUpsAndItsCheckCreditsAPaidOne() async throws {
            try await Self.withCryptoShop(.sqlite) { shop, sandbox in
                var shop = shop
                let owner = await sandbox.makeUser(firstName: "Owner")
                shop.rootAdminID = owner.id
                let payer = try await shop.customers(1, named: "Payer", balance: 0)[0]
                let bot = try shop.startBot("bot")
                let invoiceID = try await payer.openCryptoInvoice()
                try await sandbox.cryptoPay.pay(invoiceID, webhook: .none)
                let panel = try await owner.ask("/admin", within: .seconds(60))
                #expect(panel.shown.contains("Credited through 💎 Crypto Pay: $0.00"), "\(panel.shown)")
                let payments = try await owner.tap(startingWith: "💳 Payments", within: .seconds(60))
                #expect(payments.shown.contains("$10.00 · ⏳ waiting"), "\(payments.shown)")
                let checked = try await owner.tap(startingWith: "🔄 Check payments", within: .seconds(60))
                #expect(checked.shown.contains("1 top-up credited"), "\(checked.shown)")
                #expect(checked.shown.contains("$10.00 · ✅ credited"), "\(checked.shown)")
                #expect(checked.shown.contains("Credited through 💎 Crypto Pay: $10.00"), "\(checked.shown)")
                try await payer.waitUntilToldOfTheTopUp()
                #expect(await bot.stop() == 0, "\(bot.log)")
                try await Self.expectEachCreditedOnce([payer], shop: shop)
            }
        }

        static func withCryptoShop(_ database: TestDatabaseKind, _ body: @Sendable (ProcessShop, BotAPISandbox) async throws -> Void) async throws {
            try await withProcessShopStorage(database) { folder, postgresURL in
                try await BotAPISandbox.withRunning { sandbox in
                    var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil, postgresURL: postgresURL)
                    let port = try freeLoopbackPort()
                    shop.cryptoPayPort = port
                    await sandbox.cryptoPay.setWebhookURL("http://127.0.0.1:\(port)/payments/cryptopay")
                    try await body(shop, sandbox)
                }
            }
        }

        /// Waits until the bot has answered `count` webhook calls in all.
        static func waitForWebhooks(_ count: Int, _ sandbox: BotAPISandbox) async throws {
            for _ in 0..<1200 where await sandbox.cryptoPay.answeredWebhooks < count {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(await sandbox.cryptoPay.answeredWebhooks >= count, "webhooks answered")
        }

        /// Each payer has $10.00, one top-up ledger entry, and was told once.
        static func expectEachCreditedOnce(
            _ payers: [SimulatedUser], shop: ProcessShop, sourceLocation: SourceLocation = #_sourceLocation
        ) async throws {
            try await shop.withDatabase { after throws in
                for payer in payers {
                    #expect(try await after.users.find(telegramID: payer.id)?.balance == ten, sourceLocation: sourceLocation)
                    #expect(try await after.ledger.recentLines(of: payer.id).map(\.reason) == [.topUp], sourceLocation: sourceLocation)
                }
                #expect(try await after.ledger.unbalancedCustomers().isEmpty, sourceLocation: sourceLocation)
            }
            for payer in payers {
                let told = await payer.transcript().filter { $0.sender == "bot" && $0.text.contains("$10.00 added") }
                #expect(told.count == 1, "\(payer.id) told \(told.count) times", sourceLocation: sourceLocation)
            }
        }
    }
}

extension SimulatedUser {
    /// /start, Balance, crypto, $10.00: the message that answers (the invoice, or a refusal).
    func openingCryptoInvoice() async throws -> Message {
        _ = try await ask("/start", within: .seconds(60))
        _ = try await tap(startingWith: "💰 Balance", within: .seconds(60))
        _ = try await tap(startingWith: "💎 Top up with crypto", within: .seconds(60))
        return try await tap(startingWith: "💎 $10.00", within: .seconds(60))
    }

    /// Reads the bot's messages until the one saying $10.00 was added.
    func waitUntilToldOfTheTopUp() async throws {
        while try await !nextMessage(timeout: .seconds(60)).shown.contains("$10.00 added") {}
    }

    /// ``openingCryptoInvoice()``, and the invoice's id at Crypto Pay, from its Pay link.
    func openCryptoInvoice() async throws -> Int64 {
        let invoice = try await openingCryptoInvoice()
        let link = invoice.replyMarkup?.inlineKeyboard.flatMap { $0 }.compactMap(\.url).first
        guard let id = link.flatMap({ Int64($0.split(separator: "/").last ?? "") }) else {
            throw SandboxError(code: 400, description: "no Pay link in \(invoice.shown)")
        }
        return id
    }
}
