import FluentKit

struct CreateAdmins: AsyncMigration {
    let name = "2026-11-25-02-create-admins"

    func prepare(on database: any Database) async throws {
        try await database.schema(Admin.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("telegram_id", .int64, .required)
            .field("username", .string)
            .field("added_by", .int64, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "telegram_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Admin.schema).delete()
    }
}
