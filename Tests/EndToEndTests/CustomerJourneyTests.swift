import BotAPISandbox
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

/// A new customer goes from /start to a delivered key, in each language the shop speaks.
@Suite(.timeLimit(.minutes(2))) struct CustomerJourneyTests {
    @Test(arguments: TestDatabaseKind.available)
    func newCustomerGoesFromStartToADeliveredKey(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            try await harness.product("Netflix Premium", description: "4K, four screens", keys: ["NFX-0001"])
            let ana = await harness.sandbox.makeUser(firstName: "Ana", languageCode: "en")
            let welcome = try await ana.ask("/start")
            #expect(welcome.shown.contains("Welcome, Ana!"))
            #expect(welcome.shown.contains("Balance: $0.00"))
            #expect(welcome.shown.contains("Status: Free"))
            #expect(welcome.buttons == ["🛍 Products", "💰 Balance", "📦 My orders", "💎 Premium", "🤝 Trusted sellers", "🆘 Support", "🌐 Language"])
            try await harness.shop.ledger.credit(ShopHarness.dollars("12.50"), to: ana.id, reason: .adminCredit, actorID: ShopHarness.rootAdmin)

            let products = try await ana.tap("🛍 Products")
            #expect(products.messageID == welcome.messageID, "the menu is edited in place")
            #expect(products.shown.contains("Netflix Premium · 1 in stock"))
            let card = try await ana.tap("Netflix Premium · 1")
            #expect(card.shown.contains("4K, four screens"))
            #expect(card.shown.contains("1 month — $5.00 · 1 in stock"))
            let confirmation = try await ana.tap("1 month · $5.00")
            #expect(confirmation.shown.contains("Product: Netflix Premium"))
            #expect(confirmation.shown.contains("Price: $5.00"))
            #expect(confirmation.shown.contains("Balance: $12.50"))
            #expect(confirmation.shown.contains("Balance after: $7.50"))
            let receipt = try await ana.tap("✅ Buy for $5.00")
            #expect(receipt.shown.contains("Purchase complete"))
            #expect(receipt.shown.contains("NFX-0001"))
            #expect(receipt.shown.contains("Balance: $7.50"))
            #expect(receipt.codeSpans == ["NFX-0001"], "the key is in <code>, one tap copies it")
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("7.50"))
        }
    }

    @Test func russianSpeakerShopsInRussian() async throws {
        try await withShop { harness in
            try await harness.product("Spotify", keys: ["SPOT-1"])
            let ivan = try await harness.customer("Иван", balance: "5.00", languageCode: "ru")
            try await ivan.send("/start")
            let welcome = try await ivan.nextMessage()
            #expect(welcome.shown.contains("Добро пожаловать, Иван!"))
            #expect(welcome.shown.contains("Баланс: $5.00"))
            _ = try await ivan.tap("🛍 Товары")
            let card = try await ivan.tap("Spotify · 1")
            #expect(card.shown.contains("в наличии: 1"))
            _ = try await ivan.tap("1 month · $5.00")
            let receipt = try await ivan.tap("✅ Купить за $5.00")
            #expect(receipt.shown.contains("Покупка завершена"))
            #expect(receipt.shown.contains("SPOT-1"))
        }
    }

    @Test func commandListIsSetInBothLanguages() async throws {
        try await withShop { harness in
            let calls = await harness.sandbox.calls.filter { $0.method.lowercased() == "setmycommands" }.map(\.parameters)
            #expect(calls.count == 2)
            #expect(calls.contains { $0.contains("Open the shop") && !$0.contains("language_code") }, "English for everyone else")
            #expect(calls.contains { $0.contains("Открыть магазин") && $0.contains(#""language_code":"ru""#) })
        }
    }
}
