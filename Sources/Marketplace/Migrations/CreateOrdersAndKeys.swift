import FluentKit
import FluentSQL

/// Orders and the key stock. A key belongs to at most one order, can't be stocked twice for one
/// product, and is either unused with no order or used with one.
struct CreateOrdersAndKeys: AsyncMigration {
    let name = "2026-11-25-04-create-orders-and-keys"

    func prepare(on database: any Database) async throws {
        try await database.schema(Order.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("customer_id", .int, .required, .references(Customer.schema, .id, onDelete: .restrict))
            .field("product_id", .int)
            .field("price_id", .int)
            .field("product_name", .string, .required)
            .field("duration_label", .string, .required)
            .field("quantity", .int, .required)
            .field("amount", .int64, .required)
            .field("status", .string, .required)
            .field("idempotency_key", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "idempotency_key")
            .constraint(.sql(unsafeRaw: "CHECK (quantity > 0 AND amount >= 0)"))
            .create()
        try await SQLIndex.create("orders_customer", on: Order.schema, columns: ["customer_id", "created_at"], in: database)

        try await database.schema(ProductKey.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("price_id", .int, .required, .references(ProductPrice.schema, .id, onDelete: .restrict))
            .field("product_id", .int, .required, .references(Product.schema, .id, onDelete: .restrict))
            .field("key_text", .string, .required)
            .field("is_used", .bool, .required)
            .field("order_id", .int, .references(Order.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "product_id", "key_text")
            .constraint(.sql(unsafeRaw: "CHECK ((is_used AND order_id IS NOT NULL) OR (NOT is_used AND order_id IS NULL))"))
            .create()
        try await SQLIndex.create("product_keys_stock", on: ProductKey.schema, columns: ["price_id", "is_used"], in: database)
        try await SQLIndex.create("product_keys_order", on: ProductKey.schema, columns: ["order_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProductKey.schema).delete()
        try await database.schema(Order.schema).delete()
    }
}
