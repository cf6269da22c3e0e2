import FluentKit
import FluentSQL
import Foundation
import MarketplaceTesting
import Testing

@testable import Marketplace

/// Stars top-ups are top-ups like any provider's: stored before the invoice, named by the charge
/// that pays them, credited once per charge; the Stars payments from before moved onto them.
@Suite(.timeLimit(.minutes(2))) struct StarsTopUpTests {
    static func stars(_ shop: TestShop) -> StarsTopUpService { StarsAndOrderHistoryTests.stars(shop) }

    @Test(arguments: TestDatabase.available)
    func aStoredTopUpIsPaidByItsChargeOnceAndASecondChargeIsASecondCredit(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(100)
            let stars = Self.stars(shop)
            let topUp = try await stars.open(telegramID: 100, stars: 500, expiresAt: Date() + 3600, requestKey: "100:press-1")
            #expect(topUp.state == .created && topUp.invoiceID == nil && topUp.price == 500 && topUp.amount == TestShop.dollars("5.00"))
            #expect(try await stars.open(telegramID: 100, stars: 500, expiresAt: Date() + 3600, requestKey: "100:press-1").id == topUp.id)

            // What a Star is worth changes after the invoice was sent: the invoice's promise holds.
            let dearer = StarsTopUpService(database: shop.db, currency: TestShop.currency, starValue: TestShop.dollars("0.02"))
            let outcomes = try await withThrowingTaskGroup(of: TopUpService.Credit.self) { group in
                for _ in 1...10 { group.addTask { try await dearer.book(chargeID: "charge-1", telegramID: 100, stars: 500, topUpID: topUp.id) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0.isRepeat }.count == 1)
            let credited = try #require(try await shop.topUps.topUp(.stars, invoiceID: "charge-1"))
            #expect(credited.id == topUp.id && credited.state == .credited && credited.amount == TestShop.dollars("5.00"))

            // The same invoice paid again (two devices at once): Telegram took the Stars twice, so both are credited.
            let second = try await stars.book(chargeID: "charge-2", telegramID: 100, stars: 500, topUpID: topUp.id)
            #expect(!second.isRepeat && second.topUp.id != topUp.id && second.balance == TestShop.dollars("10.00"))
            #expect(try await stars.book(chargeID: "charge-2", telegramID: 100, stars: 500, topUpID: topUp.id).isRepeat)

            #expect(try await shop.ledger.recentLines(of: 100).map(\.reason) == [.starsTopUp, .starsTopUp])
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
            #expect(try await shop.topUps.creditedTotals()[.stars] == TestShop.dollars("10.00"))
            #expect(try await stars.bookedChargeIDs(among: ["charge-1", "charge-2", "charge-3"]) == ["charge-1", "charge-2"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChargeOfAnotherPriceOrForAnotherProvidersTopUpChangesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(100)
            let stars = Self.stars(shop)
            let topUp = try await stars.open(telegramID: 100, stars: 500, expiresAt: Date() + 3600)
            await #expect(throws: TopUpError.priceMismatch(expected: 500, paid: 50)) {
                try await stars.book(chargeID: "charge-1", telegramID: 100, stars: 50, topUpID: topUp.id)
            }
            let crypto = try await shop.topUps.open(.cryptoPay, telegramID: 100, amount: TestShop.dollars("5.00"), expiresAt: Date() + 3600)
            await #expect(throws: TopUpError.unknownInvoice(provider: .stars, invoiceID: "charge-2")) {
                try await stars.book(chargeID: "charge-2", telegramID: 100, stars: 500, topUpID: crypto.id)
            }
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("0.00"))
            #expect(try await shop.topUps.topUp(id: topUp.id)?.state == .created)
        }
    }

    @Test(arguments: TestDatabase.available)
    func starsPaymentsFromBeforeMoveOntoTopUpsAndAreNeverCreditedAgain(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let customer = try await shop.customer(100)
            let stars = Self.stars(shop)
            // The database as the version before this one left it: Stars payments in their own table.
            try await MoveStarsOntoTopUps().revert(on: shop.db)
            let customerID = try #require(try await Customer.query(on: shop.db).filter(\.$telegramID == customer.telegramID).first()?.id)
            let paid = Date(timeIntervalSince1970: 1_780_000_000)
            for (charge, refunded, confirmed) in [("old-1", false, false), ("old-2", true, true), ("old-3", true, false)] {
                try await shop.db.sql.insert(into: "stars_payments")
                    .columns(
                        "telegram_payment_charge_id", "customer_id", "stars", "credited", "payload", "is_refunded", "created_at", "updated_at",
                        "refund_confirmed_at"
                    )
                    .values(
                        SQLBind(charge), SQLBind(customerID), SQLBind(Int64(300)), SQLBind(Int64(300)), SQLBind("topup:100:300"), SQLBind(refunded),
                        SQLBind(paid), SQLBind(paid), confirmed ? SQLBind(paid) : SQLBind(Date?.none)
                    )
                    .run()
            }
            try await MoveStarsOntoTopUps().prepare(on: shop.db)

            let moved = try await shop.topUps.recent(limit: 10)
            #expect(moved.map(\.invoiceID) == ["old-3", "old-2", "old-1"])
            #expect(moved.map(\.state) == [.refunded, .refunded, .credited])
            #expect(moved.allSatisfy { $0.provider == .stars && $0.price == 300 && $0.amount == TestShop.dollars("3.00") })
            #expect(try await stars.unconfirmedRefunds().map(\.chargeID) == ["old-3"], "a refund left unfinished is still to finish")
            #expect(try await shop.users.profile(100).starsPayments.map(\.isRefundPending) == [true, false, false])

            // Telegram delivers an old payment again: nothing new.
            #expect(try await stars.book(chargeID: "old-1", telegramID: 100, stars: 300).isRepeat)
            #expect(try await stars.bookedChargeIDs(among: ["old-1", "old-2", "old-3"]).count == 3)
            #expect(try await TopUp.query(on: shop.db).count() == 3)
        }
    }
}
