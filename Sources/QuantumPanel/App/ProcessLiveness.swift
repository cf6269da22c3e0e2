import Logging
import PostgresKit
import PostgresNIO

/// Tells the other processes sharing a PostgreSQL shop that this one is alive: a session
/// advisory lock on its owner id (`hashtextextended(owner, 0)`), held on a connection of its own.
///
/// The inbox marks each update with the owner that received it, and a process takes over
/// another's unhandled updates only when it can take that owner's lock, that is, once the owner's
/// session has ended (SIGKILL included). So the lock must be held before the first update is
/// received, and a process whose lock connection fails must stop: it would no longer be seen.
struct ProcessLiveness: Sendable {
    /// This process's id in the inbox's `received_by`.
    let owner: String
    let configuration: PostgresConnection.Configuration
    let logger: Logger

    struct Lost: Error, CustomStringConvertible {
        var description: String { "the connection holding this process's liveness lock failed; stopping, as other processes may now take over its updates" }
    }

    init(url: String, owner: String, logger: Logger) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        self.owner = owner
        self.logger = logger
    }

    /// Takes the lock, runs `body` while holding it, and releases it (by closing the session).
    /// - Throws: ``Lost`` when the lock's connection fails while `body` runs (it is cancelled).
    func whileAlive(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let connection = try await PostgresSession.connect(configuration, logger: logger)
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(hashtextextended(\(owner), 0))", logger: logger)
            let finished = try await PostgresSession.run(body, whileAlive: connection, checkingEvery: .seconds(1), logger: logger)
            try? await connection.close()
            guard finished else { throw Lost() }
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
