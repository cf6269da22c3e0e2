import BotRouting
import Marketplace

/// Conversation state whose truth is the database, with a cache (Redis, or the process's memory)
/// in front of it for reads.
///
/// Every write goes to the database first and then clears the cached copy, so the cache never
/// holds a state the database doesn't. When Redis errors or times out, the ``DegradingCache``
/// in front of it misses and the database answers: a dialog in progress when Redis dies is still
/// in progress, and goes on from the same step when Redis is back.
public struct CachedStateStorage: StateStorage {
    let database: DatabaseStateStorage
    let cache: any Cache
    let ttl: Duration

    /// What one chat and user's cached entry holds: both halves, so one cache read answers either.
    struct Entry: Codable, Sendable {
        var state: String?
        var data: [String: [UInt8]]
    }

    /// - Parameter ttl: how long a state stays cached; writes clear it at once whatever this is.
    public init(database: DatabaseStateStorage, cache: any Cache, ttl: Duration = .seconds(600)) {
        self.database = database
        self.cache = cache
        self.ttl = ttl
    }

    static func cacheKey(_ key: StorageKey) -> String { "fsm:\(key.chatID):\(key.userID)" }

    private func entry(_ key: StorageKey) async throws -> Entry {
        try await cache.value(for: Self.cacheKey(key), ttl: ttl) {
            let (state, data) = try await database.stateAndData(for: key)
            return Entry(state: state, data: data)
        }
    }

    public func state(for key: StorageKey) async throws -> String? {
        try await entry(key).state
    }

    public func setState(_ state: String?, for key: StorageKey) async throws {
        // Most taps clear a state that isn't there: when the copy (never ahead of the database;
        // loaded and kept if it wasn't cached) already says so, there is nothing to write.
        if try await entry(key).state == state { return }
        try await database.setState(state, for: key)
        try await cache.delete(Self.cacheKey(key))
    }

    public func data(for key: StorageKey) async throws -> [String: [UInt8]] {
        try await entry(key).data
    }

    public func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws {
        if try await entry(key).data == data { return }
        try await database.setData(data, for: key)
        try await cache.delete(Self.cacheKey(key))
    }
}
