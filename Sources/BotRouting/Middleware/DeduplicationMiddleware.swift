import Logging
import TelegramBotAPI
import Synchronization

/// Remembers which update ids were handled, so one delivered twice is handled once.
///
/// Memory now; the database and Redis stores come with their issues and must keep the same
/// contract: ``markSeen(_:)`` is true exactly once per id, even when called concurrently.
public protocol UpdateDeduplicationStore: Sendable {
    /// Records `updateID`; true the first time it is seen, false after.
    func markSeen(_ updateID: Int64) async throws -> Bool
}

/// Drops an update whose id was seen before.
public struct DeduplicationMiddleware: UpdateMiddleware {
    let store: any UpdateDeduplicationStore

    public init(store: any UpdateDeduplicationStore = MemoryDeduplicationStore()) {
        self.store = store
    }

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        guard try await store.markSeen(context.update.updateID) else {
            context.logger.info("Duplicate update dropped")
            return
        }
        try await next(context)
    }
}

/// Update ids in memory: the newest `capacity` ids, each kept at most `lifetime`.
public final class MemoryDeduplicationStore: UpdateDeduplicationStore {
    private struct State {
        var seen: Set<Int64> = []
        var order: [(id: Int64, at: ContinuousClock.Instant)] = []
        var head = 0
    }

    public let capacity: Int
    public let lifetime: Duration
    // Guards the ids and their arrival order, which expiry walks from the oldest.
    private let state = Mutex(State())

    public init(capacity: Int = 10_000, lifetime: Duration = .seconds(24 * 3600)) {
        precondition(capacity > 0, "the store keeps at least one id")
        self.capacity = capacity
        self.lifetime = lifetime
    }

    public func markSeen(_ updateID: Int64) async throws -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            while state.head < state.order.count,
                state.order.count - state.head >= capacity || state.order[state.head].at.duration(to: now) > lifetime
            {
                state.seen.remove(state.order[state.head].id)
                state.head += 1
            }
            if state.head > capacity {
                state.order.removeFirst(state.head)
                state.head = 0
            }
            guard state.seen.insert(updateID).inserted else { return false }
            state.order.append((updateID, now))
            return true
        }
    }
}
