import BotAPISandbox
import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import TelegramBotAPI
import Testing

@testable import QuantumPanel

/// The panel's customers section through the sandbox: finding a customer every way Telegram
/// allows, their profile, and each change to their account, confirmed, booked and told.
@Suite(.timeLimit(.minutes(3))) struct AdminCustomersTests {
    /// A customer made an admin, who has opened the panel.
    static func admin(_ harness: ShopHarness, _ name: String = "Boss", language: String = "en") async throws -> SimulatedUser {
        let boss = try await harness.customer(name, languageCode: language)
        try await harness.shop.admins.add(boss.id, username: nil, by: AuditLog.commandLine)
        _ = try await boss.ask("/admin")
        return boss
    }

    /// Starts finding a customer from the panel; returns the question, with the picker under it.
    static func find(_ boss: SimulatedUser) async throws -> Message {
        _ = try await boss.ask("/admin")
        _ = try await boss.tap("👥 Customers")
        let question = try await boss.tap("🔎 Find a customer")
        #expect(try await boss.nextMessage().shown.contains("Or pick them"))
        return question
    }

    /// Sends who the customer is and returns the profile shown after "Found".
    static func profile(_ boss: SimulatedUser, _ send: () async throws -> Void) async throws -> Message {
        try await send()
        let found = try await boss.nextMessage()
        #expect(found.shown.hasPrefix("🔎 Found"), "\(found.shown)")
        return try await boss.nextMessage()
    }

    @Test func aCustomerIsFoundByIdUsernameForwardOrTheUserPicker() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            let hidden = try await harness.customer("Hidden")
            let stranger = await harness.sandbox.makeUser(firstName: "Stranger", username: "stranger_x")
            let boss = try await Self.admin(harness)

            let question = try await Self.find(boss)
            #expect(question.shown.contains("Send the customer's Telegram id or @username"))
            let picker = try #require(await boss.replyKeyboard()?.keyboard.first?.first)
            #expect(picker.text == "👤 Pick a user" && picker.requestUsers?.maxQuantity == 1 && picker.requestUsers?.userIsBot == false)

            var card = try await Self.profile(boss) { _ = try await boss.send("\(ana.id)") }
            #expect(card.shown.contains("Ana (@ana_k)") && card.shown.contains("Id: \(ana.id)") && card.shown.contains("Balance: $0.00"))
            #expect(await boss.replyKeyboard() == nil, "the picker is taken away once the customer is found")

            _ = try await Self.find(boss)
            card = try await Self.profile(boss) { _ = try await boss.send("@ANA_K") }
            #expect(card.shown.contains("Id: \(ana.id)"), "a username matches whatever its case")

            _ = try await Self.find(boss)
            card = try await Self.profile(boss) { try await boss.forward("hello", by: ana) }
            #expect(card.shown.contains("Id: \(ana.id)"))

            _ = try await Self.find(boss)
            card = try await Self.profile(boss) { try await boss.share([ana], requestID: AdminTemplates.pickerRequestID) }
            #expect(card.shown.contains("Id: \(ana.id)"))

            // Refusals: each says why and asks again, with the picker back.
            _ = try await Self.find(boss)
            #expect(try await boss.ask("@stranger_x").shown.contains("No customer @stranger_x: a customer appears here once they start the bot."))
            #expect(try await boss.nextMessage().shown.contains("Or pick them"))
            try await boss.share([stranger], requestID: AdminTemplates.pickerRequestID)
            #expect(try await boss.nextMessage().shown.contains("No customer \(stranger.id): a customer appears here once they start the bot."))
            _ = try await boss.nextMessage()
            try await boss.forward("psst", by: hidden, authorHidesAccount: true)
            #expect(try await boss.nextMessage().shown.contains("Hidden hides their account in forwarded messages"))
            _ = try await boss.nextMessage()
            #expect(try await boss.ask("not a person!").shown.contains("That is not an id, a @username"))
            _ = try await boss.nextMessage()
            let cancelled = try await boss.ask("/cancel")
            #expect(cancelled.shown == "Cancelled: nothing was changed.")
            #expect(await boss.replyKeyboard() == nil, "cancelling takes the picker away")
        }
    }

    @Test func theListShowsNewestFirstAndFilters() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let bob = try await harness.customer("Bob")
            _ = try await harness.shop.users.setPremium(true, telegramID: ana.id)
            _ = try await harness.shop.users.setBanned(true, telegramID: bob.id)
            let boss = try await Self.admin(harness)
            let list = try await boss.tap("👥 Customers")
            #expect(list.shown.contains("All: 3 customers"))
            #expect(list.buttons.filter { $0.contains("$0.00") } == ["Boss · $0.00", "⛔ Bob · $0.00", "💎 Ana · $0.00"], "newest first")
            let premium = try await boss.tap("💎 Premium")
            #expect(premium.buttons.filter { $0.contains("$0.00") } == ["💎 Ana · $0.00"])
            #expect(try await boss.tap("⛔ Banned").buttons.filter { $0.contains("$0.00") } == ["⛔ Bob · $0.00"])
            #expect(try await boss.tap("🏪 Resellers").shown.contains("No customers here yet."))
        }
    }

    @Test(arguments: TestDatabaseKind.available)
    func creditsAndDebitsAreConfirmedBookedAndToldWithTheirReason(_ kind: TestDatabaseKind) async throws {
        try await withShop(kind) { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("@ana_k") }

            #expect(try await boss.tap("➕ Credit").shown.contains("How much is credited?"))
            #expect(try await boss.ask("12,5x").shown.contains("isn't an amount"))
            #expect(try await boss.ask("12,50").shown.contains("What reason does the customer read"))
            #expect(try await boss.ask(" ").shown.contains("The reason is empty"))
            let summary = try await boss.ask("Paid @seller <cash>")
            #expect(summary.shown.contains("Credit: $12.50") && summary.shown.contains("Reason: Paid @seller <cash>"))
            #expect(summary.shown.contains("Balance: $0.00 → $12.50"))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"), "nothing before Confirm")
            #expect(try await boss.tap("✅ Confirm").shown.contains("Done: the balance is $12.50."))
            let told = try await ana.nextMessage()
            #expect(told.shown == "💰 $12.50 was added to your balance.\nReason: Paid @seller <cash>\nBalance: $12.50")

            _ = try await boss.tap("➖ Debit")
            let refused = try await boss.ask("20")
            #expect(refused.shown.contains("The balance is $12.50: a debit can't take it below zero."))
            _ = try await boss.ask("2.50")
            _ = try await boss.ask("Chargeback")
            #expect(try await boss.tap("✅ Confirm").shown.contains("Done: the balance is $10.00."))
            #expect(try await ana.nextMessage().shown.contains("$2.50 was taken from your balance.\nReason: Chargeback"))

            // The customer sees why in their history; the ledger and audit log agree.
            _ = try await ana.ask("/start")
            let balance = try await ana.tap("💰 Balance")
            #expect(balance.shown.contains("Debit: Chargeback -$2.50"))
            #expect(balance.shown.contains("Credit: Paid @seller <cash> +$12.50"))
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
            let audit = try await AuditEntry.query(on: harness.database).filter(\.$action ~~ ["balance.admin_credit", "balance.admin_debit"]).sort(
                \.$id
            ).all()
            #expect(audit.map(\.adminID) == [boss.id, boss.id] && audit.map(\.after) == ["$12.50", "$10.00"])
        }
    }

    @Test func statusChangesAreConfirmedToldAndABanEndsTheCustomersDialog() async throws {
        try await withShop { harness in
            let (_, price) = try await harness.product("Netflix", price: "3.00", reseller: "2.00", keys: ["N-1", "N-2", "N-3"])
            let ana = try await harness.customer("Ana", balance: "10.00", username: "ana_k")
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("@ana_k") }

            let premium = try await boss.tap("💎 Grant premium")
            #expect(premium.shown.contains("Status: regular → 💎 premium"))
            #expect(try await boss.tap("✅ Confirm").buttons.contains("💎 Revoke premium"))
            #expect(try await ana.nextMessage().shown.contains("You are premium now"))
            _ = try await boss.tap("🏪 Make reseller")
            _ = try await boss.tap("✅ Confirm")
            #expect(try await ana.nextMessage().shown.contains("You are a reseller now"))
            let customer = try #require(try await harness.shop.users.find(telegramID: ana.id))
            #expect(customer.isPremium && customer.isReseller)

            // Ana opens the reseller's quantity question; the ban ends it.
            _ = try await ana.ask("/start")
            _ = try await ana.tap("🛍 Products")
            _ = try await ana.tap("Netflix · 3")
            _ = try await ana.tap("1 month · $2.00")
            #expect(try await ana.tap("✏️ Other").shown.contains("Send the number of keys"))
            let ban = try await boss.tap("⛔ Ban")
            #expect(ban.shown.contains("any dialog they are in ends"))
            _ = try await boss.tap("✅ Confirm")
            #expect(try await ana.ask("2").shown == "⛔ Your access to this shop is blocked.")
            _ = try await boss.tap("✅ Unban")
            _ = try await boss.tap("✅ Confirm")
            #expect(try await ana.ask("2").shown == "I didn't get that. Use the menu:", "the quantity question ended with the ban")
            #expect(try await harness.shop.stock.unusedCount(priceID: price) == 3)

            // An admin can't be banned: they would lose the panel.
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("\(boss.id)") }
            let press = try await boss.press("⛔ Ban")
            _ = try await boss.nextMessage()
            #expect(await boss.answer(toCallback: press)?.text == "An admin can't be banned: remove them from the admins first.")
            #expect(try await harness.shop.users.find(telegramID: boss.id)?.isBanned == false)
        }
    }

    @Test func aStarsTopUpIsRefundedInStarsOnceAndOnlyWhileTheBalanceCoversIt() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            let invoice = try await PaymentSafetyTests.invoice(for: ana)
            guard case .paid = try await ana.pay(invoiceMessageID: invoice.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            #expect(try await ana.nextMessage().shown.contains("$5.00 added"))
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            let card = try await Self.profile(boss) { _ = try await boss.send("@ana_k") }
            #expect(card.shown.contains("⭐ 500 → $5.00"))
            let refundButton = try #require(card.buttons.first { $0.hasPrefix("⭐ Refund 500 Stars") })

            // Spent: the refund would take the balance below zero.
            try await harness.shop.ledger.debit(ShopHarness.dollars("1.00"), from: ana.id, reason: .adminDebit, actorID: boss.id, note: "spent")
            _ = try await boss.tap(refundButton)
            #expect(try await boss.tap("✅ Confirm").shown.contains("The balance is $4.00 and the refund takes $5.00"))
            try await harness.shop.ledger.credit(ShopHarness.dollars("1.00"), to: ana.id, reason: .adminCredit, actorID: boss.id, note: "back")

            let confirm = try await boss.tap(refundButton)
            #expect(confirm.shown.contains("Give back ⭐ 500 Stars") && confirm.shown.contains("$5.00"))
            let done = try await boss.tap("✅ Confirm")
            #expect(done.shown.contains("500 Stars refunded.") && done.shown.contains("refunded"))
            #expect(!done.buttons.contains(refundButton), "a refunded top-up offers no second refund")
            #expect(try await ana.nextMessage().shown.contains("500 Stars were refunded to your Telegram account"))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
            let refunds = await harness.sandbox.state.recordedCalls.filter { $0.method == "refundStarPayment" }
            #expect(refunds.count == 1)
            #expect(try await harness.shop.stars.unconfirmedRefunds().isEmpty)
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test func aStarsRefundTelegramRefusesGivesTheBalanceBack() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana", username: "ana_k")
            // Booked, but a charge Telegram doesn't know: its refund is refused.
            _ = try await harness.shop.stars.book(chargeID: "unknown-charge", telegramID: ana.id, stars: 100)
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            let card = try await Self.profile(boss) { _ = try await boss.send("@ana_k") }
            _ = try await boss.tap(try #require(card.buttons.first { $0.hasPrefix("⭐ Refund 100 Stars") }))
            let refused = try await boss.tap("✅ Confirm")
            #expect(refused.shown.contains("Telegram refused the refund (Bad Request: CHARGE_NOT_FOUND). The balance was given back."))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("1.00"))
            #expect(try await harness.shop.stars.unconfirmedRefunds().isEmpty)
            #expect(try await harness.shop.ledger.recentLines(of: ana.id).map(\.reason) == [.starsRefundUndone, .starsRefund, .starsTopUp])
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test func theCustomerIsToldInTheirOwnLanguageWhateverTheAdmins() async throws {
        try await withShop { harness in
            let anya = try await harness.customer("Аня", languageCode: "ru", username: "anya_r")
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("@anya_r") }
            _ = try await boss.tap("➕ Credit")
            _ = try await boss.ask("3")
            _ = try await boss.ask("Подарок")
            _ = try await boss.tap("✅ Confirm")
            #expect(try await anya.nextMessage().shown == "💰 На ваш баланс зачислено $3.00.\nПричина: Подарок\nБаланс: $3.00")
        }
    }

    @Test func aStarsRefundWhoseAnswerWasLostIsFinishedByTheNextReconcilingRound() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana")
            let invoice = try await PaymentSafetyTests.invoice(for: ana)
            guard case .paid = try await ana.pay(invoiceMessageID: invoice.messageID) else {
                Issue.record("the payment was not accepted")
                return
            }
            _ = try await ana.nextMessage()
            let payment = try #require(try await harness.shop.users.profile(ana.id).starsPayments.first)
            // Claimed and debited, and then the bot stopped before Telegram answered.
            _ = try await harness.shop.stars.claimRefund(paymentID: payment.id, by: ShopHarness.rootAdmin)
            #expect(try await harness.shop.users.profile(ana.id).starsPayments.first?.isRefundPending == true)
            var stars = StarsTopUpProvider(shop: harness.shop, bot: harness.sandbox.makeClient(), logger: PaymentSafetyTests.quiet)
            _ = try await PaymentSafetyTests.reconciler(stars, harness).reconcile()
            #expect(
                try await harness.shop.stars.unconfirmedRefunds().count == 1,
                "a refund just claimed may still be waiting for its answer: not asked again yet")
            stars.refundGrace = .zero
            _ = try await PaymentSafetyTests.reconciler(stars, harness).reconcile()
            #expect(try await harness.shop.stars.unconfirmedRefunds().isEmpty)
            #expect(try await ana.nextMessage().shown.contains("500 Stars were refunded to your Telegram account"))
            _ = try await PaymentSafetyTests.reconciler(stars, harness).reconcile()
            #expect(await harness.sandbox.state.recordedCalls.filter { $0.method == "refundStarPayment" }.count == 1, "finished once")
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("0.00"))
            #expect(try await harness.shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test func anOldSummarysConfirmNeverConfirmsTheDialogOpenNow() async throws {
        try await withShop { harness in
            let ana = try await harness.customer("Ana", balance: "10.00", username: "ana_k")
            let bob = try await harness.customer("Bob", balance: "10.00", username: "bob_b")
            let boss = try await Self.admin(harness)
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("@ana_k") }
            _ = try await boss.tap("➕ Credit")
            _ = try await boss.ask("100")
            let creditSummary = try await boss.ask("Gift")
            #expect(creditSummary.shown.contains("Credit: $100.00"))
            // Left without confirming; then a debit of Bob is set up.
            _ = try await Self.find(boss)
            _ = try await Self.profile(boss) { _ = try await boss.send("@bob_b") }
            _ = try await boss.tap("➖ Debit")
            _ = try await boss.ask("5")
            _ = try await boss.ask("Fee")
            try await boss.press("✅ Confirm", messageID: creditSummary.messageID)
            #expect(try await boss.nextMessage().shown.hasPrefix("That dialog has ended"))
            #expect(try await harness.shop.users.find(telegramID: ana.id)?.balance == ShopHarness.dollars("10.00"))
            #expect(
                try await harness.shop.users.find(telegramID: bob.id)?.balance == ShopHarness.dollars("10.00"),
                "the open debit wasn't confirmed by the old button")
        }
    }
}
