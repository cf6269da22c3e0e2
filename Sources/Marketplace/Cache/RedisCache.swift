import RedisClient

/// A cache in Redis, shared by every instance of the bot, under one key prefix.
public struct RedisCache: Cache {
    let redis: RedisClient
    /// Namespaces the shop's keys, so prefix deletion never touches anything else in Redis.
    public let namespace: String

    /// - Parameter namespace: the key prefix; ``namespace(botID:)`` for a bot's own.
    public init(redis: RedisClient, namespace: String) {
        self.redis = redis
        self.namespace = namespace
    }

    /// `qp:<bot id>:cache:`: each bot's keys apart, so two bots on one Redis share nothing.
    public static func namespace(botID: Int64) -> String {
        "qp:\(botID):cache:"
    }

    public func get(_ key: String) async throws -> [UInt8]? {
        try await redis.get(namespace + key)
    }

    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws {
        try await redis.set(namespace + key, to: value, expiresIn: ttl)
    }

    public func delete(_ key: String) async throws {
        try await redis.unlink([namespace + key])
    }

    public func deletePrefix(_ prefix: String) async throws {
        try await redis.deleteKeys(withPrefix: namespace + prefix)
    }
}
