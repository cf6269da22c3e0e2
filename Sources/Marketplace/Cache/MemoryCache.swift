import Synchronization

/// A cache in the process: the default without Redis. Bounded: past `capacity` entries, expired
/// ones go first, then the oldest.
public final class MemoryCache: Cache {
    private struct Entry {
        var value: [UInt8]
        var expiresAt: ContinuousClock.Instant
        var storedAt: UInt64
    }

    public let capacity: Int
    // Guards the entries and the insertion counter that orders eviction.
    private let state = Mutex<(entries: [String: Entry], counter: UInt64)>(([:], 0))

    public init(capacity: Int = 10_000) {
        precondition(capacity > 0, "a cache holds at least one entry")
        self.capacity = capacity
    }

    public func get(_ key: String) async throws -> [UInt8]? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.expiresAt > now else {
                state.entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws {
        let now = ContinuousClock.now
        state.withLock { store(value, at: key, ttl: ttl, now: now, in: &$0) }
    }

    /// Stores one entry, making room first when the cache is full.
    private func store(
        _ value: [UInt8], at key: String, ttl: Duration, now: ContinuousClock.Instant, in state: inout (entries: [String: Entry], counter: UInt64)
    ) {
        if state.entries[key] == nil, state.entries.count >= capacity {
            state.entries = state.entries.filter { $0.value.expiresAt > now }
            if state.entries.count >= capacity, let oldest = state.entries.min(by: { $0.value.storedAt < $1.value.storedAt })?.key {
                state.entries[oldest] = nil
            }
        }
        state.counter += 1
        state.entries[key] = Entry(value: value, expiresAt: now + ttl, storedAt: state.counter)
    }

    public func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            if let entry = state.entries[key], entry.expiresAt > now { return false }
            store(token, at: key, ttl: ttl, now: now, in: &state)
            return true
        }
    }

    public func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws {
        let now = ContinuousClock.now
        state.withLock { state in
            guard let entry = state.entries[key], entry.value == token, entry.expiresAt > now else { return }
            store(value, at: key, ttl: ttl, now: now, in: &state)
        }
    }

    public func delete(_ key: String) async throws {
        _ = state.withLock { $0.entries.removeValue(forKey: key) }
    }

    public func deletePrefix(_ prefix: String) async throws {
        state.withLock { state in
            state.entries = state.entries.filter { !$0.key.hasPrefix(prefix) }
        }
    }

    /// Entries held now, expired ones included until they are next touched.
    public var count: Int { state.withLock { $0.entries.count } }
}
