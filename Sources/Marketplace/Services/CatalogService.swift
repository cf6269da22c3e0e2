import FluentKit
import FluentSQL

/// Products and their prices, and the catalogue as each customer sees it.
public struct CatalogService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    let ttl: Duration

    /// - Parameter cache: the catalogue's products and prices are cached (stock is always
    ///   counted live); every catalogue change clears them at once.
    public init(database: any Database, currency: Currency, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.ttl = ttls.catalogue
    }

    /// Every product, hidden ones included.
    public func productCount() async throws -> Int {
        try await Product.query(on: database).count()
    }

    /// - Returns: the new product's id.
    public func createProduct(name: String, description: String, photoFileID: String? = nil, isPremiumOnly: Bool = false, sortOrder: Int = 0, by adminID: Int64) async throws -> Int {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { throw CatalogError.invalidInput("a product name has 1 to 100 characters") }
        guard description.count <= 2000 else { throw CatalogError.invalidInput("a description has at most 2000 characters") }
        let product = Product()
        product.name = name
        product.details = description
        product.photoFileID = photoFileID
        product.isPremiumOnly = isPremiumOnly
        product.isVisible = true
        product.sortOrder = sortOrder
        try await product.create(on: database)
        try await AuditLog.record(admin: adminID, action: "product.create", subject: "product \(product.id!)", details: name, on: database)
        try await cache.delete(CacheKey.catalogue)
        return product.id!
    }

    /// - Returns: the new price's id.
    public func addPrice(to productID: Int, durationLabel: String, durationDays: Int?, price: Money, resellerPrice: Money? = nil, sortOrder: Int = 0, by adminID: Int64) async throws -> Int {
        guard try await Product.find(productID, on: database) != nil else { throw CatalogError.notFound("product \(productID)") }
        let label = durationLabel.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...40).contains(label.count) else { throw CatalogError.invalidInput("a duration label has 1 to 40 characters") }
        guard durationDays.map({ $0 > 0 }) ?? true else { throw CatalogError.invalidInput("a duration is a positive number of days") }
        guard price.minorUnits >= 0, (resellerPrice?.minorUnits ?? 0) >= 0 else { throw CatalogError.invalidInput("prices can't be negative") }
        let row = ProductPrice()
        row.$product.id = productID
        row.durationLabel = label
        row.durationDays = durationDays
        row.price = price.minorUnits
        row.resellerPrice = resellerPrice?.minorUnits
        row.isVisible = true
        row.sortOrder = sortOrder
        try await row.create(on: database)
        try await AuditLog.record(admin: adminID, action: "price.create", subject: "product \(productID)", details: "\(label) \(price)", on: database)
        try await cache.delete(CacheKey.catalogue)
        return row.id!
    }

    /// Changes to a product; nil leaves a field as it is.
    public struct ProductChanges: Sendable {
        public var name: String?
        public var description: String?
        /// `.some(nil)` removes the photo.
        public var photoFileID: String??
        public var isPremiumOnly: Bool?
        public var sortOrder: Int?

        public init(name: String? = nil, description: String? = nil, photoFileID: String?? = nil, isPremiumOnly: Bool? = nil, sortOrder: Int? = nil) {
            self.name = name
            self.description = description
            self.photoFileID = photoFileID
            self.isPremiumOnly = isPremiumOnly
            self.sortOrder = sortOrder
        }
    }

    /// Changes to a price; nil leaves a field as it is.
    public struct PriceChanges: Sendable {
        public var durationLabel: String?
        /// `.some(nil)` makes it lifetime.
        public var durationDays: Int??
        public var price: Money?
        /// `.some(nil)` removes the reseller price.
        public var resellerPrice: Money??
        public var sortOrder: Int?

        public init(durationLabel: String? = nil, durationDays: Int?? = nil, price: Money? = nil, resellerPrice: Money?? = nil, sortOrder: Int? = nil) {
            self.durationLabel = durationLabel
            self.durationDays = durationDays
            self.price = price
            self.resellerPrice = resellerPrice
            self.sortOrder = sortOrder
        }
    }

    public func updateProduct(_ productID: Int, _ changes: ProductChanges, by adminID: Int64) async throws {
        guard let product = try await Product.find(productID, on: database) else { throw CatalogError.notFound("product \(productID)") }
        if let name = changes.name?.trimmingCharacters(in: .whitespacesAndNewlines) {
            guard (1...100).contains(name.count) else { throw CatalogError.invalidInput("a product name has 1 to 100 characters") }
            product.name = name
        }
        if let description = changes.description {
            guard description.count <= 2000 else { throw CatalogError.invalidInput("a description has at most 2000 characters") }
            product.details = description
        }
        if let photo = changes.photoFileID { product.photoFileID = photo }
        if let premium = changes.isPremiumOnly { product.isPremiumOnly = premium }
        if let order = changes.sortOrder { product.sortOrder = order }
        try await product.save(on: database)
        try await AuditLog.record(admin: adminID, action: "product.edit", subject: "product \(productID)", details: product.name, on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    public func updatePrice(_ priceID: Int, _ changes: PriceChanges, by adminID: Int64) async throws {
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogError.notFound("price \(priceID)") }
        if let label = changes.durationLabel?.trimmingCharacters(in: .whitespacesAndNewlines) {
            guard (1...40).contains(label.count) else { throw CatalogError.invalidInput("a duration label has 1 to 40 characters") }
            price.durationLabel = label
        }
        if let days = changes.durationDays {
            guard days.map({ $0 > 0 }) ?? true else { throw CatalogError.invalidInput("a duration is a positive number of days") }
            price.durationDays = days
        }
        if let amount = changes.price {
            guard amount.minorUnits >= 0 else { throw CatalogError.invalidInput("prices can't be negative") }
            price.price = amount.minorUnits
        }
        if let reseller = changes.resellerPrice {
            guard (reseller?.minorUnits ?? 0) >= 0 else { throw CatalogError.invalidInput("prices can't be negative") }
            price.resellerPrice = reseller?.minorUnits
        }
        if let order = changes.sortOrder { price.sortOrder = order }
        try await price.save(on: database)
        try await AuditLog.record(admin: adminID, action: "price.edit", subject: "price \(priceID)", details: price.durationLabel, on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    public func setProductVisible(_ isVisible: Bool, productID: Int, by adminID: Int64) async throws {
        guard let product = try await Product.find(productID, on: database) else { throw CatalogError.notFound("product \(productID)") }
        product.isVisible = isVisible
        try await product.save(on: database)
        try await AuditLog.record(admin: adminID, action: isVisible ? "product.show" : "product.hide", subject: "product \(productID)", details: "", on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    public func setPriceVisible(_ isVisible: Bool, priceID: Int, by adminID: Int64) async throws {
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogError.notFound("price \(priceID)") }
        price.isVisible = isVisible
        try await price.save(on: database)
        try await AuditLog.record(admin: adminID, action: isVisible ? "price.show" : "price.hide", subject: "price \(priceID)", details: "", on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    /// Deletes a product and its prices, refused while it has keys or orders: hide it instead.
    public func deleteProduct(_ productID: Int, by adminID: Int64) async throws {
        try await database.transaction { db in
            guard try await Product.find(productID, on: db) != nil else { throw CatalogError.notFound("product \(productID)") }
            let keys = try await ProductKey.query(on: db).filter(\.$productID == productID).count()
            guard keys == 0 else { throw CatalogError.inUse("it has \(keys) keys in stock or sold; hide it instead") }
            let orders = try await Order.query(on: db).filter(\.$productID == productID).count()
            guard orders == 0 else { throw CatalogError.inUse("it has \(orders) orders; hide it instead") }
            try await ProductPrice.query(on: db).filter(\.$product.$id == productID).delete()
            try await Product.query(on: db).filter(\.$id == productID).delete()
            try await AuditLog.record(admin: adminID, action: "product.delete", subject: "product \(productID)", details: "", on: db)
        }
        try await cache.delete(CacheKey.catalogue)
    }

    /// The visible products and prices `customer` may see, with what they pay and the stock of
    /// each price. Products and prices come from the cache (two queries on a miss); stock is one
    /// grouped query every time, so it is never stale.
    public func catalogue(for customer: CustomerSnapshot) async throws -> [CatalogueProduct] {
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
        let products = try await Product.query(on: database).filter(\.$isVisible == true).sort(\.$sortOrder).sort(\.$id).all()
        let ids = products.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let prices = try await ProductPrice.query(on: database).filter(\.$product.$id ~~ ids).filter(\.$isVisible == true)
            .sort(\.$sortOrder).sort(\.$id).all()
        let pricesByProduct = Dictionary(grouping: prices, by: { $0.$product.id })
        return products.map { product in
            VisibleProduct(
                id: product.id!, name: product.name, description: product.details, photoFileID: product.photoFileID, isPremiumOnly: product.isPremiumOnly,
                prices: (pricesByProduct[product.id!] ?? []).map {
                    VisibleProduct.Price(id: $0.id!, durationLabel: $0.durationLabel, durationDays: $0.durationDays, price: $0.price, resellerPrice: $0.resellerPrice)
                }
            )
        }
    }

    /// Unsold keys per price, in one grouped query.
    func unusedCounts(priceIDs: [Int]) async throws -> [Int: Int] {
        guard !priceIDs.isEmpty else { return [:] }
        let rows = try await database.sql.select()
            .column("price_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "unused")
            .from(ProductKey.schema)
            .where("price_id", .in, priceIDs)
            .where("is_used", .equal, false)
            .groupBy("price_id")
            .all()
        var counts: [Int: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "price_id", as: Int.self)] = try row.decode(column: "unused", as: Int.self)
        }
        return counts
    }
}
