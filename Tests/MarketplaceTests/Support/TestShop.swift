import FluentKit
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import Testing

/// The databases every marketplace test runs on (see ``TestDatabaseKind``).
typealias TestDatabase = TestDatabaseKind

extension TestDatabaseKind: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

/// A migrated, empty shop on one database, with its services and helpers to stock it.
struct TestShop {
    static let currency = Currency.usd
    static let rootAdmin: Int64 = 1

    let database: MarketplaceDatabase
    let db: any Database

    var ledger: LedgerService { LedgerService(database: db, currency: Self.currency) }
    var purchases: PurchaseService { PurchaseService(database: db, currency: Self.currency) }
    var users: UserService { UserService(database: db, currency: Self.currency) }
    var admins: AdminService { AdminService(database: db, rootAdminID: Self.rootAdmin) }
    var stock: StockService { StockService(database: db) }
    var catalogue: CatalogueService { CatalogueService(database: db, currency: Self.currency) }
    var topUps: TopUpService { TopUpService(database: db, currency: Self.currency) }
    var promos: PromoService { PromoService(database: db, currency: Self.currency) }
    var refunds: RefundService { RefundService(database: db, currency: Self.currency) }

    static func dollars(_ text: String) -> Money {
        try! Money.parse(text, currency: currency)
    }

    /// A customer with `balance` credited through the ledger.
    @discardableResult
    func customer(_ telegramID: Int64, balance: String = "0", name: String = "Buyer") async throws -> CustomerSnapshot {
        _ = try await users.register(telegramID: telegramID, username: "user\(telegramID)", firstName: name, languageCode: "en")
        let amount = Self.dollars(balance)
        if amount.minorUnits > 0 {
            try await ledger.credit(amount, to: telegramID, reason: .adminCredit, actorID: Self.rootAdmin)
        }
        return try await users.find(telegramID: telegramID)!
    }

    /// A product with one price and `keys` keys in stock; returns the price id.
    func price(
        _ name: String = "Netflix", price: String = "5.00", reseller: String? = nil, keys: Int = 0, premiumOnly: Bool = false
    ) async throws -> Int {
        let product = try await catalogue.createProduct(name: name, description: "\(name) account", isPremiumOnly: premiumOnly, by: Self.rootAdmin)
        let priceID = try await catalogue.addPrice(
            to: product, durationLabel: "1 month", durationDays: 30, price: Self.dollars(price), resellerPrice: reseller.map(Self.dollars),
            by: Self.rootAdmin)
        if keys > 0 {
            let text = (1...keys).map { "\(name.uppercased())-KEY-\($0)" }.joined(separator: "\n")
            _ = try await stock.addKeys(text, to: priceID, by: Self.rootAdmin)
        }
        return priceID
    }
}

/// Runs `body` with a fresh, empty shop on `kind`.
func withTestShop<Value>(_ kind: TestDatabase, _ body: (TestShop) async throws -> Value) async throws -> Value {
    try await withTemporaryMarketplaceDatabase(kind) { database in
        try await body(TestShop(database: database, db: database.database(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))))
    }
}
