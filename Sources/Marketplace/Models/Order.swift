import FluentKit
import Foundation

/// A purchase: who bought what, for how much, and which keys were delivered. Product name and
/// duration are copied, so the history survives edits and deletions of the catalogue.
public final class Order: Model, @unchecked Sendable {
    public static let schema = "orders"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "customer_id") public var customer: Customer
    @OptionalField(key: "product_id") public var productID: Int?
    @OptionalField(key: "price_id") public var priceID: Int?
    @Field(key: "product_name") public var productName: String
    @Field(key: "duration_label") public var durationLabel: String
    @Field(key: "quantity") public var quantity: Int
    /// Minor units paid in all.
    @Field(key: "amount") public var amount: Int64
    @Field(key: "status") public var status: OrderStatus
    /// A repeated request with the same key returns this order instead of buying again.
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @Children(for: \.$order) public var keys: [ProductKey]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
