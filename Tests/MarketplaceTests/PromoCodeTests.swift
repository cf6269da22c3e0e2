import FluentKit
import Foundation
import Marketplace
import MarketplaceTesting
import Testing

/// Promo codes hold their limits under a rush and say plainly why they don't apply; a use is
/// counted in the purchase's transaction and given back by a refund of the whole order.
@Suite(.timeLimit(.minutes(2))) struct PromoCodeTests {
    static let admin = TestShop.rootAdmin

    @Test(arguments: TestDatabase.available)
    func percentAndFixedDiscountsAreQuotedBoughtAndNeverGoBelowTheFloor(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 5)
            try await shop.customer(100, balance: "20.00")
            try await shop.promos.create(code: "spring-25", terms: PromoTerms(discount: .percent(25), perCustomer: 5), by: Self.admin)
            let quote = try await shop.promos.quote(code: "Spring-25", telegramID: 100, priceID: price)
            #expect(quote.code == "SPRING-25" && quote.subtotal == TestShop.dollars("5.00"))
            #expect(quote.discount == TestShop.dollars("1.25") && quote.total == TestShop.dollars("3.75"))
            let receipt = try await shop.purchases.buy(telegramID: 100, priceID: price, expectedTotal: quote.total, promoCode: "spring-25")
            #expect(receipt.amount == TestShop.dollars("3.75") && receipt.balanceAfter == TestShop.dollars("16.25"))

            try await shop.promos.create(code: "TEN", terms: PromoTerms(discount: .amount(TestShop.dollars("10.00"))), by: Self.admin)
            #expect(try await shop.promos.quote(code: "ten", telegramID: 100, priceID: price).total == TestShop.dollars("0.00"), "never below zero")
            let floored = PromoService(database: shop.db, currency: TestShop.currency, floor: TestShop.dollars("1.00"))
            #expect(try await floored.quote(code: "ten", telegramID: 100, priceID: price).total == TestShop.dollars("1.00"), "never below the floor")
            let free = try await shop.purchases.buy(telegramID: 100, priceID: price, expectedTotal: TestShop.dollars("0.00"), promoCode: "TEN")
            #expect(free.amount == TestShop.dollars("0.00") && free.balanceAfter == TestShop.dollars("16.25"))

            let summary = try #require(try await shop.promos.summary(code: "spring-25"))
            #expect(summary.uses == 1 && summary.revenue == TestShop.dollars("3.75") && summary.discounts == TestShop.dollars("1.25"))
            #expect(try await shop.promos.list().map(\.code) == ["TEN", "SPRING-25"])
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHundredCustomersRacingForTenUsesGetTenDiscounts(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 100)
            for id in 1...100 { try await shop.customer(Int64(1000 + id), balance: "5.00") }
            try await shop.promos.create(code: "RUSH", terms: PromoTerms(discount: .percent(50), maxUses: 10), by: Self.admin)
            let purchases = shop.purchases
            let outcomes = await withTaskGroup(of: Result<OrderReceipt, any Error>.self) { group in
                for id in 1...100 {
                    group.addTask {
                        do {
                            return .success(
                                try await purchases.buy(
                                    telegramID: Int64(1000 + id), priceID: price, expectedTotal: TestShop.dollars("2.50"), promoCode: "rush"))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let bought = outcomes.compactMap { try? $0.get() }
            let refusals = outcomes.compactMap { outcome -> PurchaseError? in
                guard case .failure(let error) = outcome else { return nil }
                return error as? PurchaseError
            }
            #expect(bought.count == 10 && bought.allSatisfy { $0.amount == TestShop.dollars("2.50") })
            #expect(refusals.count == 90 && refusals.allSatisfy { $0 == .promo(.usedUp(code: "RUSH")) }, "\(Set(refusals.map { "\($0)" }))")
            #expect(try await shop.promos.summary(code: "rush")?.uses == 10)
            #expect(try await Order.query(on: shop.db).count() == 10)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCodeThatDoesNotApplyIsSaidPlainlyAndChargesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price("Netflix", price: "5.00", keys: 5)
            let other = try await shop.price("Spotify", price: "2.00", keys: 5)
            let netflix = try #require(try await ProductPrice.find(price, on: shop.db)?.$product.id)
            try await shop.customer(100, balance: "20.00")
            try await shop.customer(200, balance: "20.00")
            _ = try await shop.users.setReseller(true, telegramID: 200)
            // Whole seconds: what the database keeps.
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let codes: [(String, PromoTerms)] = [
                ("LATER", PromoTerms(discount: .percent(10), startsAt: now + 3600)),
                ("GONE", PromoTerms(discount: .percent(10), endsAt: now - 1)),
                ("NETFLIX-ONLY", PromoTerms(discount: .percent(10), productIDs: [netflix])),
                ("BIG-ORDERS", PromoTerms(discount: .percent(10), minOrder: TestShop.dollars("4.00"))),
                ("ONCE", PromoTerms(discount: .percent(10))),
                ("PAUSED", PromoTerms(discount: .percent(10))),
            ]
            for (code, terms) in codes { try await shop.promos.create(code: code, terms: terms, by: Self.admin) }
            try await shop.promos.setPaused(true, code: "paused", by: Self.admin)
            _ = try await shop.purchases.buy(telegramID: 100, priceID: price, promoCode: "ONCE")

            let refused: [(Int64, Int, String, PromoRefusal)] = [
                (100, price, "nope", .unknown(code: "nope")),
                (100, price, "LATER", .notStarted(code: "LATER", startsAt: now + 3600)),
                (100, price, "GONE", .expired(code: "GONE")),
                (100, other, "NETFLIX-ONLY", .notForThisProduct(code: "NETFLIX-ONLY")),
                (100, other, "BIG-ORDERS", .belowMinimum(code: "BIG-ORDERS", minimum: TestShop.dollars("4.00"))),
                (100, price, "ONCE", .usedByYou(code: "ONCE")),
                (100, price, "PAUSED", .paused(code: "PAUSED")),
                (200, price, "ONCE", .notForResellers(code: "ONCE")),
            ]
            for (customer, priceID, code, refusal) in refused {
                await #expect(throws: PurchaseError.promo(refusal), "\(code)") {
                    try await shop.purchases.buy(telegramID: customer, priceID: priceID, promoCode: code)
                }
            }
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("15.50"), "only the first ONCE was bought")
            #expect(try await shop.users.find(telegramID: 200)?.balance == TestShop.dollars("20.00"))
            #expect(try await Order.query(on: shop.db).count() == 1)
            #expect(try await shop.promos.summary(code: "ONCE")?.uses == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCodeChangedBetweenConfirmationAndBuyChargesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 5)
            for id: Int64 in [100, 200, 300] { try await shop.customer(id, balance: "20.00") }
            try await shop.promos.create(code: "FLASH", terms: PromoTerms(discount: .percent(20), maxUses: 5), by: Self.admin)
            let quote = try await shop.promos.quote(code: "FLASH", telegramID: 100, priceID: price)
            try await shop.promos.setPaused(true, code: "FLASH", by: Self.admin)
            await #expect(throws: PurchaseError.promo(.paused(code: "FLASH"))) {
                try await shop.purchases.buy(telegramID: 100, priceID: price, expectedTotal: quote.total, promoCode: "FLASH")
            }
            try await shop.promos.setPaused(false, code: "FLASH", by: Self.admin)
            for id: Int64 in [200, 300] {
                _ = try await shop.purchases.buy(telegramID: id, priceID: price, expectedTotal: quote.total, promoCode: "FLASH")
            }
            await #expect(throws: PromoTermsError.usesBelowUsed(limit: 1, used: 2)) {
                try await shop.promos.setLimits(code: "flash", maxUses: 1, perCustomer: 1, endsAt: nil, by: Self.admin)
            }
            await #expect(throws: PromoTermsError.invalidUses(0)) {
                try await shop.promos.setLimits(code: "flash", maxUses: 0, perCustomer: 1, endsAt: nil, by: Self.admin)
            }
            try await shop.promos.setLimits(code: "flash", maxUses: 2, perCustomer: 1, endsAt: nil, by: Self.admin)
            await #expect(throws: PurchaseError.promo(.usedUp(code: "FLASH")), "the new limit holds at Buy") {
                try await shop.purchases.buy(telegramID: 100, priceID: price, expectedTotal: quote.total, promoCode: "FLASH")
            }
            // Without the code the shown total is no longer the total: the price lock refuses.
            await #expect(throws: PurchaseError.priceChanged(priceID: price, shown: quote.total, current: TestShop.dollars("5.00"))) {
                try await shop.purchases.buy(telegramID: 100, priceID: price, expectedTotal: quote.total)
            }
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("20.00"))
            #expect(try await shop.promos.summary(code: "FLASH")?.uses == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefundOfTheWholeOrderGivesTheUseBack(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 5)
            try await shop.customer(100, balance: "20.00")
            try await shop.customer(200, balance: "20.00")
            _ = try await shop.users.setReseller(true, telegramID: 100)
            try await shop.promos.create(code: "ONE", terms: PromoTerms(discount: .percent(10), maxUses: 1, forResellers: true), by: Self.admin)
            let receipt = try await shop.purchases.buy(telegramID: 100, priceID: price, quantity: 2, promoCode: "ONE")
            #expect(receipt.amount == TestShop.dollars("9.00"))
            let order = try await shop.refunds.order(receipt.orderID)
            _ = try await shop.refunds.refund(orderID: receipt.orderID, keyIDs: [order.keys[0].id], disposition: .restock, by: Self.admin)
            #expect(try await shop.promos.summary(code: "ONE")?.uses == 1, "a part refunded keeps the use")
            _ = try await shop.refunds.refund(orderID: receipt.orderID, disposition: .restock, by: Self.admin)
            #expect(try await shop.promos.summary(code: "ONE")?.uses == 0)
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("20.00"))
            _ = try await shop.purchases.buy(telegramID: 200, priceID: price, promoCode: "one")
            #expect(try await shop.promos.summary(code: "ONE")?.uses == 1)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func codesAndTermsThatCanNotBeAreRefused(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let percent = PromoTerms(discount: .percent(10))
            for text in ["ab", String(repeating: "A", count: 33), "HAS SPACE", "ÜBER", "semi;colon"] {
                await #expect(throws: PromoTermsError.invalidCode(text)) { try await shop.promos.create(code: text, terms: percent, by: Self.admin) }
            }
            try await shop.promos.create(code: "Taken_1", terms: percent, by: Self.admin)
            await #expect(throws: PromoTermsError.codeTaken("TAKEN_1")) {
                try await shop.promos.create(code: "taken_1", terms: percent, by: Self.admin)
            }
            await #expect(throws: PromoTermsError.invalidPercent(101)) {
                try await shop.promos.create(code: "TOO-MUCH", terms: PromoTerms(discount: .percent(101)), by: Self.admin)
            }
            await #expect(throws: PromoTermsError.endsBeforeStart) {
                try await shop.promos.create(
                    code: "BACKWARDS", terms: PromoTerms(discount: .percent(5), startsAt: Date(), endsAt: Date() - 60), by: Self.admin)
            }
            await #expect(throws: PromoTermsError.unknownProduct(id: 404)) {
                try await shop.promos.create(code: "NO-SUCH", terms: PromoTerms(discount: .percent(5), productIDs: [404]), by: Self.admin)
            }
            #expect(try await shop.promos.list().map(\.code) == ["TAKEN_1"])
        }
    }
}
