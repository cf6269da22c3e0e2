import Logging
import NIOCore

/// The commands the bot uses, over one pipelined connection that reconnects after Redis goes away.
///
/// One multiplexed connection rather than a pool: commands are pipelined, so callers don't wait
/// for each other's round trips. Measured with `quantum-panel-bench` (cached admin checks, 8 at a
/// time, 2 cores): one pipelined connection served about 39,000 a second, a pool of four about
/// 30,000, so one connection it is.
///
/// After a failed connection attempt the client waits before trying again (1 s by default,
/// doubling up to 30 s) and meanwhile fails at once with ``RedisError/unavailable(_:)``, so a cache in front of
/// the database costs nothing while Redis is down.
public actor RedisClient {
    public let configuration: RedisConfiguration
    private let logger: Logger

    private enum State {
        case idle
        case connecting(Task<RedisConnection, any Error>)
        case connected(RedisConnection)
        /// Redis was unreachable; no new attempt before `until`.
        case waiting(until: ContinuousClock.Instant, failures: Int, reason: String)
        case closed
    }

    private var state = State.idle

    public init(configuration: RedisConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Sends a command; an error reply throws ``RedisError/reply(_:)``.
    public func send(_ arguments: [RedisArgument]) async throws -> RESPValue {
        let connection = try await connection()
        do {
            let reply = try await connection.send(arguments)
            if case .error(let message) = reply { throw RedisError.reply(message) }
            return reply
        } catch let error as RedisError {
            if case .reply = error { throw error }
            drop(connection)
            throw error
        }
    }

    private func connection() async throws -> RedisConnection {
        switch state {
        case .connected(let connection) where connection.isActive:
            return connection
        case .connecting(let task):
            return try await task.value
        case .waiting(let until, _, let reason) where ContinuousClock.now < until:
            throw RedisError.unavailable(reason)
        case .closed:
            throw RedisError.unavailable("the client is closed")
        case .idle, .connected, .waiting:
            let failures: Int
            if case .waiting(_, let count, _) = state { failures = count } else { failures = 0 }
            let configuration = configuration
            let task = Task { try await RedisConnection.connect(to: configuration) }
            state = .connecting(task)
            do {
                let connection = try await task.value
                if case .connecting = state { state = .connected(connection) }
                if failures > 0 { logger.info("Redis is reachable again") }
                return connection
            } catch {
                let wait = min(Duration.seconds(30), configuration.reconnectDelay * (1 << min(failures, 5)))
                state = .waiting(until: .now + wait, failures: failures + 1, reason: "\(error)")
                throw error
            }
        }
    }

    private func drop(_ connection: RedisConnection) {
        if case .connected(let current) = state, current === connection {
            state = .idle
        }
        Task { await connection.close() }
    }

    /// Closes the connection; later commands fail.
    public func close() async {
        if case .connected(let connection) = state { await connection.close() }
        state = .closed
    }
}

extension RedisClient {
    public func ping() async throws {
        _ = try await send(["PING"])
    }

    /// The value, or nil for a missing key.
    public func get(_ key: String) async throws -> [UInt8]? {
        let reply = try await send(["GET", .string(key)])
        if reply.isNull { return nil }
        guard let bytes = reply.bytes else { throw RedisError.unexpectedReply("\(reply)") }
        return bytes
    }

    /// - Parameters:
    ///   - expiresIn: `EX`, whole seconds (at least one).
    ///   - onlyIfAbsent: `NX`.
    /// - Returns: whether the value was set (false only with `onlyIfAbsent` on an existing key).
    @discardableResult
    public func set(_ key: String, to value: [UInt8], expiresIn: Duration? = nil, onlyIfAbsent: Bool = false) async throws -> Bool {
        var arguments: [RedisArgument] = ["SET", .string(key), .bytes(value)]
        if let expiresIn { arguments += ["EX", .string(String(max(1, expiresIn.components.seconds)))] }
        if onlyIfAbsent { arguments.append("NX") }
        return try await !send(arguments).isNull
    }

    /// - Returns: how many keys were deleted.
    @discardableResult
    public func delete(_ keys: [String]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        return Int(try await send(["DEL"] + keys.map(RedisArgument.string)).integer ?? 0)
    }

    /// Deletes keys without blocking Redis on large values.
    @discardableResult
    public func unlink(_ keys: [String]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        return Int(try await send(["UNLINK"] + keys.map(RedisArgument.string)).integer ?? 0)
    }

    @discardableResult
    public func expire(_ key: String, in duration: Duration) async throws -> Bool {
        try await send(["EXPIRE", .string(key), .string(String(max(1, duration.components.seconds)))]).integer == 1
    }

    public func increment(_ key: String) async throws -> Int64 {
        guard let value = try await send(["INCR", .string(key)]).integer else { throw RedisError.unexpectedReply("INCR") }
        return value
    }

    /// One SCAN step: the next cursor (0 when done) and the keys found.
    public func scan(cursor: String = "0", match pattern: String, count: Int = 500) async throws -> (cursor: String, keys: [String]) {
        let reply = try await send(["SCAN", .string(cursor), "MATCH", .string(pattern), "COUNT", .string(String(count))])
        guard case .array(let parts?) = reply, parts.count == 2, let next = parts[0].string, case .array(let keys?) = parts[1] else {
            throw RedisError.unexpectedReply("SCAN")
        }
        return (next, keys.compactMap(\.string))
    }

    /// Deletes every key starting with `prefix`, by SCAN and UNLINK in batches (never KEYS,
    /// which blocks Redis).
    /// - Returns: how many keys were deleted.
    @discardableResult
    public func deleteKeys(withPrefix prefix: String) async throws -> Int {
        let pattern =
            prefix.reduce(into: "") { pattern, character in
                if "*?[]\\".contains(character) { pattern.append("\\") }
                pattern.append(character)
            } + "*"
        var cursor = "0"
        var deleted = 0
        repeat {
            let step = try await scan(cursor: cursor, match: pattern)
            deleted += try await unlink(step.keys)
            cursor = step.cursor
        } while cursor != "0"
        return deleted
    }
}
