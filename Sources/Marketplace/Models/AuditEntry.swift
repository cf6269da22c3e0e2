import FluentKit
import Foundation

/// A record of an admin's change to the shop: who (`admin_id`; 0 is the command line), what,
/// to what, and the details.
public final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "admin_id") public var adminID: Int64
    @Field(key: "action") public var action: String
    @Field(key: "subject") public var subject: String
    @Field(key: "details") public var details: String
    /// What the changed field held before and holds after, when one field changed.
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
