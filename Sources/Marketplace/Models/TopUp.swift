import FluentKit
import Foundation

/// A balance top-up through a payment provider (Telegram Stars, Crypto Pay), from before the
/// customer sees a Pay button to the credit. Unique per provider and invoice; its credit is the ledger entry keyed
/// `topup:<provider>:<invoice id>`, so it is credited once whoever sees the payment first.
public final class TopUp: Model, @unchecked Sendable {
    public static let schema = "top_ups"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    /// A ``TopUpProviderID``'s raw value.
    @Field(key: "provider") public var provider: String
    /// The provider's invoice id; nil until the provider has made the invoice. A Stars invoice is
    /// named by its charge, so a Stars top-up has one once paid.
    @OptionalField(key: "invoice_id") public var invoiceID: String?
    @Parent(key: "customer_id") public var customer: Customer
    /// Unique: the request that opened it (the customer's press), so the same request handled
    /// again after a crash shows the same invoice instead of making another.
    @OptionalField(key: "request_key") public var requestKey: String?
    /// Minor units of the shop's currency: what the invoice asks and the balance gains.
    @Field(key: "amount") public var amount: Int64
    /// What the provider charges in its own unit when that isn't the shop's currency: the Stars
    /// of a Stars top-up.
    @OptionalField(key: "price") public var price: Int64?
    /// Stored as its raw value; a value this version doesn't know fails the read.
    @Field(key: "state") public var state: TopUpState
    /// Where the customer pays.
    @OptionalField(key: "pay_url") public var payURL: String?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "paid_at") public var paidAt: Date?
    @OptionalField(key: "credited_at") public var creditedAt: Date?
    /// The provider said the payment went back (state ``TopUpState/refunded``); until then the
    /// refund is to be finished.
    @OptionalField(key: "refund_confirmed_at") public var refundConfirmedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// Where a top-up is on its way to the balance.
public enum TopUpState: String, Sendable, Codable, CaseIterable {
    /// Stored; the invoice is being made or waits for the payment.
    case created
    /// The provider says it is paid; the credit follows in the same transaction, so a top-up is
    /// seen paid and not credited only when the credit was refused (a customer since deleted).
    case paid
    case credited
    /// Given back through the provider (Stars): the balance was debited when the refund was asked.
    case refunded
    /// Not paid in time.
    case expired
    /// The provider couldn't make the invoice.
    case cancelled
}

/// The payment providers a top-up goes through.
public enum TopUpProviderID: String, Sendable, Codable, CaseIterable {
    case stars
    case cryptoPay = "cryptopay"
}
