import FluentKit
import FluentSQL

/// Top-ups through a payment provider, one row per invoice.
struct CreateTopUps: AsyncMigration {
    let name = "2026-12-07-01-create-top-ups"

    func prepare(on database: any Database) async throws {
        try await database.schema(TopUp.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("provider", .string, .required)
            .field("invoice_id", .string)
            .field("customer_id", .int, .required, .references(Customer.schema, .id))
            .field("request_key", .string)
            .field("amount", .int64, .required)
            .field("state", .string, .required)
            .field("pay_url", .string)
            .field("expires_at", .datetime, .required)
            .field("paid_at", .datetime)
            .field("credited_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "provider", "invoice_id")
            .unique(on: "request_key")
            .constraint(.sql(unsafeRaw: "CHECK (amount > 0)"))
            .create()
        // Reconciliation looks for open top-ups; the panel lists a customer's, newest first.
        try await database.sql.raw("CREATE INDEX top_ups_by_state ON top_ups (provider, state, expires_at)").run()
        try await database.sql.raw("CREATE INDEX top_ups_by_customer ON top_ups (customer_id, id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TopUp.schema).delete()
    }
}
