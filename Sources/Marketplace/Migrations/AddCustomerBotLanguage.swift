import FluentKit

/// The language a customer picked in the bot, kept apart from Telegram's `language_code`, which
/// every `/start` refreshes and which must not undo the customer's choice.
struct AddCustomerBotLanguage: AsyncMigration {
    let name = "2026-11-25-08-add-customer-bot-language"

    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema).field("bot_language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).deleteField("bot_language").update()
    }
}
