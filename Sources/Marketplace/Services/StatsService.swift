import FluentKit
import FluentSQL
import Foundation

/// The shop's figures for the admin panel.
public struct ShopStats: Sendable, Equatable {
    public struct Period: Sendable, Equatable {
        public var orders: Int
        public var revenue: Money

        public init(orders: Int, revenue: Money) {
            self.orders = orders
            self.revenue = revenue
        }
    }

    public struct ProductFigures: Sendable, Equatable {
        public var productID: Int
        public var name: String
        public var stock: Int
        public var sold: Int
    }

    public var customers: Int
    public var premiumCustomers: Int
    public var today: Period
    public var lastSevenDays: Period
    public var lastThirtyDays: Period
    public var allTime: Period
    /// Every product with its unsold keys and keys sold, best sellers first.
    public var products: [ProductFigures]
}

public struct StatsService: Sendable {
    let database: any Database
    let currency: Currency

    public init(database: any Database, currency: Currency) {
        self.database = database
        self.currency = currency
    }

    /// - Parameter now: the moment "today" and the periods count back from (UTC days).
    public func stats(now: Date = Date()) async throws -> ShopStats {
        let customers = try await Customer.query(on: database).count()
        let premium = try await Customer.query(on: database).filter(\.$isPremium == true).count()
        let startOfToday = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        let products = try await Product.query(on: database).all()
        struct KeyFigures: Decodable {
            let productID: Int
            let stock: Int
            let sold: Int
        }
        let keyRows = try await database.sql.raw(
            """
            SELECT product_id, SUM(CASE WHEN is_used THEN 0 ELSE 1 END) AS stock, SUM(CASE WHEN is_used THEN 1 ELSE 0 END) AS sold
            FROM product_keys GROUP BY product_id
            """
        ).all(decoding: KeyFigures.self, with: .snakeCase)
        let figures = Dictionary(keyRows.map { ($0.productID, (stock: $0.stock, sold: $0.sold)) }) { first, _ in first }
        return ShopStats(
            customers: customers,
            premiumCustomers: premium,
            today: try await period(since: startOfToday),
            lastSevenDays: try await period(since: startOfToday.addingTimeInterval(-6 * 86_400)),
            lastThirtyDays: try await period(since: startOfToday.addingTimeInterval(-29 * 86_400)),
            allTime: try await period(since: nil),
            products: products.map { product in
                let counts = figures[product.id!] ?? (0, 0)
                return ShopStats.ProductFigures(productID: product.id!, name: product.name, stock: counts.stock, sold: counts.sold)
            }.sorted { ($0.sold, -$0.productID) > ($1.sold, -$1.productID) }
        )
    }

    /// A price on sale with fewer unsold keys than the threshold.
    public struct LowStock: Sendable, Equatable, Decodable {
        public var productName: String
        public var durationLabel: String
        public var priceID: Int
        public var stock: Int
    }

    /// The prices on sale (visible, not archived) with fewer than `threshold` unsold keys, emptiest first.
    public func lowStock(below threshold: Int) async throws -> [LowStock] {
        guard threshold > 0 else { return [] }
        return try await database.sql.raw(
            """
            SELECT pp.id AS price_id, p.name AS product_name, pp.duration_label,
                   (SELECT COUNT(*) FROM product_keys k WHERE k.price_id = pp.id AND NOT k.is_used) AS stock
            FROM product_prices pp JOIN products p ON p.id = pp.product_id
            WHERE pp.is_visible AND NOT pp.is_archived AND p.is_visible AND NOT p.is_archived
            ORDER BY stock, pp.id
            """
        ).all(decoding: LowStock.self, with: .snakeCase).filter { $0.stock < threshold }
    }

    private func period(since start: Date?) async throws -> ShopStats.Period {
        // PostgreSQL sums bigints as numeric; the cast keeps one integer type on both databases.
        var query = database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "orders")
            .column(SQLRaw("CAST(COALESCE(SUM(amount), 0) AS BIGINT)"), as: "revenue")
            .from(Order.schema)
            .where("status", .equal, OrderStatus.completed.rawValue)
        if let start { query = query.where("created_at", .greaterThanOrEqual, start) }
        struct Figures: Decodable {
            let orders: Int
            let revenue: Int64
        }
        guard let figures = try await query.first(decoding: Figures.self) else { return ShopStats.Period(orders: 0, revenue: .zero(currency)) }
        return ShopStats.Period(orders: figures.orders, revenue: Money(minorUnits: figures.revenue, currency: currency))
    }
}
