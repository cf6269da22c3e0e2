import FluentKit
import FluentSQL

/// Products and their prices; a price can't outlive its product, nor be negative.
struct CreateCatalogue: AsyncMigration {
    let name = "2026-11-25-03-create-catalogue"

    func prepare(on database: any Database) async throws {
        try await database.schema(Product.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("photo_file_id", .string)
            .field("is_premium_only", .bool, .required)
            .field("is_visible", .bool, .required)
            .field("sort_order", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ProductPrice.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("product_id", .int, .required, .references(Product.schema, .id, onDelete: .restrict))
            .field("duration_label", .string, .required)
            .field("duration_days", .int)
            .field("price", .int64, .required)
            .field("reseller_price", .int64)
            .field("is_visible", .bool, .required)
            .field("sort_order", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .constraint(.sql(unsafeRaw: "CHECK (price >= 0 AND (reseller_price IS NULL OR reseller_price >= 0))"))
            .create()
        try await SQLIndex.create("product_prices_product", on: ProductPrice.schema, columns: ["product_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProductPrice.schema).delete()
        try await database.schema(Product.schema).delete()
    }
}
