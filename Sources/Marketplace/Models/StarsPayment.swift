import FluentKit
import Foundation

/// A Telegram Stars payment, credited once: its charge id is unique.
public final class StarsPayment: Model, @unchecked Sendable {
    public static let schema = "stars_payments"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "telegram_payment_charge_id") public var chargeID: String
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "stars") public var stars: Int64
    /// Minor units of the shop's currency added to the balance.
    @Field(key: "credited") public var credited: Int64
    @Field(key: "payload") public var payload: String
    /// Set when a refund is claimed, with the balance debited in the same transaction; Telegram
    /// confirming it sets `refundConfirmedAt`. Claimed and unconfirmed is a refund to finish.
    @Field(key: "is_refunded") public var isRefunded: Bool
    @OptionalField(key: "refund_confirmed_at") public var refundConfirmedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
