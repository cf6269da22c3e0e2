import FluentKit
import FluentSQL

/// Broadcasts with their recipients, and the customers who blocked the bot.
struct AddBroadcasts: AsyncMigration {
    let name = "2026-12-03-02-add-broadcasts"

    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema).field("is_blocked", .bool, .required, .sql(.default(false))).update()
        try await database.schema(Broadcast.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("admin_id", .int64, .required)
            .field("text", .string, .required)
            .field("photo_file_id", .string)
            .field("button_text", .string)
            .field("button_url", .string)
            .field("audience", .string, .required)
            .field("product_id", .int)
            .field("is_paid", .bool, .required)
            .field("status", .string, .required)
            .field("progress_chat_id", .int64)
            .field("progress_message_id", .int64)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(BroadcastDelivery.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("broadcast_id", .int, .required, .references(Broadcast.schema, .id, onDelete: .cascade))
            .field("telegram_id", .int64, .required)
            .field("state", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "broadcast_id", "telegram_id")
            .create()
        // The sender takes the next pending recipients of a broadcast, and counts them by state.
        try await database.sql.raw("CREATE INDEX broadcast_deliveries_by_state ON broadcast_deliveries (broadcast_id, state, id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BroadcastDelivery.schema).delete()
        try await database.schema(Broadcast.schema).delete()
        try await database.schema(Customer.schema).deleteField("is_blocked").update()
    }
}
