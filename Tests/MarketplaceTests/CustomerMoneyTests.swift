import FluentKit
import Marketplace
import MarketplaceTesting
import Testing

/// What an admin does with a customer's money: credits and debits with a reason, refunds of an
/// order's keys once each, and Stars refunds; every balance equals its ledger afterwards.
@Suite(.timeLimit(.minutes(2))) struct CustomerMoneyTests {
    static let admin = TestShop.rootAdmin

    @Test(arguments: TestDatabase.available)
    func aProfileCountsTheCustomersOrdersAndWhatTheySpent(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(500, balance: "20.00")
            #expect(try await shop.users.profile(500).orderCount == 0)
            let price = try await shop.price(price: "5.00", keys: 3)
            _ = try await shop.purchases.buy(telegramID: 500, priceID: price, quantity: 1)
            _ = try await shop.purchases.buy(telegramID: 500, priceID: price, quantity: 1)
            let profile = try await shop.users.profile(500)
            #expect(profile.orderCount == 2)
            #expect(profile.spent == TestShop.dollars("10.00"), "PostgreSQL's SUM of bigints is numeric; the profile still reads it")
        }
    }

    @Test(arguments: TestDatabase.available)
    func creditsAndDebitsCarryTheirReasonAndNeverTakeTheBalanceBelowZero(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(500)
            #expect(
                try await shop.ledger.credit(
                    TestShop.dollars("10.00"), to: 500, reason: .adminCredit, actorID: Self.admin, note: "  Paid @ann_keys in cash ")
                    == TestShop.dollars("10.00"))
            await #expect(throws: LedgerError.insufficientFunds(balance: TestShop.dollars("10.00"))) {
                try await shop.ledger.debit(TestShop.dollars("10.01"), from: 500, reason: .adminDebit, actorID: Self.admin, note: "Chargeback")
            }
            await #expect(throws: LedgerError.noteEmpty) {
                try await shop.ledger.debit(TestShop.dollars("1.00"), from: 500, reason: .adminDebit, actorID: Self.admin, note: " ")
            }
            await #expect(throws: LedgerError.noteTooLong(length: 201, limit: 200)) {
                try await shop.ledger.credit(
                    TestShop.dollars("1.00"), to: 500, reason: .adminCredit, actorID: Self.admin, note: String(repeating: "x", count: 201))
            }
            #expect(
                try await shop.ledger.debit(TestShop.dollars("10.00"), from: 500, reason: .adminDebit, actorID: Self.admin, note: "Chargeback")
                    == TestShop.dollars("0.00"))
            let lines = try await shop.ledger.recentLines(of: 500)
            #expect(lines.map(\.note) == ["Chargeback", "Paid @ann_keys in cash"])
            #expect(lines.map(\.reason) == [.adminDebit, .adminCredit])
            let audit = try await shop.db.query(AuditEntry.self).filter(\.$action == "balance.admin_debit").all()
            #expect(audit.map(\.before) == ["$10.00"] && audit.map(\.after) == ["$0.00"], "the audit log says what the balance was and became")
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aKeyIsRefundedOnceAndTheAdminChoosesWhetherItIsSoldAgain(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "3.00", keys: 4)
            try await shop.customer(600, balance: "9.00")
            _ = try await shop.users.setReseller(true, telegramID: 600)
            let receipt = try await shop.purchases.buy(telegramID: 600, priceID: price, quantity: 3)
            let refunds = RefundService(database: shop.db, currency: TestShop.currency)
            let order = try await refunds.order(receipt.orderID)
            #expect(order.keys.map(\.text) == receipt.keys && order.refundableKeys.count == 3)

            let bad = order.keys[1]
            let first = try await refunds.refund(orderID: receipt.orderID, keyIDs: [bad.id], disposition: .revoke, by: Self.admin)
            #expect(first.amount == TestShop.dollars("3.00") && first.balanceAfter == TestShop.dollars("3.00") && first.keys == [bad.text])
            await #expect(throws: RefundError.alreadyRefunded(keyID: bad.id), "a second refund of the same key") {
                try await refunds.refund(orderID: receipt.orderID, keyIDs: [bad.id], disposition: .revoke, by: Self.admin)
            }
            await #expect(throws: RefundError.keyNotInOrder(keyID: 9999, orderID: receipt.orderID)) {
                try await refunds.refund(orderID: receipt.orderID, keyIDs: [9999], disposition: .restock, by: Self.admin)
            }
            await #expect(throws: RefundError.orderNotFound(orderID: 9999)) {
                try await refunds.refund(orderID: 9999, disposition: .restock, by: Self.admin)
            }
            #expect(try await refunds.order(receipt.orderID).status == .partiallyRefunded)

            let rest = try await refunds.refund(orderID: receipt.orderID, disposition: .restock, by: Self.admin)
            #expect(rest.keys == [order.keys[0].text, order.keys[2].text] && rest.balanceAfter == TestShop.dollars("9.00"))
            await #expect(throws: RefundError.nothingToRefund(orderID: receipt.orderID)) {
                try await refunds.refund(orderID: receipt.orderID, disposition: .restock, by: Self.admin)
            }
            let after = try await refunds.order(receipt.orderID)
            #expect(after.status == .refunded && after.refunded == TestShop.dollars("9.00"))
            #expect(after.keys.map(\.text) == order.keys.map(\.text), "the order still shows every key it delivered")
            #expect(after.keys.map(\.refund?.disposition) == [.restock, .revoke, .restock])

            // The restocked keys are on sale again; the revoked one never is.
            #expect(try await shop.stock.unusedCount(priceID: price) == 3)
            let again = try await shop.purchases.buy(telegramID: 600, priceID: price, quantity: 3)
            #expect(Set(again.keys) == Set([order.keys[0].text, order.keys[2].text, "NETFLIX-KEY-4"]))
            #expect(!again.keys.contains(bad.text))
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefundRacingPurchasesOfTheSameCustomerLosesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "2.00", keys: 30)
            try await shop.customer(700, balance: "2.00")
            let first = try await shop.purchases.buy(telegramID: 700, priceID: price)
            let refunds = RefundService(database: shop.db, currency: TestShop.currency)
            let purchases = shop.purchases
            // Two refunds of the order race ten purchases of $2.00: one refund goes through, and at
            // most one purchase spends what it gave back.
            enum Outcome: Sendable { case refunded, bought, refused }
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try? await refunds.refund(orderID: first.orderID, disposition: .restock, by: Self.admin)) == nil ? .refused : .refunded
                    }
                }
                for _ in 0..<10 {
                    group.addTask { (try? await purchases.buy(telegramID: 700, priceID: price)) == nil ? .refused : .bought }
                }
                return await group.reduce(into: [Outcome]()) { $0.append($1) }
            }
            let refunded = outcomes.filter { $0 == .refunded }.count
            let bought = outcomes.filter { $0 == .bought }.count
            #expect(refunded == 1 && bought <= 1)
            #expect(try await shop.users.find(telegramID: 700)?.balance == TestShop.dollars(bought == 1 ? "0.00" : "2.00"))
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
            #expect(try await shop.db.query(KeyRefund.self).count() == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aStarsTopUpIsRefundedOnceAndOnlyWhileTheBalanceCoversIt(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(800)
            let stars = StarsTopUpService(database: shop.db, currency: TestShop.currency, starValue: TestShop.dollars("0.02"))
            _ = try await stars.book(chargeID: "charge-1", telegramID: 800, stars: 100)
            _ = try await stars.book(chargeID: "charge-2", telegramID: 800, stars: 50)
            let payments = try await shop.users.profile(800).starsPayments
            #expect(payments.map(\.stars) == [50, 100])
            let (second, first) = (payments[0].id, payments[1].id)

            try await shop.ledger.debit(TestShop.dollars("1.50"), from: 800, reason: .adminDebit, actorID: Self.admin, note: "spent")
            await #expect(throws: StarsRefundError.balanceTooLow(balance: TestShop.dollars("1.50"), needed: TestShop.dollars("2.00"))) {
                try await stars.claimRefund(paymentID: first, by: Self.admin)
            }
            let claim = try await stars.claimRefund(paymentID: second, by: Self.admin)
            #expect(claim.chargeID == "charge-2" && claim.debited == TestShop.dollars("1.00") && claim.balanceAfter == TestShop.dollars("0.50"))
            await #expect(throws: StarsRefundError.alreadyRefunded(paymentID: second)) {
                try await stars.claimRefund(paymentID: second, by: Self.admin)
            }
            #expect(try await stars.unconfirmedRefunds().map(\.chargeID) == ["charge-2"], "claimed, not yet confirmed by Telegram")

            // Telegram refused: the money is back and the payment may be refunded again.
            #expect(try await stars.undoRefund(chargeID: "charge-2", reason: "CHARGE_NOT_FOUND") == TestShop.dollars("1.50"))
            #expect(try await stars.undoRefund(chargeID: "charge-2", reason: "again") == nil, "undone once")
            _ = try await stars.claimRefund(paymentID: second, by: Self.admin)
            try await stars.confirmRefund(chargeID: "charge-2")
            #expect(try await stars.unconfirmedRefunds().isEmpty)
            #expect(try await stars.undoRefund(chargeID: "charge-2", reason: "late") == nil, "a confirmed refund is never undone")
            #expect(try await shop.users.find(telegramID: 800)?.balance == TestShop.dollars("0.50"))
            #expect(try await shop.users.profile(800).starsPayments.map(\.isRefunded) == [true, false])
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }
}
