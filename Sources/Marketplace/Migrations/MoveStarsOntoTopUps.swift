import FluentKit
import FluentSQL

/// Stars top-ups become top-ups like any provider's: each Stars payment moves to `top_ups`,
/// its charge id as the invoice id, with the Stars it cost and its refund, and `stars_payments`
/// goes. Their ledger entries keep the key they were credited under (`stars:<charge>`); the
/// charge id stays unique per provider, so none is credited again.
struct MoveStarsOntoTopUps: AsyncMigration {
    let name = "2026-12-08-01-move-stars-onto-top-ups"

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds no more.
        try await database.schema(TopUp.schema).field("price", .int64).update()
        try await database.schema(TopUp.schema).field("refund_confirmed_at", .datetime).update()
        try await database.sql.raw(
            """
            INSERT INTO top_ups (provider, invoice_id, customer_id, request_key, amount, state, price, expires_at, paid_at, credited_at,
                refund_confirmed_at, created_at, updated_at)
            SELECT 'stars', telegram_payment_charge_id, customer_id, NULL, credited,
                CASE WHEN is_refunded THEN 'refunded' ELSE 'credited' END, stars,
                COALESCE(created_at, updated_at), created_at, created_at, refund_confirmed_at, created_at, updated_at
            FROM stars_payments ORDER BY id
            """
        ).run()
        try await database.schema("stars_payments").delete()
    }

    func revert(on database: any Database) async throws {
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
            .field("refund_confirmed_at", .datetime)
            .unique(on: "telegram_payment_charge_id")
            .create()
        try await database.sql.raw(
            """
            INSERT INTO stars_payments (telegram_payment_charge_id, customer_id, stars, credited, payload, is_refunded, created_at, updated_at,
                refund_confirmed_at)
            SELECT invoice_id, customer_id, price, amount, '', state = 'refunded', created_at, updated_at, refund_confirmed_at
            FROM top_ups WHERE provider = 'stars' AND invoice_id IS NOT NULL AND state IN ('credited', 'refunded') ORDER BY id
            """
        ).run()
        try await database.sql.raw("DELETE FROM top_ups WHERE provider = 'stars'").run()
        try await database.schema(TopUp.schema).deleteField("refund_confirmed_at").update()
        try await database.schema(TopUp.schema).deleteField("price").update()
    }
}
