import FluentKit
import Foundation

/// A Telegram user who may run the shop. The root admin (`ROOT_ADMIN_ID`) needs no row.
public final class Admin: Model, @unchecked Sendable {
    public static let schema = "admins"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "telegram_id") public var telegramID: Int64
    @OptionalField(key: "username") public var username: String?
    @Field(key: "added_by") public var addedBy: Int64
    @Field(key: "role") public var role: AdminRole
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(telegramID: Int64, username: String?, role: AdminRole, addedBy: Int64) {
        self.telegramID = telegramID
        self.username = username
        self.role = role
        self.addedBy = addedBy
    }
}
