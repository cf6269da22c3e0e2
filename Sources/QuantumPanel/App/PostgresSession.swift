import Logging
import NIOPosix
import PostgresNIO

/// A PostgreSQL connection of its own, for a session advisory lock that must last as long as
/// something runs: the lock is the session's, and ends with it.
enum PostgresSession {
    static func connect(_ configuration: PostgresConnection.Configuration, logger: Logger) async throws -> PostgresConnection {
        try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger).get()
    }

    /// Runs `body` beside a check of `connection` every `interval`. True when `body` finished;
    /// false when the connection failed first (`body` is then cancelled).
    static func run(
        _ body: @escaping @Sendable () async throws -> Void, whileAlive connection: PostgresConnection, checkingEvery interval: Duration, logger: Logger
    ) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return true
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: interval)
                    guard await isAlive(connection, answeringWithin: .seconds(5), logger: logger) else { return false }
                }
            }
            defer { group.cancelAll() }
            return try await group.next() ?? true
        }
    }

    /// Whether `connection` is open and answers a query within `limit`. One that doesn't is
    /// closed: a query sent on a session the server ended, or over a connection gone silent,
    /// may otherwise wait for ever.
    static func isAlive(_ connection: PostgresConnection, answeringWithin limit: Duration, logger: Logger) async -> Bool {
        guard !connection.isClosed else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await connection.query("SELECT 1", logger: logger)) != nil }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let answered = await group.next() ?? false
            // Closing fails the query still waiting, so the group can end.
            if !answered { try? await connection.close() }
            group.cancelAll()
            return answered
        }
    }
}
