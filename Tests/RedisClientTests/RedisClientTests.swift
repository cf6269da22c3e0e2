import Foundation
import Logging
import NIOCore
import RedisClient
import Testing

/// Whether the Redis tests run: when `./scripts/test` started a server, and always under CI=true.
enum RedisTestServer {
    static var shouldRun: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["TEST_REDIS_URL"] != nil
    }
}

/// Against the redis-server that `./scripts/test` starts (TEST_REDIS_URL); fails under CI=true without one.
@Suite(.timeLimit(.minutes(1)), .enabled(if: RedisTestServer.shouldRun)) struct RedisClientTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func client(sourceLocation: SourceLocation = #_sourceLocation) throws -> RedisClient {
        let url = try #require(
            ProcessInfo.processInfo.environment["TEST_REDIS_URL"], "TEST_REDIS_URL is not set: run the tests with ./scripts/test",
            sourceLocation: sourceLocation)
        return RedisClient(configuration: try RedisConfiguration(url: url), logger: quiet)
    }

    /// Keys of one test, so parallel tests never meet.
    let prefix = "test:\(UUID().uuidString):"

    @Test func setGetExpireDeleteAndIncrement() async throws {
        let redis = try Self.client()
        try await redis.ping()
        #expect(try await redis.get(prefix + "missing") == nil)
        #expect(try await redis.set(prefix + "k", to: [0, 1, 255], expiresIn: .seconds(60)))
        #expect(try await redis.get(prefix + "k") == [0, 1, 255])
        #expect(try await !redis.set(prefix + "k", to: [9], onlyIfAbsent: true), "NX keeps an existing key")
        #expect(try await redis.expire(prefix + "k", in: .seconds(30)))
        #expect(try await redis.increment(prefix + "n") == 1)
        #expect(try await redis.increment(prefix + "n") == 2)
        #expect(try await redis.delete([prefix + "k", prefix + "n"]) == 2)
        let error = try await #require(throws: RedisError.self) {
            try await redis.set(self.prefix + "text", to: Array("x".utf8))
            _ = try await redis.increment(self.prefix + "text")
        }
        #expect(error == .reply("ERR value is not an integer or out of range"))
        await redis.close()
    }

    @Test func pipelinedCommandsGetTheirOwnReplies() async throws {
        let redis = try Self.client()
        let prefix = prefix
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<500 {
                group.addTask {
                    try await redis.set(prefix + "\(index)", to: Array("value \(index)".utf8))
                    let value = try await redis.get(prefix + "\(index)")
                    #expect(value == Array("value \(index)".utf8))
                }
            }
            try await group.waitForAll()
        }
        #expect(try await redis.deleteKeys(withPrefix: prefix) == 500)
        await redis.close()
    }

    @Test func prefixDeletionScansInBatchesAndLeavesOtherKeys() async throws {
        let redis = try Self.client()
        let prefix = prefix
        // 100 at a time: 2,000 round trips one after another outlast the time limit when every
        // suite runs at once on two cores.
        for batch in stride(from: 0, to: 2000, by: 100) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in batch..<batch + 100 { group.addTask { try await redis.set(prefix + "cat:\(index)", to: [1]) } }
                try await group.waitForAll()
            }
        }
        try await redis.set(prefix + "other", to: [2])
        #expect(try await redis.deleteKeys(withPrefix: prefix + "cat:") == 2000)
        #expect(try await redis.get(prefix + "other") == [2])
        #expect(try await redis.deleteKeys(withPrefix: prefix) == 1)
        await redis.close()
    }

    @Test func anUnreachableServerFailsFastAndIsRetriedLater() async throws {
        let redis = RedisClient(configuration: RedisConfiguration(host: "127.0.0.1", port: 1, commandTimeout: .seconds(1)), logger: Self.quiet)
        await #expect(throws: RedisError.self) { try await redis.ping() }
        // While it waits before trying again, a call fails with the reason, without connecting.
        let error = try await #require(throws: RedisError.self) { try await redis.ping() }
        guard case .unavailable(let reason) = error else {
            Issue.record("expected unavailable, got \(error)")
            return
        }
        #expect(reason.contains("127.0.0.1:1"))
    }
}
