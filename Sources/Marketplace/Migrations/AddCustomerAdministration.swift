import FluentKit
import FluentSQL

/// What the admin panel's customers and orders need: the reason an admin gave for a balance
/// change, refunds of single keys, and Stars refunds that Telegram has confirmed.
struct AddCustomerAdministration: AsyncMigration {
    let name = "2026-12-03-01-add-customer-administration"

    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerEntry.schema).field("note", .string).update()
        try await database.schema("stars_payments").field("refund_confirmed_at", .datetime).update()
        // Refunds from before were made by hand, outside the bot: there is nothing to finish.
        try await database.sql.raw("UPDATE stars_payments SET refund_confirmed_at = updated_at WHERE is_refunded").run()
        try await database.schema(KeyRefund.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("order_id", .int, .required, .references(Order.schema, .id))
            // No reference: a key put back in stock may be deleted later, the refund stays.
            .field("key_id", .int, .required)
            .field("key_text", .string, .required)
            .field("amount", .int64, .required)
            .field("disposition", .string, .required)
            .field("admin_id", .int64, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "order_id", "key_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KeyRefund.schema).delete()
        try await database.schema("stars_payments").deleteField("refund_confirmed_at").update()
        try await database.schema(LedgerEntry.schema).deleteField("note").update()
    }
}
