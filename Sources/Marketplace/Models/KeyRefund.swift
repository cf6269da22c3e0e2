import FluentKit
import Foundation

/// One key of an order refunded to the customer's balance; unique per order and key, so a key
/// is refunded once. The key's text is copied: a key put back in stock leaves the order.
public final class KeyRefund: Model, @unchecked Sendable {
    public static let schema = "key_refunds"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "order_id") public var orderID: Int
    @Field(key: "key_id") public var keyID: Int
    @Field(key: "key_text") public var keyText: String
    /// Minor units given back for this key: its share of the order's amount.
    @Field(key: "amount") public var amount: Int64
    /// A ``RefundDisposition``'s raw value.
    @Field(key: "disposition") public var disposition: RefundDisposition
    @Field(key: "admin_id") public var adminID: Int64
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
