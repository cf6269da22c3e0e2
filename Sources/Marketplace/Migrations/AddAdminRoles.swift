import FluentKit
import FluentSQL

/// Staff roles: every admin added before roles existed could do everything, so is an owner.
struct AddAdminRoles: AsyncMigration {
    let name = "2026-12-07-01-add-admin-roles"

    func prepare(on database: any Database) async throws {
        try await database.schema(Admin.schema).field("role", .string, .required, .sql(.default(AdminRole.owner.rawValue))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Admin.schema).deleteField("role").update()
    }
}
