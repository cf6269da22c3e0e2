import Foundation
import Marketplace

/// Fills a shop with demo products, prices, keys and customers, through the services as an
/// admin would: for trying the bot, for the sandbox and for benchmarks.
public struct DemoShopSeeder: Sendable {
    public struct Plan: Sendable {
        public var products: Int
        public var pricesPerProduct: Int
        public var keysPerPrice: Int
        /// Telegram ids of demo customers to create.
        public var customers: ClosedRange<Int64>?
        /// Credited to each demo customer.
        public var startingBalance: Money?

        public init(products: Int, pricesPerProduct: Int, keysPerPrice: Int, customers: ClosedRange<Int64>? = nil, startingBalance: Money? = nil) {
            self.products = products
            self.pricesPerProduct = pricesPerProduct
            self.keysPerPrice = keysPerPrice
            self.customers = customers
            self.startingBalance = startingBalance
        }
    }

    /// What was created; `keys` holds every generated key.
    public struct Outcome: Sendable {
        public var products = 0
        public var prices = 0
        public var keys: [String] = []
        public var customers = 0
    }

    static let names = [
        "Netflix Premium", "Spotify Family", "YouTube Premium", "Disney+", "ChatGPT Plus",
        "Canva Pro", "NordVPN", "Microsoft 365", "Adobe Creative Cloud", "Duolingo Max",
    ]
    /// Label, days (nil: lifetime) and price in major units of the first prices; more are monthly.
    static let durations: [(label: String, days: Int?, units: Int64)] = [("1 month", 30, 5), ("3 months", 90, 12), ("Lifetime", nil, 40)]

    let shop: Shop
    let adminID: Int64

    public init(shop: Shop, adminID: Int64) {
        self.shop = shop
        self.adminID = adminID
    }

    public func seed(_ plan: Plan) async throws -> Outcome {
        var outcome = Outcome()
        let scale = shop.currency.scale
        for index in 0..<plan.products {
            let name = index < Self.names.count ? Self.names[index] : "Demo product \(index + 1)"
            // Every fourth product is for premium customers, to show the lock.
            let product = try await shop.catalogue.createProduct(
                name: name, description: "Demo: \(name), delivered as a license key at once.", isPremiumOnly: index % 4 == 3, sortOrder: index,
                by: adminID
            )
            outcome.products += 1
            for slot in 0..<plan.pricesPerProduct {
                let duration =
                    slot < Self.durations.count
                    ? Self.durations[slot] : (label: "\(slot + 3) months", days: Optional((slot + 3) * 30), units: Int64(slot + 3) * 4)
                let price = Money(minorUnits: duration.units * scale, currency: shop.currency)
                let reseller = Money(minorUnits: duration.units * scale * 8 / 10, currency: shop.currency)
                let priceID = try await shop.catalogue.addPrice(
                    to: product, durationLabel: duration.label, durationDays: duration.days, price: price, resellerPrice: reseller, sortOrder: slot,
                    by: adminID
                )
                outcome.prices += 1
                guard plan.keysPerPrice > 0 else { continue }
                let keys = (0..<plan.keysPerPrice).map { _ in Self.newKey(product: product, price: priceID) }
                let report = try await shop.stock.addKeys(keys.joined(separator: "\n"), to: priceID, by: adminID)
                guard report.added == keys.count else { throw SeedError.keysRefused(report) }
                outcome.keys += keys
            }
        }
        for telegramID in plan.customers.map({ Array($0) }) ?? [] {
            _ = try await shop.users.register(
                telegramID: telegramID, username: "demo\(telegramID)", firstName: "Demo \(telegramID)", languageCode: "en")
            if let balance = plan.startingBalance, balance.minorUnits > 0 {
                try await shop.ledger.credit(balance, to: telegramID, reason: .adminCredit, actorID: adminID)
            }
            outcome.customers += 1
        }
        return outcome
    }

    /// `DEMO-<product>-<price>-<16 hex digits>`: unique, and says where it belongs.
    static func newKey(product: Int, price: Int) -> String {
        "DEMO-\(product)-\(price)-" + String(format: "%016llX", UInt64.random(in: .min ... .max))
    }
}

public enum SeedError: Error, CustomStringConvertible {
    case keysRefused(StockReport)

    public var description: String {
        switch self {
        case .keysRefused(let report): "the stock refused generated keys (\(report.duplicates) duplicates, \(report.invalid) invalid)"
        }
    }
}
