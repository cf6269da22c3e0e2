import FluentKit

/// The admin side of prices, under the same rules as products: checked, audited, and the
/// cached catalogue cleared at once.
extension CatalogueService {
    /// - Parameter sortOrder: nil puts it after the product's other prices.
    /// - Returns: the new price's id.
    public func addPrice(
        to productID: Int, durationLabel: String, durationDays: Int?, price: Money, resellerPrice: Money? = nil, sortOrder: Int? = nil,
        by adminID: Int64
    ) async throws -> Int {
        try await permissions.require(.catalogue, adminID)
        guard try await Product.find(productID, on: database) != nil else { throw CatalogueError.productNotFound(productID: productID) }
        let row = ProductPrice()
        row.$product.id = productID
        row.durationLabel = try CatalogueRules.durationLabel(durationLabel)
        row.durationDays = try CatalogueRules.duration(durationDays)
        row.price = try CatalogueRules.price(price).minorUnits
        row.resellerPrice = try CatalogueRules.resellerPrice(resellerPrice)?.minorUnits
        row.isVisible = true
        row.isArchived = false
        if let sortOrder {
            row.sortOrder = sortOrder
        } else {
            row.sortOrder = (try await ProductPrice.query(on: database).filter(\.$product.$id == productID).max(\.$sortOrder) ?? -1) + 1
        }
        try await row.create(on: database)
        try await AuditLog.record(
            admin: adminID, action: "price.create", subject: "price \(row.id!) of product \(productID)", after: describe(row), on: database)
        try await cache.delete(CacheKey.catalogue)
        return row.id!
    }

    public func updatePrice(_ priceID: Int, _ changes: PriceChanges, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await changePrice(priceID, action: "price.edit", by: adminID) { price in
            if let label = changes.durationLabel { price.durationLabel = try CatalogueRules.durationLabel(label) }
            if let days = changes.durationDays { price.durationDays = try CatalogueRules.duration(days) }
            if let amount = changes.price { price.price = try CatalogueRules.price(amount).minorUnits }
            if let reseller = changes.resellerPrice { price.resellerPrice = try CatalogueRules.resellerPrice(reseller)?.minorUnits }
            if let order = changes.sortOrder { price.sortOrder = order }
        }
    }

    public func setPriceVisible(_ isVisible: Bool, priceID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await changePrice(priceID, action: isVisible ? "price.show" : "price.hide", by: adminID) { $0.isVisible = isVisible }
    }

    /// Archives a price (no longer sold, kept for its keys and orders), or brings it back hidden.
    public func setPriceArchived(_ isArchived: Bool, priceID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await changePrice(priceID, action: isArchived ? "price.archive" : "price.unarchive", by: adminID) { price in
            price.isArchived = isArchived
            price.isVisible = false
        }
    }

    /// Moves a price one place up or down its product's list.
    /// - Returns: its place now (1-based) and how many places there are.
    @discardableResult
    public func movePrice(_ priceID: Int, up: Bool, by adminID: Int64) async throws -> (place: Int, of: Int) {
        try await permissions.require(.catalogue, adminID)
        guard let moved = try await ProductPrice.find(priceID, on: database) else { throw CatalogueError.priceNotFound(priceID: priceID) }
        let prices = try await ProductPrice.query(on: database).filter(\.$product.$id == moved.$product.id).filter(\.$isArchived == false)
            .sort(\.$sortOrder).sort(\.$id).all()
        // An archived price has no place in the list: unarchive it first.
        guard let index = prices.firstIndex(where: { $0.id == priceID }) else { return (0, prices.count) }
        return try await move(prices, at: index, up: up, sortOrder: \.sortOrder, action: "price.move", subject: "price \(priceID)", by: adminID)
    }

    /// Deletes a price, refused while any key or order refers to it: archive it instead.
    public func deletePrice(_ priceID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await database.atomically { db in
            guard let price = try await ProductPrice.find(priceID, on: db) else { throw CatalogueError.priceNotFound(priceID: priceID) }
            let keys = try await ProductKey.query(on: db).filter(\.$price.$id == priceID).count()
            let orders = try await Order.query(on: db).filter(\.$priceID == priceID).count()
            guard keys == 0, orders == 0 else { throw CatalogueError.priceInUse(keys: keys, orders: orders) }
            try await ProductPrice.query(on: db).filter(\.$id == priceID).delete()
            try await AuditLog.record(admin: adminID, action: "price.delete", subject: "price \(priceID)", before: describe(price), on: db)
        }
        try await cache.delete(CacheKey.catalogue)
    }

    private func changePrice(_ priceID: Int, action: String, by adminID: Int64, _ change: (ProductPrice) throws -> Void) async throws {
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogueError.priceNotFound(priceID: priceID) }
        let before = describe(price)
        try change(price)
        try await price.save(on: database)
        let (old, new) = Self.difference(before, describe(price))
        try await AuditLog.record(admin: adminID, action: action, subject: "price \(priceID)", before: old, after: new, on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    /// A price's fields, one `name=value` per line, for the audit log.
    func describe(_ price: ProductPrice) -> String {
        [
            "label=\(price.durationLabel)", "days=\(price.durationDays.map(String.init) ?? "lifetime")",
            "price=\(Money(minorUnits: price.price, currency: currency))",
            "reseller_price=\(price.resellerPrice.map { Money(minorUnits: $0, currency: currency).formatted } ?? "none")",
            "visible=\(price.isVisible)", "archived=\(price.isArchived)", "sort_order=\(price.sortOrder)",
        ].joined(separator: "\n")
    }
}
