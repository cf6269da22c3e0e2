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
}

extension Cache {
    /// The layout version in front of every value: a deploy that changes a cached type bumps it,
    /// so old layouts are never read.
    static var formatVersion: UInt8 { 1 }

    /// The cached value for `key`, or `load()`'s, which is then cached for `ttl`.
    ///
    /// A value the cache can't read (another layout, garbage) counts as a miss. A `ttl` of zero
    /// turns caching off for that kind of value: `load()` answers every time.
    public func value<Value: Codable & Sendable>(for key: String, ttl: Duration, load: () async throws -> Value) async throws -> Value {
        guard ttl > .zero else { return try await load() }
        if let bytes = try await get(key), bytes.first == Self.formatVersion,
            let value = try? JSONDecoder().decode(Value.self, from: Data(bytes.dropFirst()))
        {
            return value
        }
        let value = try await load()
        try await set(key, [Self.formatVersion] + Array(try JSONEncoder().encode(value)), ttl: ttl)
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
}

/// The cache key of each kind of value.
enum CacheKey {
    static func admin(_ telegramID: Int64) -> String { "admin:\(telegramID)" }
    static let sellers = "sellers:list"
    static let catalogue = "catalogue:visible"
    static func customer(_ telegramID: Int64) -> String { "customer:\(telegramID)" }
}
