import BotAPISandbox
import Logging
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// Money Telegram took always reaches the balance, once: a lost successful_payment is found by
/// reconciliation, and every customer can ask how payments and refunds work.
@Suite(.timeLimit(.minutes(2))) struct PaymentSafetyTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Opens the Stars top-up and returns the invoice for 500 Stars.
    static func invoice(for customer: SimulatedUser) async throws -> Message {
        _ = try await customer.tap("💰 Balance")
        _ = try await customer.tap("⭐ Top up with Stars")
        try await customer.press("⭐ 500 → $5.00")
        return try await customer.nextMessage()
    }

    /// The bot's Stars reconciliation job.
    static func reconciler(_ stars: StarsTopUpProvider, _ harness: ShopHarness) -> TopUpReconciler {
        TopUpReconciler(
            provider: stars, payments: TopUpPayments(shop: harness.shop, bot: stars.bot, logger: quiet), interval: .seconds(300), logger: quiet)
    }

    @Test(arguments: TestDatabaseKind.available)
    func aPaymentWhoseUpdateWasLostIsFoundAndCreditedOnce(kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let ana = try await harness.customer("Ana")
            let bob = try await harness.customer("Bob")
            let reconciler = Self.reconciler(StarsTopUpProvider(shop: harness.shop, bot: harness.sandbox.makeClient(), logger: Self.quiet), harness)

            let lost = try await Self.invoice(for: ana)
            guard case .paid = try await ana.pay(invoiceMessageID: lost.messageID, notifyingBot: false) else {
                Issue.record("the payment was not accepted")
                return
            }
            let delivered = try await Self.invoice(for: bob)
            guard case .paid = try await bob.pay(invoiceMessageID: delivered.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            #expect(try await bob.nextMessage().shown.contains("$5.00 added"))
            #expect(
                try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"), "the bot never heard of Ana's payment")

            #expect(try await reconciler.reconcile().credited == 1, "Ana's payment is booked; Bob's was booked already")
            #expect(try await ana.nextMessage().shown.contains("A payment that had not reached the shop was found: $5.00 added. Balance: $5.00."))
            #expect(try await reconciler.reconcile().credited == 0, "a second pass books nothing")
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("5.00"))
            #expect(try await harness.shop.users.find(telegramID: bob.id)?.balance == ShopHarness.dollars("5.00"))
            #expect(try await harness.shop.ledger.recentLines(of: ana.id).map(\.reason) == [.starsTopUp])
        }
    }

    @Test(arguments: [("en", "Payment support", "refund goes back to your Stars"), ("ru", "Помощь с оплатой", "Возврат идёт обратно в звёзды")])
    func paySupportExplainsPaymentsAndRefundsInTheCustomersLanguage(language: String, title: String, refunds: String) async throws {
        try await withShop { harness in
            let customer = try await harness.customer("Ana", languageCode: language)
            let answer = try await customer.ask("/paysupport")
            #expect(answer.shown.contains(title))
            #expect(answer.shown.contains(refunds))
            #expect(answer.shown.contains("@shop_support"))
            let commands = await harness.sandbox.state.botCommands.map(\.command)
            #expect(commands.contains("paysupport"))
        }
    }

    @Test func paySupportAnswersABannedCustomerToo() async throws {
        try await withShop { harness in
            let banned = try await harness.customer("Ban")
            _ = try await harness.shop.users.setBanned(true, telegramID: banned.id)
            #expect(try await banned.ask("/paysupport").shown.contains("Payment support"))
        }
    }
}
