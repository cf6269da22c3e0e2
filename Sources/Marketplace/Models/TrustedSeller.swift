import FluentKit
import Foundation

/// A seller the shop vouches for, shown to customers as another way to top up.
public final class TrustedSeller: Model, @unchecked Sendable {
    public static let schema = "trusted_sellers"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "username") public var username: String
    @OptionalField(key: "telegram_id") public var telegramID: Int64?
    @Field(key: "display_name") public var displayName: String
    @OptionalField(key: "note") public var note: String?
    @Field(key: "sort_order") public var sortOrder: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
