import BotRouting
import FluentKit
import Foundation
import Marketplace

/// Handled update ids in the shop's database: an update delivered again after a restart is
/// still handled once. Ids older than a day are pruned now and then, since Telegram keeps an
/// update for 24 hours at most.
public struct DatabaseDeduplicationStore: UpdateDeduplicationStore {
    let store: ProcessedUpdateStore

    public init(database: any Database) {
        store = ProcessedUpdateStore(database: database)
    }

    public func markSeen(_ updateID: Int64) async throws -> Bool {
        let isNew = try await store.markSeen(updateID)
        if isNew, updateID % 1000 == 0 {
            try await store.prune(olderThan: Date().addingTimeInterval(-86_400))
        }
        return isNew
    }
}
