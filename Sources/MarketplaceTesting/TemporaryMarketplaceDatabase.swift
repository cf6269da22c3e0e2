import FluentKit
import Foundation
import Logging
import Marketplace

/// The databases the test suites run on: SQLite always; PostgreSQL when `TEST_POSTGRES_URL` is
/// set (`./scripts/test` sets it) and always under `CI=true`, where a missing server must fail.
public enum TestDatabaseKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public static let postgresVariable = "TEST_POSTGRES_URL"

    public static var available: [TestDatabaseKind] {
        let environment = ProcessInfo.processInfo.environment
        let withPostgres = environment["CI"] == "true" || environment[postgresVariable] != nil
        return withPostgres ? [.sqlite, .postgres] : [.sqlite]
    }

    public var description: String { rawValue }
}

/// A missing test server, named so the failure says what to do.
public struct MissingTestServer: Error, CustomStringConvertible {
    public let variable: String
    public var description: String { "\(variable) is not set: run the tests with ./scripts/test" }
}

/// Runs `body` with a fresh, migrated database of `kind`: SQLite in memory, or a new PostgreSQL
/// database that is dropped afterwards. Closes everything whether `body` returns or throws.
public func withTemporaryMarketplaceDatabase<Value>(
    _ kind: TestDatabaseKind, poolSize: Int = 8, additionalMigrations: [any Migration] = [], _ body: (MarketplaceDatabase) async throws -> Value
) async throws -> Value {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    switch kind {
    case .sqlite:
        let database = try MarketplaceDatabase(location: .sqliteMemory, additionalMigrations: additionalMigrations)
        return try await using(database) {
            try await database.migrate(logger: logger)
            return try await body(database)
        }
    case .postgres:
        return try await withTemporaryPostgresURL { url in
            let database = try MarketplaceDatabase(location: .postgres(url: url), poolSize: poolSize, additionalMigrations: additionalMigrations)
            return try await using(database) {
                try await database.migrate(logger: logger)
                return try await body(database)
            }
        }
    }
}

/// Runs `body` with the URL of a new, empty PostgreSQL database on the server in
/// `TEST_POSTGRES_URL`, dropped afterwards: for a bot process of a test's own, say. Everything
/// connected to it must be closed when `body` returns.
public func withTemporaryPostgresURL<Value>(_ body: (String) async throws -> Value) async throws -> Value {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    guard let base = ProcessInfo.processInfo.environment[TestDatabaseKind.postgresVariable] else {
        throw MissingTestServer(variable: TestDatabaseKind.postgresVariable)
    }
    let server = try MarketplaceDatabase(location: .postgres(url: base), poolSize: 1)
    return try await using(server) {
        let name = "qp_test_\(UUID().uuidString.lowercased().replacing("-", with: ""))"
        try await server.database(logger: logger).sqlCreateDatabase(name)
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body(String(base[..<(base.lastIndex(of: "/") ?? base.endIndex)]) + "/" + name))
        } catch {
            outcome = .failure(error)
        }
        try? await server.database(logger: logger).sqlDropDatabase(name)
        return try outcome.get()
    }
}

/// Runs `body`, then shuts `database` down, whether `body` returns or throws.
private func using<Value>(_ database: MarketplaceDatabase, _ body: () async throws -> Value) async throws -> Value {
    do {
        let value = try await body()
        await database.shutdown()
        return value
    } catch {
        await database.shutdown()
        throw error
    }
}
