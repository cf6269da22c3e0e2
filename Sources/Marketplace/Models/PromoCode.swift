import FluentKit
import Foundation

/// A promo code: a discount on a purchase, within limits of uses, time, products and order size.
/// Its uses are counted in the purchase's transaction, so the limit holds under a rush.
public final class PromoCode: Model, @unchecked Sendable {
    public static let schema = "promo_codes"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    /// Upper case, unique: customers type it in any case.
    @Field(key: "code") public var code: String
    /// A percentage off (1–100), or else `amount` off.
    @OptionalField(key: "percent") public var percent: Int?
    /// Minor units off.
    @OptionalField(key: "amount") public var amount: Int64?
    /// How many purchases may use it in all; nil: no limit.
    @OptionalField(key: "max_uses") public var maxUses: Int?
    /// How many purchases one customer may use it for.
    @Field(key: "per_customer") public var perCustomer: Int
    @OptionalField(key: "starts_at") public var startsAt: Date?
    @OptionalField(key: "ends_at") public var endsAt: Date?
    /// The smallest order (before the discount), in minor units, it applies to.
    @OptionalField(key: "min_order") public var minOrder: Int64?
    /// Whether resellers, who have prices of their own, may use it.
    @Field(key: "for_resellers") public var forResellers: Bool
    @Field(key: "is_paused") public var isPaused: Bool
    /// Purchases that used it and were not refunded.
    @Field(key: "uses") public var uses: Int
    @Field(key: "created_by") public var createdBy: Int64
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
