import FluentKit
import Foundation

/// Something the shop sells, in one or more durations (``ProductPrice``).
public final class Product: Model, @unchecked Sendable {
    public static let schema = "products"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "description") public var details: String
    @OptionalField(key: "photo_file_id") public var photoFileID: String?
    @Field(key: "is_premium_only") public var isPremiumOnly: Bool
    @Field(key: "is_visible") public var isVisible: Bool
    @Field(key: "sort_order") public var sortOrder: Int
    /// Kept for the orders that name it, and out of every customer's sight.
    @Field(key: "is_archived") public var isArchived: Bool
    @Children(for: \.$product) public var prices: [ProductPrice]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
