import FluentKit
import FluentSQL

/// Customers, with the balance CHECK that keeps it from going below zero whatever the code does.
struct CreateCustomers: AsyncMigration {
    let name = "2026-11-25-01-create-customers"

    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("telegram_id", .int64, .required)
            .field("username", .string)
            .field("first_name", .string, .required)
            .field("language_code", .string)
            .field("balance", .int64, .required)
            .field("is_premium", .bool, .required)
            .field("premium_since", .datetime)
            .field("is_reseller", .bool, .required)
            .field("is_banned", .bool, .required)
            .field("last_seen_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "telegram_id")
            .constraint(.sql(unsafeRaw: "CHECK (balance >= 0)"))
            .create()
        try await SQLIndex.create("customers_username", on: Customer.schema, columns: ["username"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).delete()
    }
}

/// Indexes, which Fluent's schema builder doesn't make.
enum SQLIndex {
    static func create(_ name: String, on table: String, columns: [String], unique: Bool = false, in database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        var builder = sql.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
