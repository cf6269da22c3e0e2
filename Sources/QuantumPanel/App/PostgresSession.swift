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
                    do {
                        _ = try await connection.query("SELECT 1", logger: logger)
                    } catch {
                        return false
                    }
                }
            }
            defer { group.cancelAll() }
            return try await group.next() ?? true
        }
    }
}
