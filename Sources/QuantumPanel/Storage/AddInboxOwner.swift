import FluentKit

/// Which process received each update, so that processes sharing a database take over only the
/// updates of one that died, never those another is still handling.
struct AddInboxOwner: AsyncMigration {
    let name = "2026-12-03-01-add-inbox-owner"

    func prepare(on database: any Database) async throws {
        try await database.schema(DatabaseUpdateInbox.table).field("received_by", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DatabaseUpdateInbox.table).deleteField("received_by").update()
    }
}
