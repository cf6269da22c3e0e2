import FluentKit
import FluentSQL

/// What the admin panel's catalogue needs: archived products and prices, the audit log's
/// before and after, and the customers waiting for a price to be restocked.
struct AddCatalogueAdministration: AsyncMigration {
    let name = "2026-12-02-01-add-catalogue-administration"

    func prepare(on database: any Database) async throws {
        for schema in [Product.schema, ProductPrice.schema] {
            try await database.schema(schema).field("is_archived", .bool, .required, .sql(.default(false))).update()
        }
        // One column per statement: SQLite adds one at a time.
        try await database.schema(AuditEntry.schema).field("before", .string).update()
        try await database.schema(AuditEntry.schema).field("after", .string).update()
        try await database.schema(RestockRequest.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("telegram_id", .int64, .required)
            .field("price_id", .int, .required, .references(ProductPrice.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "price_id", "telegram_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RestockRequest.schema).delete()
        try await database.schema(AuditEntry.schema).deleteField("before").update()
        try await database.schema(AuditEntry.schema).deleteField("after").update()
        for schema in [Product.schema, ProductPrice.schema] {
            try await database.schema(schema).deleteField("is_archived").update()
        }
    }
}
