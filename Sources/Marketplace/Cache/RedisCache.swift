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

    /// `qp:<bot id>:cache:<currency>:`: each bot's keys apart, so two bots on one Redis share
    /// nothing; and amounts cached in another currency (`CURRENCY` changed) are never read.
    public static func namespace(botID: Int64, currency: Currency) -> String {
        "qp:\(botID):cache:\(currency.code):"
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

    public func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool {
        try await redis.set(namespace + key, to: token, expiresIn: ttl, onlyIfAbsent: true)
    }

    /// Compare-and-set in one step on the server, so no delete can slip in between.
    static let fulfilScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
        return nil
        """

    public func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws {
        let milliseconds = max(1, ttl.components.seconds * 1000 + ttl.components.attoseconds / 1_000_000_000_000_000)
        _ = try await redis.send([
            "EVAL", .string(Self.fulfilScript), "1", .string(namespace + key), .bytes(token), .bytes(value), .string("\(milliseconds)"),
        ])
    }

    public func deletePrefix(_ prefix: String) async throws {
        try await redis.deleteKeys(withPrefix: namespace + prefix)
    }
}
