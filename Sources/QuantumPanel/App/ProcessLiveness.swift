import Logging
import PostgresKit
import PostgresNIO
import Synchronization

/// Tells the other processes sharing a PostgreSQL shop that this one is alive: a session
/// advisory lock on its owner id (`hashtextextended(owner, 0)`), held on a connection of its own.
///
/// The inbox marks each update with the owner that received it, and a process takes over
/// another's unhandled updates only when it can take that owner's lock, that is, once the owner's
/// session has ended (SIGKILL included). So the lock must be held before the first update is
/// received, and a process whose lock connection fails must stop handling its updates: it would
/// no longer be seen, and others may take them over. It then carries on under a new owner id.
struct ProcessLiveness: Sendable {
    /// This process's id in the inbox's `received_by`.
    let owner: String
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    /// Whether the lock is held: from when it is taken until its connection closes.
    private let held = HeldFlag()

    /// True while the lock is held. False once its session ended (the database restarted, an
    /// operator ended it), which the connection knows at once: from then on this process owns
    /// none of its updates, and must not handle them however soon the database answers again.
    var isHeld: Bool { held.value.load(ordering: .acquiring) }

    /// The lock's session ended while `body` ran.
    struct Lost: Error, CustomStringConvertible {
        let owner: String
        var description: String {
            "The session holding this process's liveness lock ended: it stopped handling its updates (others may take them over) and carries on under a new id once the database answers"
        }
    }

    init(url: String, owner: String, logger: Logger) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        self.owner = owner
        self.logger = logger
    }

    /// Takes the lock (connecting until the database answers), runs `body` while holding it,
    /// and releases it (by closing the session). Returns without running `body` at graceful
    /// shutdown while still connecting.
    /// - Throws: ``Lost`` when the lock's connection fails while `body` runs (it is cancelled).
    func whileAlive(_ body: @escaping @Sendable () async throws -> Void) async throws {
        guard let connection = try await PostgresSession.connectPersistently(configuration, logger: logger) else { return }
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(hashtextextended(\(owner), 0))", logger: logger)
            held.value.store(true, ordering: .releasing)
            connection.closeFuture.whenComplete { [held] _ in held.value.store(false, ordering: .releasing) }
            let finished = try await PostgresSession.run(body, whileAlive: connection, checkingEvery: .seconds(1), logger: logger)
            try? await connection.close()
            guard finished else { throw Lost(owner: owner) }
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

private final class HeldFlag: Sendable {
    let value = Atomic(false)
}
