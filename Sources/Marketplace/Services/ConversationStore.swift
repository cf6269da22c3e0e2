import FluentKit
import FluentSQL
import Foundation

/// Conversation states in the database, one row per chat and user.
public struct ConversationStore: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    public func state(chatID: Int64, userID: Int64) async throws -> String? {
        try await row(chatID, userID)?.state
    }

    public func setState(_ state: String?, chatID: Int64, userID: Int64) async throws {
        try await upsert(chatID, userID) { $0.state = state }
    }

    /// The flow's data: each value's JSON, by name.
    public func data(chatID: Int64, userID: Int64) async throws -> [String: [UInt8]] {
        guard let text = try await row(chatID, userID)?.data,
            let object = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        else { return [:] }
        return object.mapValues { Array($0.utf8) }
    }

    public func setData(_ data: [String: [UInt8]], chatID: Int64, userID: Int64) async throws {
        let object = data.mapValues { String(decoding: $0, as: UTF8.self) }
        let text = String(decoding: try JSONEncoder().encode(object), as: UTF8.self)
        try await upsert(chatID, userID) { $0.data = text }
    }

    private func row(_ chatID: Int64, _ userID: Int64) async throws -> ConversationState? {
        try await ConversationState.query(on: database).filter(\.$chatID == chatID).filter(\.$userID == userID).first()
    }

    private func upsert(_ chatID: Int64, _ userID: Int64, _ change: (ConversationState) -> Void) async throws {
        if let existing = try await row(chatID, userID) {
            change(existing)
            if existing.state == nil, existing.data == "{}" {
                try await existing.delete(on: database)
            } else {
                try await existing.save(on: database)
            }
            return
        }
        let created = ConversationState()
        created.chatID = chatID
        created.userID = userID
        created.data = "{}"
        change(created)
        guard created.state != nil || created.data != "{}" else { return }
        do {
            try await created.create(on: database)
        } catch {
            // Created at the same moment by the same user's other update: apply the change to that row.
            guard let existing = try await row(chatID, userID) else { throw error }
            change(existing)
            try await existing.save(on: database)
        }
    }
}
