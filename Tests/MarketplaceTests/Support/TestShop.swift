import FluentKit
import Foundation
import Logging
import Marketplace
import Testing

/// The databases every marketplace test runs on. PostgreSQL runs when `TEST_POSTGRES_URL` is set
/// (`./scripts/test` sets it) and always under `CI=true`, where a missing server fails the test.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let postgresVariable = "TEST_POSTGRES_URL"

    static var available: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        let withPostgres = environment["CI"] == "true" || environment[postgresVariable] != nil
        return withPostgres ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }
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
    var catalog: CatalogService { CatalogService(database: db, currency: Self.currency) }

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
    func price(_ name: String = "Netflix", price: String = "5.00", reseller: String? = nil, keys: Int = 0, premiumOnly: Bool = false) async throws -> Int {
        let product = try await catalog.createProduct(name: name, description: "\(name) account", isPremiumOnly: premiumOnly, by: Self.rootAdmin)
        let priceID = try await catalog.addPrice(to: product, durationLabel: "1 month", durationDays: 30, price: Self.dollars(price), resellerPrice: reseller.map(Self.dollars), by: Self.rootAdmin)
        if keys > 0 {
            let text = (1...keys).map { "\(name.uppercased())-KEY-\($0)" }.joined(separator: "\n")
            _ = try await stock.addKeys(text, to: priceID, by: Self.rootAdmin)
        }
        return priceID
    }
}

/// Runs `body` with a fresh shop on `kind`: SQLite in memory, or a new PostgreSQL database that
/// is dropped afterwards.
func withTestShop<Value>(_ kind: TestDatabase, sourceLocation: SourceLocation = #_sourceLocation, _ body: (TestShop) async throws -> Value) async throws -> Value {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    switch kind {
    case .sqlite:
        let database = try MarketplaceDatabase(location: .sqliteMemory)
        do {
            try await database.migrate(logger: logger)
            let value = try await body(TestShop(database: database, db: database.database(logger: logger)))
            await database.shutdown()
            return value
        } catch {
            await database.shutdown()
            throw error
        }
    case .postgres:
        let base = try #require(ProcessInfo.processInfo.environment[TestDatabase.postgresVariable], "\(TestDatabase.postgresVariable) is not set: run the tests with ./scripts/test", sourceLocation: sourceLocation)
        let server = try MarketplaceDatabase(location: .postgres(url: base), poolSize: 1)
        let name = "qp_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        try await server.database(logger: logger).sqlCreateDatabase(name)
        let url = String(base[..<(base.lastIndex(of: "/") ?? base.endIndex)]) + "/" + name
        let database = try MarketplaceDatabase(location: .postgres(url: url), poolSize: 8)
        func cleanUp() async {
            await database.shutdown()
            try? await server.database(logger: logger).sqlDropDatabase(name)
            await server.shutdown()
        }
        do {
            try await database.migrate(logger: logger)
            let value = try await body(TestShop(database: database, db: database.database(logger: logger)))
            await cleanUp()
            return value
        } catch {
            await cleanUp()
            throw error
        }
    }
}
