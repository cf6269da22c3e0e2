import FluentKit
import FluentSQL

/// The update inbox, which replaces the handled-ids table: an update is kept from the moment
/// it is received until it is handled, then remembered by id for a day.
struct CreateUpdateInbox: AsyncMigration {
    let name = "2026-12-01-01-create-update-inbox"

    func prepare(on database: any Database) async throws {
        try await database.schema(DatabaseUpdateInbox.table)
            .field("update_id", .int64, .identifier(auto: false))
            // The update's JSON while it waits; cleared once it is handled.
            .field("payload", .string)
            .field("received_at", .datetime, .required)
            .field("handled_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "update_inbox_received").on(DatabaseUpdateInbox.table).column("received_at").run()
        try await database.schema("processed_updates").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("processed_updates")
            .field("update_id", .int64, .identifier(auto: false))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(DatabaseUpdateInbox.table).delete()
    }
}
