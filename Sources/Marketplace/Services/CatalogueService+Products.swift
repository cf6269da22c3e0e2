import FluentKit
import FluentSQL

/// The admin side of products: create, edit, hide, archive, reorder, delete. Each change is
/// checked by ``CatalogueRules``, written to the audit log with what it was before, and clears
/// the cached catalogue, so the next customer view shows it.
extension CatalogueService {
    /// - Parameter sortOrder: nil puts it after every other product.
    /// - Returns: the new product's id.
    public func createProduct(
        name: String, description: String, photoFileID: String? = nil, isPremiumOnly: Bool = false, sortOrder: Int? = nil, by adminID: Int64
    ) async throws -> Int {
        try await permissions.require(.catalogue, adminID)
        let product = Product()
        product.name = try CatalogueRules.name(name)
        product.details = try CatalogueRules.description(description, hasPhoto: photoFileID != nil)
        product.photoFileID = photoFileID
        product.isPremiumOnly = isPremiumOnly
        product.isVisible = true
        product.isArchived = false
        if let sortOrder {
            product.sortOrder = sortOrder
        } else {
            product.sortOrder = (try await Product.query(on: database).max(\.$sortOrder) ?? -1) + 1
        }
        try await product.create(on: database)
        try await AuditLog.record(
            admin: adminID, action: "product.create", subject: "product \(product.id!)", after: Self.describe(product), on: database)
        try await cache.delete(CacheKey.catalogue)
        return product.id!
    }

    /// Every product, hidden and archived ones too (archived last), with its unsold keys.
    public func adminProducts() async throws -> [AdminProductSummary] {
        let products = try await Product.query(on: database).sort(\.$isArchived).sort(\.$sortOrder).sort(\.$id).all()
        let stock = try await unusedCountsByProduct()
        return products.map { product in
            AdminProductSummary(
                id: product.id!, name: product.name, isVisible: product.isVisible, isArchived: product.isArchived,
                isPremiumOnly: product.isPremiumOnly, stock: stock[product.id!] ?? 0
            )
        }
    }

    /// One product with all its prices, their stock and what refers to it.
    public func adminProduct(_ productID: Int) async throws -> AdminProduct {
        guard let product = try await Product.find(productID, on: database) else { throw CatalogueError.productNotFound(productID: productID) }
        let prices = try await ProductPrice.query(on: database).filter(\.$product.$id == productID).sort(\.$isArchived).sort(\.$sortOrder).sort(\.$id)
            .all()
        let ids = prices.compactMap(\.id)
        let unused = try await unusedCounts(priceIDs: ids)
        let sold = try await soldCounts(priceIDs: ids)
        let keys = try await ProductKey.query(on: database).filter(\.$productID == productID).count()
        let orders = try await Order.query(on: database).filter(\.$productID == productID).count()
        return AdminProduct(
            id: productID, name: product.name, description: product.details, photoFileID: product.photoFileID,
            isPremiumOnly: product.isPremiumOnly, isVisible: product.isVisible, isArchived: product.isArchived,
            prices: prices.map { price in
                AdminProduct.Price(
                    id: price.id!, durationLabel: price.durationLabel, durationDays: price.durationDays,
                    price: Money(minorUnits: price.price, currency: currency),
                    resellerPrice: price.resellerPrice.map { Money(minorUnits: $0, currency: currency) },
                    isVisible: price.isVisible, isArchived: price.isArchived, stock: unused[price.id!] ?? 0, sold: sold[price.id!] ?? 0
                )
            },
            keys: keys, orders: orders
        )
    }

