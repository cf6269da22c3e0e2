import FluentKit
import FluentSQL

extension Database {
    /// Creates a database on the server (PostgreSQL), for test isolation and set-up scripts.
    public func sqlCreateDatabase(_ name: String) async throws {
        try await sql.raw("CREATE DATABASE \(ident: name)").run()
    }

    public func sqlDropDatabase(_ name: String) async throws {
        try await sql.raw("DROP DATABASE IF EXISTS \(ident: name)").run()
    }
}
