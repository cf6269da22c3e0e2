import FluentKit
import Foundation

/// A user's conversation state in a chat, kept so a multi-step flow survives a restart. Its
/// table was created by the shop's `CreateBotState` migration, before this moved here.
final class ConversationState: Model, @unchecked Sendable {
    static let schema = "conversation_states"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "chat_id") var chatID: Int64
    @Field(key: "user_id") var userID: Int64
    @OptionalField(key: "state") var state: String?
    /// A JSON object: each value's own JSON, by name.
    @Field(key: "data") var data: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
