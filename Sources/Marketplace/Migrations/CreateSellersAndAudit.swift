import FluentKit

struct CreateSellersAndAudit: AsyncMigration {
    let name = "2026-11-25-06-create-sellers-and-audit"

    func prepare(on database: any Database) async throws {
        try await database.schema(TrustedSeller.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("telegram_id", .int64)
            .field("display_name", .string, .required)
            .field("note", .string)
            .field("sort_order", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(AuditEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("admin_id", .int64, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        try await database.schema(TrustedSeller.schema).delete()
    }
}
