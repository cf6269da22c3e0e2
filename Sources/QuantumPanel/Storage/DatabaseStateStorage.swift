import BotRouting
import FluentKit
import Marketplace

/// Conversation state in the shop's database, so a flow survives a restart.
public struct DatabaseStateStorage: StateStorage {
    let store: ConversationStore

    public init(database: any Database) {
        store = ConversationStore(database: database)
    }

    public func state(for key: StorageKey) async throws -> String? {
        try await store.state(chatID: key.chatID, userID: key.userID)
    }

    public func setState(_ state: String?, for key: StorageKey) async throws {
        try await store.setState(state, chatID: key.chatID, userID: key.userID)
    }

    public func data(for key: StorageKey) async throws -> [String: [UInt8]] {
        try await store.data(chatID: key.chatID, userID: key.userID)
    }

    public func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws {
        try await store.setData(data, chatID: key.chatID, userID: key.userID)
    }
}
