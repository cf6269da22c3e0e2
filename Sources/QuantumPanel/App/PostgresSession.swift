import Logging
import Marketplace
import NIOPosix
import PostgresNIO
import ServiceLifecycle

/// A PostgreSQL connection of its own, for a session advisory lock that must last as long as
/// something runs: the lock is the session's, and ends with it.
enum PostgresSession {
    static func connect(_ configuration: PostgresConnection.Configuration, logger: Logger) async throws -> PostgresConnection {
        try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger)
            .get()
    }

    /// Connects, trying again with a growing pause (up to 2 s) while the database is unreachable;
    /// nil at graceful shutdown. The outage is the ``DatabaseOutages`` monitor's to report.
    /// - Throws: what retrying can't fix (a refused password), and `CancellationError`.
    static func connectPersistently(_ configuration: PostgresConnection.Configuration, logger: Logger) async throws -> PostgresConnection? {
        var pause = Duration.milliseconds(100)
        while !Task.isShuttingDownGracefully {
            do {
                return try await connect(configuration, logger: logger)
            } catch  where DatabaseFailure(error)?.isUnreachable == true {
                try? await cancelWhenGracefulShutdown { [pause] in try await Task.sleep(for: pause) }
                try Task.checkCancellation()
                pause = min(pause * 2, .seconds(2))
            }
        }
        return nil
    }

    /// Runs `body` beside a check of `connection`: whether it is closed, every tenth of a second,
    /// and whether it answers, every `interval`. True when `body` finished; false when the
    /// connection failed first (`body` is then cancelled, and awaited).
    static func run(
        _ body: @escaping @Sendable () async throws -> Void, whileAlive connection: PostgresConnection, checkingEvery interval: Duration,
        logger: Logger
    ) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return true
            }
            group.addTask {
                // A connection the server closed (a restart, an ended session) is known at once:
                // noticed within a tenth of a second, before the database can come back. One gone
                // silent takes a query to find out.
                let step = Duration.milliseconds(100)
                var sinceQuery = Duration.zero
                while true {
                    try await Task.sleep(for: step)
                    if connection.isClosed { return false }
                    sinceQuery += step
                    guard sinceQuery >= interval else { continue }
                    sinceQuery = .zero
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
