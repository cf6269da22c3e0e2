import FluentKit
import Foundation

/// A user's conversation state in a chat, kept so a multi-step flow survives a restart.
public final class ConversationState: Model, @unchecked Sendable {
    public static let schema = "conversation_states"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "chat_id") public var chatID: Int64
    @Field(key: "user_id") public var userID: Int64
    @OptionalField(key: "state") public var state: String?
    /// A JSON object: each value's own JSON, by name.
    @Field(key: "data") public var data: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
