import FluentKit
import FluentSQL

/// Products and their prices, and the catalogue as each customer sees it.
public struct CatalogueService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    let ttl: Duration
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// - Parameter cache: the catalogue's products and prices are cached (stock is always
    ///   counted live); every catalogue change clears them at once.
    public init(
        database: any Database, currency: Currency, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard,
        permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.ttl = ttls.catalogue
        self.permissions = permissions
    }

    /// Every product, hidden ones included.
    public func productCount() async throws -> Int {
        try await Product.query(on: database).count()
    }

    /// The visible products and prices `customer` may see, with what they pay and the stock of
    /// each price. Products and prices come from the cache (two queries on a miss); stock is one
    /// grouped query every time, so it is never stale.
    public func products(for customer: CustomerSnapshot) async throws -> [CatalogueProduct] {
        try await ShopTracing.span("CatalogueService.products") { try await loadProducts(for: customer) }
    }

    private func loadProducts(for customer: CustomerSnapshot) async throws -> [CatalogueProduct] {
        let database = database
        let visible = try await cache.value(for: CacheKey.catalogue, ttl: ttl) {
            try await Self.visibleProducts(on: database)
        }
        let stock = try await unusedCounts(priceIDs: visible.flatMap { $0.prices.map(\.id) })
        return visible.map { product in
            let offers = product.prices.map { price in
                let amount = customer.isReseller ? (price.resellerPrice ?? price.price) : price.price
                return CatalogueProduct.Offer(
                    priceID: price.id, durationLabel: price.durationLabel, durationDays: price.durationDays,
                    price: Money(minorUnits: amount, currency: currency), stock: stock[price.id] ?? 0
                )
            }
            return CatalogueProduct(
                id: product.id, name: product.name, description: product.description, photoFileID: product.photoFileID,
                isPremiumOnly: product.isPremiumOnly, isLocked: product.isPremiumOnly && !customer.isPremium, offers: offers
            )
        }
    }

    /// The catalogue's shape as it is cached: visible products with their visible prices, in order.
    struct VisibleProduct: Codable, Sendable {
        struct Price: Codable, Sendable {
            var id: Int
            var durationLabel: String
            var durationDays: Int?
            var price: Int64
            var resellerPrice: Int64?
        }

        var id: Int
        var name: String
        var description: String
        var photoFileID: String?
        var isPremiumOnly: Bool
        var prices: [Price]
    }

    static func visibleProducts(on database: any Database) async throws -> [VisibleProduct] {
        let products = try await Product.query(on: database).filter(\.$isVisible == true).filter(\.$isArchived == false).sort(\.$sortOrder).sort(
            \.$id
        ).all()
        let ids = products.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let prices = try await ProductPrice.query(on: database).filter(\.$product.$id ~~ ids).filter(\.$isVisible == true)
            .filter(\.$isArchived == false).sort(\.$sortOrder).sort(\.$id).all()
        let pricesByProduct = Dictionary(grouping: prices, by: { $0.$product.id })
        return products.map { product in
            VisibleProduct(
                id: product.id!, name: product.name, description: product.details, photoFileID: product.photoFileID,
                isPremiumOnly: product.isPremiumOnly,
                prices: (pricesByProduct[product.id!] ?? []).map {
                    VisibleProduct.Price(
                        id: $0.id!, durationLabel: $0.durationLabel, durationDays: $0.durationDays, price: $0.price, resellerPrice: $0.resellerPrice)
                }
            )
        }
    }

    /// Unsold keys per price, in one grouped query.
    func unusedCounts(priceIDs: [Int]) async throws -> [Int: Int] {
        guard !priceIDs.isEmpty else { return [:] }
        return try await counts(groupedBy: "price_id", where: false, ids: priceIDs)
    }
}
