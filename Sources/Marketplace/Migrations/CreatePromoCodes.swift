import FluentKit
import FluentSQL

/// Promo codes, the products a code is limited to, each purchase that used one, and the code a
/// customer keeps for their next confirmation.
struct CreatePromoCodes: AsyncMigration {
    let name = "2026-12-08-02-create-promo-codes"

    func prepare(on database: any Database) async throws {
        try await database.schema(PromoCode.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("percent", .int)
            .field("amount", .int64)
            .field("max_uses", .int)
            .field("per_customer", .int, .required)
            .field("starts_at", .datetime)
            .field("ends_at", .datetime)
            .field("min_order", .int64)
            .field("for_resellers", .bool, .required)
            .field("is_paused", .bool, .required)
            .field("uses", .int, .required)
            .field("created_by", .int64, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            // Whatever the code does: one kind of discount, and never more uses than allowed.
            .constraint(
                .sql(
                    unsafeRaw: """
                        CHECK ((percent IS NULL) <> (amount IS NULL) AND (percent IS NULL OR percent BETWEEN 1 AND 100) \
                        AND (amount IS NULL OR amount > 0) AND per_customer > 0 AND uses >= 0 AND (max_uses IS NULL OR uses <= max_uses))
                        """)
            )
            .create()
        try await database.schema("promo_code_products")
            .field("promo_code_id", .int, .required, .references(PromoCode.schema, .id, onDelete: .cascade))
            .field("product_id", .int, .required, .references(Product.schema, .id, onDelete: .cascade))
            .unique(on: "promo_code_id", "product_id")
            .create()
        try await database.schema("promo_uses")
            .field(.id, .int, .identifier(auto: true))
            .field("promo_code_id", .int, .required, .references(PromoCode.schema, .id))
            .field("customer_id", .int, .required, .references(Customer.schema, .id))
            .field("order_id", .int, .required, .references(Order.schema, .id))
            .field("discount", .int64, .required)
            .field("returned_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "order_id")
            .create()
        try await database.sql.raw("CREATE INDEX promo_uses_by_code ON promo_uses (promo_code_id, customer_id)").run()
        try await database.schema(Customer.schema).field("promo_code", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).deleteField("promo_code").update()
        try await database.schema("promo_uses").delete()
        try await database.schema("promo_code_products").delete()
        try await database.schema(PromoCode.schema).delete()
    }
}
