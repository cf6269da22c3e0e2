import FluentKit
import Foundation

/// One change of a customer's balance. The balance always equals the sum of `delta`.
///
/// `balanceAfter` is the previous balance plus `delta` and is never negative: `LedgerService`
/// writes it in the same transaction as the balance, and the `CreateLedgerEntries` migration
/// enforces it with a CHECK.
public final class LedgerEntry: Model, @unchecked Sendable {
    public static let schema = "ledger_entries"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "customer_id") public var customer: Customer
    @Field(key: "delta") public var delta: Int64
    @Field(key: "balance_after") public var balanceAfter: Int64
    @Field(key: "reason") public var reason: LedgerReason
    /// Telegram id of who caused it: the customer, or the admin who credited.
    @OptionalField(key: "actor_id") public var actorID: Int64?
    /// What the admin told the customer, for an admin's credit or debit.
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "order_id") public var orderID: Int?
    /// Unique: the same credit or payment can't be booked twice.
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
