import FluentKit

/// What the bot itself keeps: conversation states, handled update ids and Stars payments.
///
/// Shipped before the bot's plumbing moved to `QuantumPanel/Storage`, so it stays here, as it
/// ran, and names its tables by string; the bot's later tables are migrated there.
struct CreateBotState: AsyncMigration {
    let name = "2026-11-25-07-create-bot-state"

    func prepare(on database: any Database) async throws {
        try await database.schema("conversation_states")
            .field(.id, .int, .identifier(auto: true))
            .field("chat_id", .int64, .required)
            .field("user_id", .int64, .required)
            .field("state", .string)
            .field("data", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "chat_id", "user_id")
            .create()
        try await database.schema("processed_updates")
            .field("update_id", .int64, .identifier(auto: false))
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("processed_updates_created", on: "processed_updates", columns: ["created_at"], in: database)
        try await database.schema("stars_payments")
            .field(.id, .int, .identifier(auto: true))
            .field("telegram_payment_charge_id", .string, .required)
            .field("customer_id", .int, .required, .references(Customer.schema, .id, onDelete: .restrict))
            .field("stars", .int64, .required)
            .field("credited", .int64, .required)
            .field("payload", .string, .required)
            .field("is_refunded", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "telegram_payment_charge_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("stars_payments").delete()
        try await database.schema("processed_updates").delete()
        try await database.schema("conversation_states").delete()
    }
}
