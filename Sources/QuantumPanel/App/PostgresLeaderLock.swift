import Foundation
import Logging
import Marketplace
import PostgresKit
import PostgresNIO
import ServiceLifecycle

/// Leadership among bot processes that share one PostgreSQL database: a session advisory lock,
/// held on a connection of its own for as long as the process leads.
///
/// PostgreSQL drops the lock when that session ends, so a leader killed with SIGKILL (its socket
/// closed by the kernel) loses it at once, and a waiting process takes it at its next try.
struct PostgresLeaderLock: Sendable {
    /// The lock's key: the bot's id under a prefix of this program's, so two bots on one
    /// database elect separately and another program's advisory locks are not in the way.
    let key: Int64
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    /// How often a waiting process tries the lock, and a leader checks its connection.
    var interval: Duration = .seconds(1)

    init(url: String, botID: Int64, logger: Logger) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        key = (0x5150 << 48) | (botID & 0xFFFF_FFFF_FFFF)
        self.logger = logger
    }

    /// Waits until this process leads, then runs `body` for as long as it does. Returns when
    /// `body` does, or at graceful shutdown while still waiting. When the lock's connection
    /// fails, `body` is cancelled and the wait starts again.
    /// - Parameter waiting: called once when another process is found leading.
    func whileLeading(waiting: @Sendable () -> Void = {}, _ body: @escaping @Sendable () async throws -> Void) async throws {
        var toldWaiting = false
        var unreachable = false
        while !Task.isShuttingDownGracefully {
            let connection: PostgresConnection
            do {
                connection = try await PostgresSession.connect(configuration, logger: logger)
                unreachable = false
            } catch {
                // One line per outage: the election tries every second.
                if !unreachable {
                    logger.warning(
                        "Leader election: cannot reach the database; trying every second", metadata: ["error": "\(DatabaseFailure.describe(error))"])
                    unreachable = true
                }
                try await pause()
                continue
            }
            do {
                if try await tryLock(on: connection) {
                    logger.notice("Leading: this process polls (if polling) and runs the background jobs")
                    let finished = try await PostgresSession.run(body, whileAlive: connection, checkingEvery: interval, logger: logger)
                    try? await connection.close()
                    if finished { return }
                    logger.warning("Leadership lost: the lock's connection failed; waiting to lead again")
                    toldWaiting = false
                    continue
                }
            } catch is CancellationError {
                try? await connection.close()
                throw CancellationError()
            } catch {
                logger.warning("Leader election failed; trying again", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            }
            try? await connection.close()
            if !toldWaiting {
                toldWaiting = true
                logger.notice("Standing by: another process leads")
                waiting()
            }
            try await pause()
        }
    }

    private func tryLock(on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key)) AS locked", logger: logger)
        for try await locked in rows.decode(Bool.self) { return locked }
        return false
    }

    /// Sleeps for `interval`; returns early at graceful shutdown.
    private func pause() async throws {
        try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        try Task.checkCancellation()
    }
}
