import FluentKit
import Foundation

/// A customer who found a price out of stock and asked to be told when it is back.
public final class RestockRequest: Model, @unchecked Sendable {
    public static let schema = "restock_requests"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "telegram_id") public var telegramID: Int64
    @Parent(key: "price_id") public var price: ProductPrice
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