    /// The product that has `priceID`.
    public func adminProduct(havingPrice priceID: Int) async throws -> AdminProduct {
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw CatalogueError.priceNotFound(priceID: priceID) }
        return try await adminProduct(price.$product.id)
    }

    public func updateProduct(_ productID: Int, _ changes: ProductChanges, by adminID: Int64) async throws {
        let onlyTexts = changes.isPremiumOnly == nil && changes.sortOrder == nil
        try await permissions.require(onlyTexts ? .catalogueTexts : .catalogue, adminID)
        guard let product = try await Product.find(productID, on: database) else { throw CatalogueError.productNotFound(productID: productID) }
        let before = Self.describe(product)
        if let name = changes.name { product.name = try CatalogueRules.name(name) }
        if let photo = changes.photoFileID { product.photoFileID = photo }
        if let description = changes.description { product.details = description }
        // A photo added to a long description is refused as a long description would be.
        product.details = try CatalogueRules.description(product.details, hasPhoto: product.photoFileID != nil)
        if let premium = changes.isPremiumOnly { product.isPremiumOnly = premium }
        if let order = changes.sortOrder { product.sortOrder = order }
        try await product.save(on: database)
        try await recordChange("product.edit", productID: productID, before: before, after: Self.describe(product), by: adminID)
    }

    public func setProductVisible(_ isVisible: Bool, productID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await updateFlags(productID, by: adminID, action: isVisible ? "product.show" : "product.hide") { $0.isVisible = isVisible }
    }

    /// Archives a product (hidden from customers, kept for its orders), or brings it back hidden.
    public func setProductArchived(_ isArchived: Bool, productID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await updateFlags(productID, by: adminID, action: isArchived ? "product.archive" : "product.unarchive") { product in
            product.isArchived = isArchived
            product.isVisible = false
        }
    }

    /// Moves a product one place up or down the list customers see.
    /// - Returns: its place now (1-based) and how many places there are.
    @discardableResult
    public func moveProduct(_ productID: Int, up: Bool, by adminID: Int64) async throws -> (place: Int, of: Int) {
        try await permissions.require(.catalogue, adminID)
        let products = try await Product.query(on: database).filter(\.$isArchived == false).sort(\.$sortOrder).sort(\.$id).all()
        guard let index = products.firstIndex(where: { $0.id == productID }) else { throw CatalogueError.productNotFound(productID: productID) }
        return try await move(
            products, at: index, up: up, sortOrder: \.sortOrder, action: "product.move", subject: "product \(productID)", by: adminID)
    }

    /// Swaps `rows[index]` with its neighbour and numbers every row's sort order from 0, in one
    /// transaction; at either end nothing moves.
    /// - Returns: the row's place now (1-based) and how many places there are.
    func move<Row: Model>(
        _ rows: [Row], at index: Int, up: Bool, sortOrder: ReferenceWritableKeyPath<Row, Int>, action: String, subject: String, by adminID: Int64
    ) async throws -> (place: Int, of: Int) {
        let target = up ? index - 1 : index + 1
        guard rows.indices.contains(target) else { return (index + 1, rows.count) }
        var reordered = rows
        reordered.swapAt(index, target)
        let rows = reordered
        try await database.atomically { db in
            for (position, row) in rows.enumerated() where row[keyPath: sortOrder] != position {
                row[keyPath: sortOrder] = position
                try await row.save(on: db)
            }
            try await AuditLog.record(
                admin: adminID, action: action, subject: subject, before: "position \(index + 1)", after: "position \(target + 1)", on: db)
        }
        try await cache.delete(CacheKey.catalogue)
        return (target + 1, rows.count)
    }

    /// Deletes a product and its prices, refused while any key or order refers to it: archive it instead.
    public func deleteProduct(_ productID: Int, by adminID: Int64) async throws {
        try await permissions.require(.catalogue, adminID)
        try await database.atomically { db in
            guard let product = try await Product.find(productID, on: db) else { throw CatalogueError.productNotFound(productID: productID) }
            let keys = try await ProductKey.query(on: db).filter(\.$productID == productID).count()
            let orders = try await Order.query(on: db).filter(\.$productID == productID).count()
            guard keys == 0, orders == 0 else { throw CatalogueError.productInUse(keys: keys, orders: orders) }
            try await ProductPrice.query(on: db).filter(\.$product.$id == productID).delete()
            try await Product.query(on: db).filter(\.$id == productID).delete()
            try await AuditLog.record(
                admin: adminID, action: "product.delete", subject: "product \(productID)", before: Self.describe(product), on: db)
        }
        try await cache.delete(CacheKey.catalogue)
    }

    private func updateFlags(_ productID: Int, by adminID: Int64, action: String, _ change: (Product) -> Void) async throws {
        guard let product = try await Product.find(productID, on: database) else { throw CatalogueError.productNotFound(productID: productID) }
        let before = Self.describe(product)
        change(product)
        try await product.save(on: database)
        try await recordChange(action, productID: productID, before: before, after: Self.describe(product), by: adminID)
    }

    private func recordChange(_ action: String, productID: Int, before: String, after: String, by adminID: Int64) async throws {
        let (old, new) = Self.difference(before, after)
        try await AuditLog.record(admin: adminID, action: action, subject: "product \(productID)", before: old, after: new, on: database)
        try await cache.delete(CacheKey.catalogue)
    }

    /// A product's fields, one `name=value` per line, for the audit log.
    static func describe(_ product: Product) -> String {
        [
            "name=\(product.name)", "description=\(product.details)", "photo=\(product.photoFileID ?? "none")",
            "premium_only=\(product.isPremiumOnly)", "visible=\(product.isVisible)", "archived=\(product.isArchived)",
            "sort_order=\(product.sortOrder)",
        ].joined(separator: "\n")
    }

    /// Only the lines that changed, so an entry says what was edited.
    static func difference(_ before: String, _ after: String) -> (String, String) {
        let old = before.split(separator: "\n", omittingEmptySubsequences: false)
        let new = after.split(separator: "\n", omittingEmptySubsequences: false)
        guard old.count == new.count else { return (before, after) }
        let changed = zip(old, new).filter { $0 != $1 }
        return (changed.map { String($0.0) }.joined(separator: "\n"), changed.map { String($0.1) }.joined(separator: "\n"))
    }

    /// Unsold keys per product, in one grouped query.
    func unusedCountsByProduct() async throws -> [Int: Int] {
        try await counts(groupedBy: "product_id", where: false, ids: nil)
    }

    /// Sold keys per price.
    func soldCounts(priceIDs: [Int]) async throws -> [Int: Int] {
        guard !priceIDs.isEmpty else { return [:] }
        return try await counts(groupedBy: "price_id", where: true, ids: priceIDs)
    }

    /// Keys counted per `column` (`price_id` or `product_id`), in SQL rather than SQLKit's
    /// builder: this runs on every catalogue screen, and building the query cost more than
    /// running it.
    func counts(groupedBy column: String, where isUsed: Bool, ids: [Int]?) async throws -> [Int: Int] {
        var query: SQLQueryString = "SELECT \(ident: column) AS owner, COUNT(*) AS key_count FROM product_keys WHERE is_used = \(bind: isUsed)"
        if let ids { query = query + " AND \(ident: column) IN (\(binds: ids))" }
        struct Count: Decodable {
            let owner: Int
            let keyCount: Int
        }
        let rows = try await database.sql.raw(query + " GROUP BY \(ident: column)").all(decoding: Count.self, with: .snakeCase)
        return Dictionary(rows.map { ($0.owner, $0.keyCount) }) { first, _ in first }
    }
}
