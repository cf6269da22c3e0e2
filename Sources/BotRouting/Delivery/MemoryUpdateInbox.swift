import Synchronization
import TelegramBotAPI

/// Updates in the process's memory: duplicates are dropped while it lives, but a crash loses
/// what was in flight. For tests; the bot keeps its inbox in the database.
public final class MemoryUpdateInbox: UpdateInbox {
    private struct State {
        var pending: [Int64: Update] = [:]
        var handled: Set<Int64> = []
        /// Handled ids in the order they were handled, so the oldest are forgotten first.
        var handledOrder: [Int64] = []
    }

    /// Handled ids remembered; Telegram redelivers only recent updates.
    public let capacity: Int
    // Guards the pending updates and the handled ids.
    private let state = Mutex(State())

    public init(capacity: Int = 10_000) {
        precondition(capacity > 0, "the inbox remembers at least one handled id")
        self.capacity = capacity
    }

    public func receive(_ updates: [Update]) async throws -> [Update] {
        state.withLock { state in
            updates.filter { update in
                guard !state.handled.contains(update.updateID), state.pending[update.updateID] == nil else { return false }
                state.pending[update.updateID] = update
                return true
            }
        }
    }

    public func markHandled(_ updateID: Int64) async throws {
        state.withLock { state in
            state.pending[updateID] = nil
            guard state.handled.insert(updateID).inserted else { return }
            state.handledOrder.append(updateID)
            if state.handledOrder.count > capacity * 2 {
                let forgotten = state.handledOrder.count - capacity
                for id in state.handledOrder.prefix(forgotten) { state.handled.remove(id) }
                state.handledOrder.removeFirst(forgotten)
            }
        }
    }

    public func unhandled() async throws -> [Update] {
        state.withLock { $0.pending.values.sorted { $0.updateID < $1.updateID } }
    }
}
