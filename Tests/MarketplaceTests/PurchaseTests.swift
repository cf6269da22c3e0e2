import Marketplace
import MarketplaceTesting
import Testing

@Suite(.timeLimit(.minutes(1))) struct PurchaseTests {
    @Test(arguments: TestDatabase.available)
    func purchaseDeliversKeysChargesOnceAndBooksTheLedger(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 3)
            try await shop.customer(100, balance: "12.00")
            _ = try await shop.users.setReseller(true, telegramID: 100)
            let receipt = try await shop.purchases.buy(telegramID: 100, priceID: price, quantity: 2)
            #expect(receipt.keys == ["NETFLIX-KEY-1", "NETFLIX-KEY-2"])
            #expect(receipt.amount == TestShop.dollars("10.00"))
            #expect(receipt.balanceAfter == TestShop.dollars("2.00"))
            #expect(receipt.productName == "Netflix")
            #expect(try await shop.stock.unusedCount(priceID: price) == 1)
            let lines = try await shop.ledger.recentLines(of: 100)
            #expect(lines.map(\.reason) == [.purchase, .adminCredit])
            #expect(lines.first?.delta == Money(minorUnits: -1000, currency: .usd))
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func eachRefusalChangesNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "5.00", keys: 1)
            let premium = try await shop.price("Spotify", price: "1.00", keys: 1, premiumOnly: true)
            try await shop.customer(100, balance: "4.00")
            try await shop.customer(101, balance: "50.00")
            _ = try await shop.users.setReseller(true, telegramID: 101)

            let short = try await #require(throws: PurchaseError.self) { try await shop.purchases.buy(telegramID: 100, priceID: price) }
            #expect(short == .insufficientFunds(needed: TestShop.dollars("5.00"), balance: TestShop.dollars("4.00")))
            #expect(short.shortfall == TestShop.dollars("1.00"))
            await #expect(throws: PurchaseError.outOfStock(priceID: price, available: 1)) {
                try await shop.purchases.buy(telegramID: 101, priceID: price, quantity: 2)
            }
            await #expect(throws: PurchaseError.quantityForResellersOnly(2), "only resellers buy more than one") {
                try await shop.purchases.buy(telegramID: 100, priceID: price, quantity: 2)
            }
            await #expect(throws: PurchaseError.priceChanged(priceID: price, shown: TestShop.dollars("4.00"), current: TestShop.dollars("5.00"))) {
                try await shop.purchases.buy(telegramID: 101, priceID: price, expectedTotal: TestShop.dollars("4.00"))
            }
            await #expect(throws: PurchaseError.premiumOnly(productID: 2)) { try await shop.purchases.buy(telegramID: 101, priceID: premium) }
            await #expect(throws: PurchaseError.unknownCustomer) { try await shop.purchases.buy(telegramID: 999, priceID: price) }
            await #expect(throws: PurchaseError.invalidQuantity(0)) { try await shop.purchases.buy(telegramID: 101, priceID: price, quantity: 0) }
            await #expect(throws: PurchaseError.unavailable(priceID: 777)) { try await shop.purchases.buy(telegramID: 101, priceID: 777) }
            _ = try await shop.users.setBanned(true, telegramID: 101)
            await #expect(throws: PurchaseError.banned) { try await shop.purchases.buy(telegramID: 101, priceID: price) }
            _ = try await shop.users.setBanned(false, telegramID: 101)
            try await shop.catalogue.setPriceVisible(false, priceID: price, by: TestShop.rootAdmin)
            await #expect(throws: PurchaseError.unavailable(priceID: price)) { try await shop.purchases.buy(telegramID: 101, priceID: price) }

            #expect(try await shop.users.find(telegramID: 101)?.balance == TestShop.dollars("50.00"))
            #expect(try await shop.stock.unusedCount(priceID: price) == 1)
            #expect(try await shop.stock.unusedCount(priceID: premium) == 1)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func premiumAndResellerCustomersBuyWhatAndAtWhatTheyMay(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let premium = try await shop.price("Spotify", price: "4.00", reseller: "3.00", keys: 2, premiumOnly: true)
            try await shop.customer(100, balance: "10.00")
            _ = try await shop.users.upgradeToPremium(telegramID: 100, price: TestShop.dollars("2.00"))
            #expect(try await shop.purchases.buy(telegramID: 100, priceID: premium).amount == TestShop.dollars("4.00"))
            _ = try await shop.users.setReseller(true, telegramID: 100)
            let receipt = try await shop.purchases.buy(telegramID: 100, priceID: premium)
            #expect(receipt.amount == TestShop.dollars("3.00"))
            #expect(receipt.balanceAfter == TestShop.dollars("1.00"))
            #expect(try await shop.ledger.recentLines(of: 100).map(\.reason) == [.purchase, .purchase, .premiumUpgrade, .adminCredit])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRepeatedRequestReturnsTheFirstReceipt(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(keys: 5)
            try await shop.customer(100, balance: "20.00")
            try await shop.customer(200, balance: "20.00")
            let first = try await shop.purchases.buy(telegramID: 100, priceID: price, idempotencyKey: "press-1")
            let again = try await shop.purchases.buy(telegramID: 100, priceID: price, idempotencyKey: "press-1")
            #expect(again.isRepeat)
            #expect(again.orderID == first.orderID)
            #expect(again.keys == first.keys)
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("15.00"))
            await #expect(throws: PurchaseError.idempotencyKeyReused) {
                try await shop.purchases.buy(telegramID: 200, priceID: price, idempotencyKey: "press-1")
            }
        }
    }
}
