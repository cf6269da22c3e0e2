import FluentKit
import Foundation

/// One license key in stock for a price; sold once, to one order.
public final class ProductKey: Model, @unchecked Sendable {
    public static let schema = "product_keys"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "price_id") public var price: ProductPrice
    /// The product the price belongs to, kept here so one key can't be stocked twice per product.
    @Field(key: "product_id") public var productID: Int
    @Field(key: "key_text") public var keyText: String
    @Field(key: "is_used") public var isUsed: Bool
    @OptionalParent(key: "order_id") public var order: Order?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
