import FluentKit
import FluentSQL

/// The ledger. `balance_after` is never negative and an idempotency key books once.
struct CreateLedgerEntries: AsyncMigration {
    let name = "2026-11-25-05-create-ledger-entries"

    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("customer_id", .int, .required, .references(Customer.schema, .id, onDelete: .restrict))
            .field("delta", .int64, .required)
            .field("balance_after", .int64, .required)
            .field("reason", .string, .required)
            .field("actor_id", .int64)
            .field("order_id", .int, .references(Order.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "idempotency_key")
            .constraint(.sql(unsafeRaw: "CHECK (balance_after >= 0)"))
            .create()
        try await SQLIndex.create("ledger_entries_customer", on: LedgerEntry.schema, columns: ["customer_id", "id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LedgerEntry.schema).delete()
    }
}
