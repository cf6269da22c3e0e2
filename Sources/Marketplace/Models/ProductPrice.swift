import FluentKit
import Foundation

/// One duration of a product and its price: "1 month", "Lifetime".
public final class ProductPrice: Model, @unchecked Sendable {
    public static let schema = "product_prices"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "product_id") public var product: Product
    @Field(key: "duration_label") public var durationLabel: String
    /// nil for lifetime.
    @OptionalField(key: "duration_days") public var durationDays: Int?
    /// Minor units.
    @Field(key: "price") public var price: Int64
    /// What resellers pay instead, when set.
    @OptionalField(key: "reseller_price") public var resellerPrice: Int64?
    @Field(key: "is_visible") public var isVisible: Bool
    @Field(key: "sort_order") public var sortOrder: Int
    /// Kept for the orders and keys that name it, and out of every customer's sight.
    @Field(key: "is_archived") public var isArchived: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
