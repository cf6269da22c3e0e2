import FluentKit
import Marketplace
import MarketplaceTesting
import Testing

/// Stars top-ups credited once per charge, and a customer's order history.
@Suite(.timeLimit(.minutes(2))) struct StarsAndOrderHistoryTests {
    static func stars(_ shop: TestShop) -> StarsTopUpService {
        StarsTopUpService(database: shop.db, currency: TestShop.currency, starValue: TestShop.dollars("0.01"))
    }

    @Test(arguments: TestDatabase.available)
    func oneChargeDeliveredTenTimesAtOnceIsCreditedOnce(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(100)
            let stars = Self.stars(shop)
            let outcomes = try await withThrowingTaskGroup(of: TopUpService.Credit.self) { group in
                for _ in 1...10 {
                    group.addTask { try await stars.book(chargeID: "stx-1", telegramID: 100, stars: 500) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { !$0.isRepeat }.count == 1)
            #expect(outcomes.allSatisfy { $0.topUp.amount == TestShop.dollars("5.00") })
            #expect(try await shop.users.find(telegramID: 100)?.balance == TestShop.dollars("5.00"))
            #expect(try await shop.ledger.recentLines(of: 100).map(\.reason) == [.starsTopUp])
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)

            let second = try await stars.book(chargeID: "stx-2", telegramID: 100, stars: 100)
            #expect(second.balance == TestShop.dollars("6.00") && !second.isRepeat, "another charge is another credit")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChargeForAnUnknownCustomerBooksNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop throws in
            await #expect(throws: LedgerError.unknownCustomer(telegramID: 404)) {
                try await Self.stars(shop).book(chargeID: "stx-9", telegramID: 404, stars: 100)
            }
            #expect(try await TopUp.query(on: shop.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func orderHistoryPagesNewestFirstAndShowsOnlyTheCustomersOwnOrders(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "1.00", keys: 12)
            try await shop.customer(100, balance: "20.00")
            try await shop.customer(200, balance: "20.00")
            for _ in 1...10 { _ = try await shop.purchases.buy(telegramID: 100, priceID: price) }
            let theirs = try await shop.purchases.buy(telegramID: 200, priceID: price)
            let history = OrderHistoryService(database: shop.db, currency: TestShop.currency)

            let first = try await history.orders(of: 100, page: 1, pageSize: 8)
            #expect(first.items.count == 8 && first.pageCount == 2 && first.totalCount == 10)
            #expect(first.items.first?.orderID == 10)
            let last = try await history.orders(of: 100, page: 99, pageSize: 8)
            #expect(last.number == 2 && last.items.map(\.orderID) == [2, 1], "past the end gives the last page")
            #expect(try await history.order(1, of: 100)?.keys == ["NETFLIX-KEY-1"])
            #expect(try await history.order(theirs.orderID, of: 100) == nil, "someone else's order stays hidden")
            #expect(try await history.orders(of: 999, page: 1).items.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func chosenLanguageSurvivesTelegramsOnNextRegistration(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            try await shop.customer(100)
            try await shop.users.setBotLanguage("ru", telegramID: 100)
            _ = try await shop.users.register(telegramID: 100, username: "user100", firstName: "Buyer", languageCode: "en")
            let customer = try await shop.users.find(telegramID: 100)
            #expect(customer?.botLanguage == "ru" && customer?.languageCode == "en")
            await #expect(throws: AccountError.invalidLanguageCode("<script>")) { try await shop.users.setBotLanguage("<script>", telegramID: 100) }
        }
    }
}
