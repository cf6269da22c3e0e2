import BotRouting
import Foundation
import RedisClient

/// Conversation state in Redis, shared by every instance of the bot. A flow left unfinished
/// expires after 30 days.
public struct RedisStateStorage: StateStorage {
    let redis: RedisClient
    let namespace: String
    static let lifetime = Duration.seconds(30 * 86_400)

    public init(redis: RedisClient, namespace: String = "qp:fsm:") {
        self.redis = redis
        self.namespace = namespace
    }

    private func key(_ key: StorageKey, _ part: String) -> String {
        "\(namespace)\(key.chatID):\(key.userID):\(part)"
    }

    public func state(for key: StorageKey) async throws -> String? {
        try await redis.get(self.key(key, "state")).map { String(decoding: $0, as: UTF8.self) }
    }

    public func setState(_ state: String?, for key: StorageKey) async throws {
        if let state {
            try await redis.set(self.key(key, "state"), to: Array(state.utf8), expiresIn: Self.lifetime)
        } else {
            try await redis.delete([self.key(key, "state")])
        }
    }

    public func data(for key: StorageKey) async throws -> [String: [UInt8]] {
        guard let bytes = try await redis.get(self.key(key, "data")),
            let object = try? JSONDecoder().decode([String: String].self, from: Data(bytes))
        else { return [:] }
        return object.mapValues { Array($0.utf8) }
    }

    public func setData(_ data: [String: [UInt8]], for key: StorageKey) async throws {
        guard !data.isEmpty else {
            try await redis.delete([self.key(key, "data")])
            return
        }
        let object = data.mapValues { String(decoding: $0, as: UTF8.self) }
        try await redis.set(self.key(key, "data"), to: Array(try JSONEncoder().encode(object)), expiresIn: Self.lifetime)
    }
}

/// Handled update ids in Redis: `SET … NX` answers "first time?" atomically, and each id expires
/// after a day, since Telegram keeps an update for 24 hours at most.
public struct RedisDeduplicationStore: UpdateDeduplicationStore {
    let redis: RedisClient
    let namespace: String

    public init(redis: RedisClient, namespace: String = "qp:update:") {
        self.redis = redis
        self.namespace = namespace
    }

    public func markSeen(_ updateID: Int64) async throws -> Bool {
        try await redis.set("\(namespace)\(updateID)", to: [1], expiresIn: .seconds(86_400), onlyIfAbsent: true)
    }
}
