import BotRouting
import FluentKit
import FluentSQL
import Foundation

/// Conversation state in the shop's database, one row per chat and user, so a flow survives a
/// restart; the truth that ``CachedStateStorage`` caches.
public struct DatabaseStateStorage: StateStorage {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func state(for key: StorageKey) async throws -> String? {
        try await stateAndData(for: key).state
    }

    /// Both halves in one query, in SQL rather than through the model (read on every first tap
    /// of a chat, where the model's query building cost more than the query).
    public func stateAndData(for key: StorageKey) async throws -> (state: String?, data: [String: [UInt8]]) {
        struct Row: Decodable {
            let state: String?
            let data: String
        }
        guard
            let row = try await (database as! any SQLDatabase).raw(
                """
                SELECT state, data FROM conversation_states WHERE chat_id = \(bind: key.chatID) AND user_id = \(bind: key.userID)
                """
            ).first(decoding: Row.self)
        else { return (nil, [:]) }
        return (row.state, Self.values(in: row.data))
    }

    public func setState(_ state: String?, for key: StorageKey) async throws {
        try await upsert(key) { $0.state = state }
    }

    /// The flow's data: each value's JSON, by name.
    public func data(for key: StorageKey) async throws -> [String: [UInt8]] {
        try await stateAndData(for: key).data
    }

    private static func values(in text: String) -> [String: [UInt8]] {
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { return [:] }
        return object.mapValues { Array($0.utf8) }
    }

    public func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws {
        let object = data.mapValues { String(decoding: $0, as: UTF8.self) }
        let text = String(decoding: try JSONEncoder().encode(object), as: UTF8.self)
        try await upsert(key) { $0.data = text }
    }

    private func row(_ key: StorageKey) async throws -> ConversationState? {
        try await ConversationState.query(on: database).filter(\.$chatID == key.chatID).filter(\.$userID == key.userID).first()
    }

    private func upsert(_ key: StorageKey, _ change: (ConversationState) -> Void) async throws {
        if let existing = try await row(key) {
            change(existing)
            if existing.state == nil, existing.data == "{}" {
                try await existing.delete(on: database)
            } else {
                try await existing.save(on: database)
            }
            return
        }
        let created = ConversationState()
        created.chatID = key.chatID
        created.userID = key.userID
        created.data = "{}"
        change(created)
        guard created.state != nil || created.data != "{}" else { return }
        do {
            try await created.create(on: database)
        } catch {
            // Created at the same moment by the same user's other update: apply the change to that row.
            guard let existing = try await row(key) else { throw error }
            change(existing)
            try await existing.save(on: database)
        }
    }
}
