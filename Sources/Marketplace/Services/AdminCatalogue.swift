import FluentSQL

/// A product as the admin panel lists it: every product, hidden and archived ones included.
public struct AdminProductSummary: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var isVisible: Bool
    public var isArchived: Bool
    public var isPremiumOnly: Bool
    /// Unsold keys over all its prices.
    public var stock: Int
}

/// A product with everything the admin panel shows and edits.
public struct AdminProduct: Sendable, Equatable {
    public struct Price: Sendable, Equatable {
        public var id: Int
        public var durationLabel: String
        /// nil for lifetime.
        public var durationDays: Int?
        public var price: Money
        public var resellerPrice: Money?
        public var isVisible: Bool
        public var isArchived: Bool
        public var stock: Int
        public var sold: Int
    }

    public var id: Int
    public var name: String
    public var description: String
    public var photoFileID: String?
    public var isPremiumOnly: Bool
    public var isVisible: Bool
    public var isArchived: Bool
    public var prices: [Price]
    /// Keys (sold or not) and orders that name it: while either is above zero it can only be archived.
    public var keys: Int
    public var orders: Int

    public func price(_ id: Int) -> Price? { prices.first { $0.id == id } }
}

extension CatalogueService {
    /// One price's unsold keys, for the stock section.
    public struct StockLine: Sendable, Equatable, Decodable {
        public var priceID: Int
        public var productName: String
        public var durationLabel: String
        public var stock: Int
    }

    /// Every price that isn't archived, in the order customers see them, with its unsold keys.
    public func stockLines() async throws -> [StockLine] {
        try await database.sql.raw(
            """
            SELECT pp.id AS price_id, p.name AS product_name, pp.duration_label,
                   (SELECT COUNT(*) FROM product_keys k WHERE k.price_id = pp.id AND NOT k.is_used) AS stock
            FROM product_prices pp JOIN products p ON p.id = pp.product_id
            WHERE NOT pp.is_archived AND NOT p.is_archived
            ORDER BY p.sort_order, p.id, pp.sort_order, pp.id
            """
        ).all(decoding: StockLine.self, with: .snakeCase)
    }
}
