import FluentKit
import Marketplace
import MarketplaceTesting
import Testing

/// Money and stock under many buyers at once, on each database.
@Suite(.timeLimit(.minutes(2))) struct ConcurrencyTests {
    enum Outcome: Sendable {
        case bought([String])
        case outOfStock
        case other(String)
    }

    @Test(arguments: TestDatabase.available)
    func twoHundredBuyersRaceForFiftyKeys(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "1.00", keys: 50)
            for buyer in Int64(1000)..<1200 { try await shop.customer(buyer, balance: "5.00") }
            let purchases = shop.purchases
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for buyer in Int64(1000)..<1200 {
                    group.addTask {
                        do {
                            return .bought(try await purchases.buy(telegramID: buyer, priceID: price).keys)
                        } catch PurchaseError.outOfStock {
                            return .outOfStock
                        } catch {
                            return .other("\(error)")
                        }
                    }
                }
                return await group.reduce(into: [Outcome]()) { $0.append($1) }
            }
            var keys: [String] = []
            var outOfStock = 0
            var failures: [String] = []
            for outcome in outcomes {
                switch outcome {
                case .bought(let bought): keys += bought
                case .outOfStock: outOfStock += 1
                case .other(let error): failures.append(error)
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            #expect(keys.count == 50)
            #expect(Set(keys).count == 50, "no key sold twice")
            #expect(outOfStock == 150)
            #expect(try await shop.stock.unusedCount(priceID: price) == 0)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
            let orders = try await shop.db.query(Order.self).count()
            #expect(orders == 50, "one order per key sold")
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneBuyerFiringTwentyPurchasesWithBalanceForFiveGetsFive(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "2.00", keys: 30)
            try await shop.customer(7, balance: "10.00")
            let purchases = shop.purchases
            let bought = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask { (try? await purchases.buy(telegramID: 7, priceID: price)) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(bought == 5)
            #expect(try await shop.users.find(telegramID: 7)?.balance == TestShop.dollars("0.00"))
            #expect(try await shop.stock.unusedCount(priceID: price) == 25)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentCreditsAndPurchasesLoseNothing(database: TestDatabase) async throws {
        try await withTestShop(database) { shop in
            let price = try await shop.price(price: "1.00", keys: 40)
            try await shop.customer(7, balance: "0")
            let ledger = shop.ledger
            let purchases = shop.purchases
            let bought = await withTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        if index % 2 == 0 {
                            try? await ledger.credit(
                                TestShop.dollars("1.00"), to: 7, reason: .adminCredit, actorID: 1, idempotencyKey: "credit-\(index)")
                            return 0
                        }
                        return (try? await purchases.buy(telegramID: 7, priceID: price)) != nil ? 1 : 0
                    }
                }
                return await group.reduce(0, +)
            }
            let balance = try await shop.users.find(telegramID: 7)!.balance
            #expect(balance.minorUnits == Int64(20 - bought) * 100, "20 credits of $1 minus what was bought")
            #expect(try await shop.stock.unusedCount(priceID: price) == 40 - bought)
            #expect(try await shop.ledger.unbalancedCustomers().isEmpty)
        }
    }
}
