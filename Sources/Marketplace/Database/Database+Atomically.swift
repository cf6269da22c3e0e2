import FluentKit
import PostgresNIO
import SQLKit
import Synchronization

extension Database {
    /// Runs `body` in a transaction, as Fluent's `transaction` does, except when PostgreSQL's
    /// connection dies under it (the server restarted, the session was ended).
    ///
    /// PostgresNIO drops a statement written on a connection that has closed, and never answers
    /// it; so Fluent's ROLLBACK after the failure, or the body's next statement, would wait for
    /// ever and keep its pooled connection (seen: purchases hung through a restart of the server).
    /// Here the transaction fails with ``DatabaseConnectionLost`` once the connection closes; the
    /// server rolls back a transaction whose session ended. SQLite's transactions are Fluent's.
    public func atomically<Value: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> Value) async throws -> Value {
        guard !inTransaction, self is any PostgresDatabase else { return try await transaction(body) }
        return try await withConnection { db in
            // Fluent's connection-bound database says it is in a transaction, so a service that
            // opens one inside `body` joins this one.
            let connection = try await (db as! any PostgresDatabase).withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
            let sql = db as! any SQLDatabase
            return try await Self.untilClosed(connection) {
                try await sql.raw("BEGIN").run()
                do {
                    let value = try await body(db)
                    try await sql.raw("COMMIT").run()
                    return value
                } catch {
                    if !connection.isClosed { try? await sql.raw("ROLLBACK").run() }
                    throw error
                }
            }
        }
    }

    /// `operation`'s result, or ``DatabaseConnectionLost`` as soon as `connection` closes, whichever
    /// comes first. The operation runs as a task of its own: one waiting on a dropped statement
    /// never ends, and a child task would hold its parent with it.
    private static func untilClosed<Value: Sendable>(
        _ connection: PostgresConnection, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let outcome = FirstOutcome<Value>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.wait(continuation)
            Task {
                do {
                    outcome.resume(with: .success(try await operation()))
                } catch {
                    outcome.resume(with: .failure(error))
                }
            }
            connection.closeFuture.whenComplete { _ in outcome.resume(with: .failure(DatabaseConnectionLost())) }
        }
    }
}

/// A transaction's connection closed before the transaction ended.
public struct DatabaseConnectionLost: Error, CustomStringConvertible {
    public var description: String { "the connection to the database closed during a transaction" }
}

/// Resumes a continuation with the first of several outcomes; the later ones are dropped.
private final class FirstOutcome<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, any Error>?>(nil)

    func wait(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    func resume(with result: Result<Value, any Error>) {
        continuation.withLock { $0.take() }?.resume(with: result)
    }
}
