import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// Stars top-ups through the payment seam: each press stores a top-up before its invoice, the
/// charge that pays it credits it once, and an invoice is paid in its time, once.
@Suite(.timeLimit(.minutes(2))) struct StarsTopUpFlowTests {
    @Test(arguments: TestDatabaseKind.available)
    func aTopUpIsStoredBeforeItsInvoiceAndTheInvoiceIsPaidOnce(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let ana = try await harness.customer("Ana")
            let invoice = try await PaymentSafetyTests.invoice(for: ana)
            let stored = try #require(try await harness.shop.topUps.recent(limit: 5, telegramID: ana.id).first)
            #expect(stored.provider == .stars && stored.state == .created && stored.price == 500 && stored.invoiceID == nil)
            #expect(stored.amount == ShopHarness.dollars("5.00"))

            guard case .paid(let chargeID) = try await ana.pay(invoiceMessageID: invoice.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            #expect(try await ana.nextMessage().shown.contains("$5.00 added. Balance: $5.00"))
            let credited = try #require(try await harness.shop.topUps.topUp(id: stored.id))
            #expect(credited.state == .credited && credited.invoiceID == chargeID)
            #expect(try await harness.shop.topUps.creditedTotals()[.stars] == ShopHarness.dollars("5.00"))

            // The same invoice again: refused before anyone is charged.
            #expect(
                try await ana.pay(invoiceMessageID: invoice.messageID)
                    == .declined(errorMessage: "This invoice has been paid already. Open the top-up again to add more."))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("5.00"))
            #expect(try await harness.shop.ledger.recentLines(of: ana.id).map(\.reason) == [.starsTopUp])
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test func anInvoiceNamingAnotherCustomersTopUpOrAnotherPriceIsRefused() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let bob = try await harness.customer("Bob")
            _ = try await PaymentSafetyTests.invoice(for: bob)
            let bobs = try #require(try await harness.shop.topUps.recent(limit: 1, telegramID: bob.id).first)
            _ = try await PaymentSafetyTests.invoice(for: ana)
            let anas = try #require(try await harness.shop.topUps.recent(limit: 1, telegramID: ana.id).first)
            let bot = harness.sandbox.makeClient()
            for (topUp, stars) in [(bobs.id, Int64(500)), (anas.id, 5)] {
                let forged = try await bot.send(
                    SendInvoice(
                        chatID: .id(ana.chatID), title: "Top-up", description: "Stars", payload: "topup:\(topUp)", currency: "XTR",
                        prices: [LabeledPrice(label: "Stars", amount: stars)]))
                _ = try await ana.nextMessage()
                #expect(
                    try await ana.pay(invoiceMessageID: forged.messageID)
                        == .declined(errorMessage: "This payment can't be accepted. Please start the top-up again."),
                    "top-up \(topUp), \(stars) Stars")
            }
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
        }
    }

    @Test func anInvoiceNotPaidInItsTimeIsRefusedAtCheckout() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let invoice = try await PaymentSafetyTests.invoice(for: ana)
            // A day later: what a Star is worth may have changed since the invoice promised $5.00.
            try await TopUp.query(on: harness.database).set(\.$expiresAt, to: Date() - 1).update()
            #expect(
                try await ana.pay(invoiceMessageID: invoice.messageID)
                    == .declined(errorMessage: "This invoice has expired. Open the top-up again for a new one."))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
            #expect(try await harness.shop.topUps.recent(limit: 5).map(\.state) == [.created])
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func anInvoiceSentBeforeTopUpsWereStoredIsStillCreditedOnce(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let ana = try await harness.customer("Ana")
            // What the version before this one sent: the customer and the Stars in the payload, no stored top-up.
            let earlier = try await harness.sandbox.makeClient().send(
                SendInvoice(
                    chatID: .id(ana.chatID), title: "Balance top-up", description: "500 Stars add $5.00 to your shop balance.",
                    payload: "topup:\(ana.id):500", currency: "XTR", prices: [LabeledPrice(label: "⭐ 500", amount: 500)]))
            _ = try await ana.nextMessage()
            guard case .paid(let chargeID) = try await ana.pay(invoiceMessageID: earlier.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            #expect(try await ana.nextMessage().shown.contains("$5.00 added. Balance: $5.00"))
            try await harness.sandbox.state.redeliverSuccessfulPayment(chargeID: chargeID)
            #expect(try await ana.nextMessage().shown.contains("already added"))
            let topUps = try await harness.shop.topUps.recent(limit: 5)
            #expect(topUps.map(\.invoiceID) == [chargeID] && topUps.map(\.state) == [.credited])
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("5.00"))
        }
    }
}

/// 💳 Payments in the panel: what each provider brought, and the top-ups narrowed to a provider,
/// a state or one customer.
@Suite(.timeLimit(.minutes(2))) struct PaymentsPanelTests {
    @Test func topUpsAreListedByProviderStateAndCustomer() async throws {
        var configuration = ShopHarness.configuration
        configuration.cryptoTopUps = [ShopHarness.dollars("10.00")]
        try await withShop(configuration: configuration) { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            let bob = try await harness.customer("Bob", username: "bob_b")
            guard case .paid = try await ana.pay(invoiceMessageID: try await PaymentSafetyTests.invoice(for: ana).messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            _ = try await ana.nextMessage()
            _ = try await PaymentSafetyTests.invoice(for: bob)
            let crypto = try await harness.shop.topUps.open(
                .cryptoPay, telegramID: ana.id, amount: ShopHarness.dollars("10.00"), expiresAt: Date() + 3600)
            _ = try await harness.shop.topUps.attach(invoiceID: "IV1", payURL: "https://pay.example/IV1", to: crypto.id)

            let boss = try await AdminCustomersTests.admin(harness)
            let panel = try await boss.ask("/admin")
            #expect(panel.shown.contains("Credited through ⭐ Telegram Stars: $5.00"), "\(panel.shown)")
            #expect(panel.shown.contains("Credited through 💎 Crypto Pay: $0.00"), "\(panel.shown)")
            func lines(_ screen: Message) -> [String] { screen.shown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("▪") } }

            let all = try await boss.tap("💳 Payments")
            #expect(lines(all).count == 3, "\(all.shown)")
            let cryptoOnly = try await boss.tap("💎 Crypto Pay")
            #expect(lines(cryptoOnly).count == 1 && lines(cryptoOnly)[0].contains("💎 Crypto Pay") && lines(cryptoOnly)[0].contains("⏳ waiting"))
            let cryptoCredited = try await boss.tap("✅ credited")
            #expect(lines(cryptoCredited).isEmpty && cryptoCredited.shown.contains("🔎 💎 Crypto Pay · ✅ credited"), "\(cryptoCredited.shown)")
            let starsCredited = try await boss.tap("⭐ Telegram Stars")
            #expect(lines(starsCredited).count == 1, "\(starsCredited.shown)")
            #expect(lines(starsCredited).first?.contains("\(ana.id) · $5.00 · ✅ credited") == true, "\(starsCredited.shown)")
            #expect(lines(try await boss.tap("All")).count == 3)

            _ = try await boss.tap("🔎 One customer's")
            #expect(try await boss.nextMessage().shown.contains("Or pick them"))
            _ = try await boss.send("@bob_b")
            #expect(try await boss.nextMessage().shown.hasPrefix("🔎 Found"))
            let bobs = try await boss.nextMessage()
            #expect(lines(bobs).count == 1 && lines(bobs)[0].contains("\(bob.id)") && bobs.shown.contains("Bob (@bob_b)"), "\(bobs.shown)")
        }
    }
}
