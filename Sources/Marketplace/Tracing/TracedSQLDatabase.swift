import FluentSQL
import Logging
import NIOCore
import Tracing

/// A SQL database whose every statement is a client span, named after its first word and
/// carrying its text with `$1`-style placeholders: the bound values (customers' ids, keys,
/// amounts) never reach a span.
struct TracedSQLDatabase: SQLDatabase {
    let database: any SQLDatabase

    var logger: Logger { database.logger }
    var eventLoop: any EventLoop { database.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { database.version }
    var dialect: any SQLDialect { database.dialect }
    var queryLogLevel: Logger.Level? { database.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        database.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let text = database.serialize(query).sql
        let operation = text.prefix { !$0.isWhitespace }.uppercased()
        try await withSpan("db \(operation)", ofKind: .client) { span in
            span.attributes["db.system.name"] = dialect.name
            span.attributes["db.operation.name"] = operation
            span.attributes["db.query.text"] = text
            try await database.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await database.withSession { try await closure(TracedSQLDatabase(database: $0)) }
    }
}
