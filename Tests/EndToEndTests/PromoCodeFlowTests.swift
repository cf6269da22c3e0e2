import BotAPISandbox
import Foundation
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

/// A customer applies a promo code on the confirmation, or arrives with one in a link; Buy
/// charges the total shown with it, and a code that stopped applying charges nothing.
@Suite(.timeLimit(.minutes(2))) struct PromoCodeFlowTests {
    @Test func aCodeTypedOnTheConfirmationIsChargedAsShownOnce() async throws {
        try await withShop { harness in
            try await harness.product("Vault", price: "5.00", keys: ["V-1", "V-2"])
            try await harness.shop.promos.create(code: "SPRING", terms: PromoTerms(discount: .percent(20)), by: AuditLog.commandLine)
            let ana = try await harness.customer("Ana", balance: "20.00")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Vault · 2")
            let confirmation = try await ana.tap("1 month · $5.00")
            #expect(confirmation.buttons.contains("🎟 Promo code"))
            #expect(try await ana.tap("🎟 Promo code").shown.contains("Send your promo code."))
            #expect(try await ana.ask("no spaces here").shown.contains("That can't be a promo code"))
            #expect(try await ana.ask("nope").shown.contains("There is no promo code NOPE."))
            _ = try await ana.send("spring")
            let applied = try await ana.nextMessage()
            #expect(applied.shown.contains("The promo code SPRING is applied."), "\(applied.shown)")
            #expect(applied.shown.contains("🎟 SPRING: −$1.00") && applied.shown.contains("Total: $4.00"), "\(applied.shown)")
            #expect(applied.buttons.contains("✖ Remove the promo code"))
            let receipt = try await ana.tap("✅ Buy for $4.00")
            #expect(receipt.codeSpans == ["V-1"])
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("16.00"))
            #expect(try await harness.shop.promos.keptCode(of: ana.id) == nil, "used: the next confirmation starts without it")
            #expect(try await harness.shop.promos.summary(code: "spring")?.uses == 1)
        }
    }

    @Test(arguments: ["en", "ru"])
    func aCodeFromALinkThatStopsApplyingBeforeBuyChargesNothing(language: String) async throws {
        try await withShop { harness in
            try await harness.product("Vault", price: "5.00", keys: ["V-1"])
            try await harness.shop.promos.create(code: "CHANNEL-10", terms: PromoTerms(discount: .percent(10)), by: AuditLog.commandLine)
            let bob = try await harness.customer("Bob", balance: "20.00", languageCode: language)
            let welcome = try await bob.ask("/start promo_channel-10")
            #expect(
                welcome.shown.contains(
                    language == "en"
                        ? "The promo code CHANNEL-10 will be applied at your next purchase."
                        : "Промокод CHANNEL-10 будет применён при следующей покупке."),
                "\(welcome.shown)")
            _ = try await bob.tap(language == "en" ? "🛍 Products" : "🛍 Товары")
            _ = try await bob.tap("Vault · 1")
            let confirmation = try await bob.tap("1 month · $5.00")
            #expect(confirmation.shown.contains("🎟 CHANNEL-10: −$0.50"), "\(confirmation.shown)")

            try await harness.shop.promos.setPaused(true, code: "channel-10", by: AuditLog.commandLine)
            let refused = try await bob.tap(startingWith: "✅", within: .seconds(10))
            #expect(
                refused.shown.contains(
                    language == "en" ? "The promo code CHANNEL-10 is paused just now." : "Промокод CHANNEL-10 сейчас приостановлен."),
                "\(refused.shown)")
            #expect(try await harness.shop.users.find(telegramID: bob.id)?.balance == ShopHarness.dollars("20.00"), "nothing charged")
            let plain = try await bob.tap(language == "en" ? "✖ Remove the promo code" : "✖ Убрать промокод")
            #expect(!plain.shown.contains("CHANNEL-10"), "\(plain.shown)")
            _ = try await bob.tap(startingWith: "✅", within: .seconds(10))
            #expect(try await harness.shop.users.find(telegramID: bob.id)?.balance == ShopHarness.dollars("15.00"))
        }
    }
}

/// 🎟 Promo codes in the panel: each code's terms, uses and revenue, paused and resumed.
@Suite(.timeLimit(.minutes(2))) struct PromoPanelTests {
    @Test func anOwnerSeesTheCodesAndPausesOne() async throws {
        try await withShop { harness in
            let (_, priceID) = try await harness.product("Vault", price: "5.00", keys: ["V-1"])
            try await harness.shop.promos.create(
                code: "SPRING", terms: PromoTerms(discount: .percent(20), maxUses: 10), by: AuditLog.commandLine)
            let ana = try await harness.customer("Ana", balance: "20.00")
            _ = try await harness.shop.purchases.buy(telegramID: ana.id, priceID: priceID, promoCode: "spring")

            let boss = try await AdminCustomersTests.admin(harness)
            _ = try await boss.ask("/admin")
            let list = try await boss.tap("🎟 Promo codes")
            #expect(list.buttons.contains("SPRING · 20% off · 1/10 used"), "\(list.buttons)")
            let card = try await boss.tap("SPRING · 20% off · 1/10 used")
            #expect(
                card.shown.contains("Used: 1 of 10 · 1 per customer") && card.shown.contains("Revenue: $4.00 · Discounts given: $1.00"),
                "\(card.shown)")
            let paused = try await boss.tap("⏸ Pause")
            #expect(paused.shown.contains("SPRING is paused") && paused.buttons.contains("▶️ Resume"), "\(paused.shown)")
            #expect(try await harness.shop.promos.summary(code: "SPRING")?.isPaused == true)
            _ = try await boss.tap("▶️ Resume")
            #expect(try await harness.shop.promos.summary(code: "SPRING")?.isPaused == false)
            #expect(try await harness.shop.audit.entries(involving: nil, page: 1).items.map(\.action).prefix(2) == ["promo.resume", "promo.pause"])
        }
    }
}
