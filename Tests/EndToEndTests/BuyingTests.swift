import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

/// Buying through the bot: prices by status, refusals, and the races a real shop meets.
@Suite(.timeLimit(.minutes(2))) struct BuyingTests {
    @Test func productNamesUserNamesAndKeysShowExactlyAsTyped() async throws {
        try await withShop { harness in
            try await harness.product(#"<Script> & "Co""#, description: "<b>not bold</b> & more", keys: ["<KEY&1>"])
            let fan = try await harness.customer("<3", balance: "5.00")
            let welcome = try await fan.ask("/start")
            #expect(welcome.shown.contains("Welcome, <3!"))
            let list = try await fan.tap("🛍 Products")
            #expect(list.shown.contains(#"<Script> & "Co" · 1 in stock"#))
            let card = try await fan.tap(#"<Script> & "Co" · 1"#)
            #expect(card.shown.contains("<b>not bold</b> & more"))
            #expect(card.spans(of: "bold").first == #"<Script> & "Co""#, "the name is bold, the description's tags are text")
            _ = try await fan.tap("1 month · $5.00")
            let receipt = try await fan.tap("✅ Buy for $5.00")
            #expect(receipt.codeSpans == ["<KEY&1>"])
        }
    }

    @Test func freeCustomersSeePremiumProductsLockedWithAnUpgradeButton() async throws {
        try await withShop { harness in
            try await harness.product("Vault", price: "5.00", keys: ["V-1"], premiumOnly: true)
            let free = try await harness.customer("Free", balance: "50.00")
            let list = try await free.tap("🛍 Products")
            #expect(list.shown.contains("Vault · 🔒 premium only"))
            let card = try await free.tap("🔒 Vault")
            #expect(card.shown.contains("This product is for Premium customers"))
            #expect(card.buttons.contains("💎 Upgrade to Premium"))
            #expect(!card.buttons.contains("1 month · $5.00"), "no way to buy it")
            let premium = try await free.tap("💎 Upgrade to Premium")
            #expect(premium.shown.contains("Price: $10.00"))
        }
    }

    @Test func premiumCustomersBuyPremiumProductsAndResellersPayResellerPricesInQuantity() async throws {
        try await withShop { harness in
            try await harness.product("Vault", price: "5.00", reseller: "3.00", keys: (1...12).map { "V-\($0)" }, premiumOnly: true)
            let premium = try await harness.customer("Prem", balance: "50.00")
            _ = try await harness.shop.users.setPremium(true, telegramID: premium.id)
            _ = try await premium.tap("🛍 Products")
            let card = try await premium.tap("Vault · 12")
            #expect(card.shown.contains("1 month — $5.00 · 12 in stock"))

            let reseller = try await harness.customer("Resa", balance: "50.00")
            _ = try await harness.shop.users.setPremium(true, telegramID: reseller.id)
            _ = try await harness.shop.users.setReseller(true, telegramID: reseller.id)
            _ = try await reseller.tap("🛍 Products")
            let resellerCard = try await reseller.tap("Vault · 12")
            #expect(resellerCard.shown.contains("1 month — $3.00 · 12 in stock"))
            let confirmation = try await reseller.tap("1 month · $3.00")
            #expect(confirmation.buttons.prefix(4) == ["• 1 •", "5", "10", "✏️ Other"])
            let five = try await reseller.tap("5")
            #expect(five.shown.contains("Quantity: 5"))
            #expect(five.shown.contains("Price: $15.00"))
            let prompt = try await reseller.tap("✏️ Other")
            #expect(prompt.shown.contains("Send the number of keys you want, from 1 to 100"))
            #expect(try await reseller.ask("lots").shown.contains("That is not a quantity"))
            let two = try await reseller.ask("2")
            #expect(two.shown.contains("Quantity: 2"))
            let receipt = try await reseller.tap("✅ Buy for $6.00")
            #expect(receipt.codeSpans == ["V-1", "V-2"])
            #expect(try await harness.shop.users.find(telegramID: reseller.id)?.balance == ShopHarness.dollars("44.00"))
        }
    }

    @Test func keysTooLongForOneMessageContinueInTheNext() async throws {
        try await withShop { harness in
            let keys = (1...10).map { String(repeating: "K\($0 % 10)", count: 250) }
            try await harness.product("Long", price: "1.00", reseller: "1.00", keys: keys)
            let reseller = try await harness.customer("Resa", balance: "20.00")
            _ = try await harness.shop.users.setReseller(true, telegramID: reseller.id)
            _ = try await reseller.tap("🛍 Products")
            _ = try await reseller.tap("Long · 10")
            _ = try await reseller.tap("1 month · $1.00")
            _ = try await reseller.tap("10")
            let receipt = try await reseller.tap("✅ Buy for $10.00")
            #expect(receipt.shown.contains("Purchase complete") && receipt.codeSpans.isEmpty)
            var delivered: [String] = []
            while delivered.count < keys.count {
                let message = try await reseller.nextMessage()
                #expect(message.shown.utf16.count <= 4096)
                delivered += message.codeSpans
            }
            #expect(delivered == keys, "every key, in order, each copyable")
        }
    }

    @Test func emojiKeysAtTheLengthLimitAllArriveInMessagesTelegramAccepts() async throws {
        try await withShop { harness in
            // 512 UTF-16 code units each, the longest key stock takes: mostly emoji, which Telegram counts twice.
            let keys = (1...20).map { String(format: "%02d", $0) + String(repeating: "🔑", count: 254) + "€x" }
            #expect(keys.allSatisfy { $0.utf16.count == 512 })
            try await harness.product("🎮🎮🎮 " + String(repeating: "👾", count: 60), price: "1.00", reseller: "1.00", keys: keys, pastTheRules: true)
            let reseller = try await harness.customer("🦄 " + String(repeating: "✨", count: 40), balance: "20.00")
            _ = try await harness.shop.users.setReseller(true, telegramID: reseller.id)
            _ = try await reseller.tap("🛍 Products")
            _ = try await reseller.tap(startingWith: "🎮🎮🎮", within: .seconds(10))
            _ = try await reseller.tap("1 month · $1.00")
            _ = try await reseller.tap("✏️ Other")
            _ = try await reseller.ask("20")
            let receipt = try await reseller.tap("✅ Buy for $20.00")
            #expect(receipt.shown.contains("Purchase complete"))
            var delivered = receipt.codeSpans
            while delivered.count < keys.count {
                let message = try await reseller.nextMessage()
                #expect(message.shown.utf16.count <= 4096, "Telegram's limit, in its own units")
                delivered += message.codeSpans
            }
            #expect(delivered == keys, "every key, in order, each copyable")
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func forgedBuyDataFromAFreeCustomerBuysNothing(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Netflix", price: "5.00", keys: (1...6).map { "N-\($0)" })
            let free = try await harness.customer("Free", balance: "50.00")
            // A modified client sends data no button of the bot carries.
            let menu = try #require(await free.transcript().last { $0.sender == "bot" }?.messageID)
            // Five keys for the price of five, as only a reseller's confirmation offers.
            try await harness.forgePress(by: free, data: "b:\(price):5:2500:forged0001", messageID: menu)
            #expect(try await free.nextMessage().shown.contains("That is not a quantity"))
            // One key, but for less than it costs.
            try await harness.forgePress(by: free, data: "b:\(price):1:1:forged0002", messageID: menu)
            #expect(try await free.nextMessage().shown.contains("The price changed since you looked: the total is now $5.00"))
            #expect(try await harness.shop.users.find(telegramID: free.id)?.balance == ShopHarness.dollars("50.00"), "nothing was charged")
            #expect(try await harness.shop.orders.orders(of: free.id, page: 1).items.isEmpty)
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 6)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func aPriceChangedAfterTheConfirmationIsAskedAgainAndNothingCharged(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Netflix", price: "5.00", keys: ["N-1"])
            let ana = try await harness.customer("Ana", balance: "10.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Netflix · 1")
            _ = try await ana.tap("1 month · $5.00")
            try await harness.shop.catalogue.updatePrice(price, .init(price: ShopHarness.dollars("6.00")), by: ShopHarness.rootAdmin)
            let again = try await ana.tap("✅ Buy for $5.00")
            #expect(again.shown.contains("The price changed since you looked: the total is now $6.00. Nothing was charged"))
            #expect(again.buttons.contains("✅ Buy for $6.00"))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("10.00"))
            let receipt = try await ana.tap("✅ Buy for $6.00")
            #expect(receipt.codeSpans == ["N-1"])
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("4.00"))
        }
    }

    @Test func theReceiptComesEvenWhenTelegramRefusesToAnswerTheButton() async throws {
        // Every answer to a press is refused as too old, as for a press Telegram delivers again after 15 s.
        try await withShop(sandbox: SandboxConfiguration(callbackQueryLifetime: .seconds(-1))) { harness in
            try await harness.product("Netflix", price: "5.00", keys: ["N-1"])
            let ana = try await harness.customer("Ana", balance: "5.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Netflix · 1")
            _ = try await ana.tap("1 month · $5.00")
            let receipt = try await ana.tap("✅ Buy for $5.00")
            #expect(receipt.codeSpans == ["N-1"], "the keys, not the apology")
            #expect(
                await harness.sandbox.calls.contains { $0.method == "answerCallbackQuery" && $0.status == 400 }, "the answers were indeed refused")
        }
    }

    @Test func theReceiptComesAsANewMessageWhenTheConfirmationCanNoLongerBeEdited() async throws {
        try await withShop { harness in
            try await harness.product("Netflix", price: "5.00", keys: ["N-1"])
            let ana = try await harness.customer("Ana", balance: "5.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Netflix · 1")
            let confirmation = try await ana.tap("1 month · $5.00")
            let buy = try #require(confirmation.replyMarkup?.inlineKeyboard.joined().first { $0.text == "✅ Buy for $5.00" }?.callbackData)
            // The press arrives for a message Telegram no longer lets the bot edit (deleted meanwhile).
            try await harness.forgePress(by: ana, data: buy, messageID: 999_999)
            let receipt = try await ana.nextMessage()
            #expect(receipt.codeSpans == ["N-1"], "the keys, as a new message, not the apology")
            #expect(receipt.messageID != confirmation.messageID)
        }
    }

    @Test func shortBalanceShowsTheShortfallAndOutOfStockIsSaidPlainly() async throws {
        try await withShop { harness in
            try await harness.product("Netflix", price: "5.00", keys: ["N-1"])
            try await harness.product("Empty", price: "5.00")
            let ana = try await harness.customer("Ana", balance: "1.00")
            _ = try await ana.tap("🛍 Products")
            #expect(try await ana.tap("Empty · ✖").buttons.contains("1 month · $5.00") == false, "no price to press without stock")
            _ = try await ana.tap("‹ Back")
            _ = try await ana.tap("Netflix · 1")
            let confirmation = try await ana.tap("1 month · $5.00")
            #expect(confirmation.shown.contains("you need $4.00 more"))
            let refusal = try await ana.tap("✅ Buy for $5.00")
            #expect(refusal.shown.contains("Not enough balance: you need $4.00 more"))
            #expect(refusal.buttons.prefix(3) == ["➕ Top up", "🤝 Trusted sellers", "🆘 Support"], "the ways to top up")
            #expect(try await harness.shop.stock.unusedCount(priceID: 1) == 1, "nothing was sold")
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func secondTapOnTheSameBuyButtonDoesNotBuyTwice(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Netflix", price: "5.00", keys: ["N-1", "N-2", "N-3"])
            let ana = try await harness.customer("Ana", balance: "20.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Netflix · 3")
            let confirmation = try await ana.tap("1 month · $5.00")
            let buy = try #require(confirmation.replyMarkup?.inlineKeyboard.joined().first { $0.text == "✅ Buy for $5.00" }?.callbackData)
            let first = try await ana.press(callbackData: buy, messageID: confirmation.messageID)
            let second = try await ana.press(callbackData: buy, messageID: confirmation.messageID)
            let receipt = try await ana.nextMessage()
            #expect(receipt.codeSpans == ["N-1"])
            let again = try await ana.nextMessage()
            #expect(again.shown.contains("Already bought"))
            #expect(again.codeSpans == ["N-1"], "the same order, shown again")
            let answers = [await ana.answer(toCallback: first), await ana.answer(toCallback: second)]
            #expect(answers.allSatisfy { $0 != nil }, "both presses are answered")
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("15.00"))
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 2)
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func twoCustomersRacingForTheLastKeyGetOneSaleAndOneOutOfStock(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let (_, price) = try await harness.product("Last", price: "5.00", keys: ["LAST-1"])
            let ana = try await harness.customer("Ana", balance: "10.00")
            let bob = try await harness.customer("Bob", balance: "10.00")
            for buyer in [ana, bob] {
                _ = try await buyer.tap("🛍 Products")
                _ = try await buyer.tap("Last · 1")
                _ = try await buyer.tap("1 month · $5.00")
            }
            async let anaPress = ana.press("✅ Buy for $5.00")
            async let bobPress = bob.press("✅ Buy for $5.00")
            _ = try await (anaPress, bobPress)
            let outcomes = [try await ana.nextMessage(), try await bob.nextMessage()]
            #expect(outcomes.filter { $0.codeSpans == ["LAST-1"] }.count == 1)
            #expect(outcomes.filter { $0.shown.contains("Out of stock") }.count == 1)
            let balances = [
                try await harness.shop.users.find(telegramID: ana.id)!.balance, try await harness.shop.users.find(telegramID: bob.id)!.balance,
            ]
            #expect(balances.sorted() == [ShopHarness.dollars("5.00"), ShopHarness.dollars("10.00")])
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 0)
        }
    }
}
