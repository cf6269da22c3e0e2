import Foundation

/// A store for values that are cheaper to keep than to query: cache-aside, with expiry.
///
/// The cache may make the bot faster, never wrong: money and stock are always read from the
/// database, and every write path deletes what it changes.
public protocol Cache: Sendable {
    func get(_ key: String) async throws -> [UInt8]?
    func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws
    func delete(_ key: String) async throws
    /// Deletes every key starting with `prefix`.
    func deletePrefix(_ prefix: String) async throws
    /// Reserves an empty `key` for a load that is about to start: stores `token` there unless the
    /// key holds something. A ``delete(_:)`` (or prefix deletion) removes the lease.
    /// - Returns: whether the lease was taken.
    func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool
    /// Stores `value` only if `key` still holds the lease `token`: a write that deleted the key
    /// while the load was running wins, and the loaded (maybe stale) value is dropped.
    func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws
}

extension Cache {
    /// The layout version in front of every value: a deploy that changes a cached type bumps it,
    /// so old layouts are never read.
    static var formatVersion: UInt8 { 1 }

    /// The first byte of a lease: never a layout version.
    static var leaseMarker: UInt8 { 0 }

    /// The cached value for `key`, or `load()`'s, which is then cached for `ttl`.
    ///
    /// A value the cache can't read (another layout, garbage) counts as a miss. A `ttl` of zero
    /// turns caching off for that kind of value: `load()` answers every time.
    ///
    /// The key is leased before the load and the result stored only if the lease is still there,
    /// so a write path that deletes the key while a load is running (an admin removed between the
    /// load's query and its store) never leaves the old value cached for `ttl`.
    public func value<Value: Codable & Sendable>(for key: String, ttl: Duration, load: () async throws -> Value) async throws -> Value {
        guard ttl > .zero else { return try await load() }
        let cached = try await get(key)
        if let bytes = cached, bytes.first == Self.formatVersion,
            let value = try? JSONDecoder().decode(Value.self, from: Data(bytes.dropFirst()))
        {
            ShopMetrics.cacheLookup(hit: true)
            return value
        }
        ShopMetrics.cacheLookup(hit: false)
        let token = [Self.leaseMarker] + (0..<15).map { _ in UInt8.random(in: 0...255) }
        let leased: Bool
        if cached?.first == Self.leaseMarker {
            // Another load holds the lease: answer from the database without caching.
            leased = false
        } else {
            // Another layout or garbage: make room for the lease.
            if cached != nil { try await delete(key) }
            leased = try await lease(key, token: token, ttl: .seconds(30))
        }
        let value = try await load()
        if leased {
            try await fulfil(key, token: token, with: [Self.formatVersion] + Array(try JSONEncoder().encode(value)), ttl: ttl)
        }
        return value
    }
}

/// No cache: every read goes to the database.
public struct DisabledCache: Cache {
    public init() {}
    public func get(_ key: String) async throws -> [UInt8]? { nil }
    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws {}
    public func delete(_ key: String) async throws {}
    public func deletePrefix(_ prefix: String) async throws {}
    public func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool { false }
    public func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws {}
}

/// The cache key of each kind of value.
enum CacheKey {
    static func admin(_ telegramID: Int64) -> String { "admin:\(telegramID)" }
    static let sellers = "sellers:list"
    static let catalogue = "catalogue:visible"
    static func customer(_ telegramID: Int64) -> String { "customer:\(telegramID)" }
}
