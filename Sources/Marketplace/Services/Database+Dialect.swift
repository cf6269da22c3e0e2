import FluentKit
import FluentSQL

extension Database {
    /// The SQL side of the connection; both drivers are SQL databases. Each statement is a
    /// span when tracing is on.
    var sql: any SQLDatabase {
        let sql = self as! any SQLDatabase
        return ShopTracing.isOn ? TracedSQLDatabase(database: sql) : sql
    }

    var isPostgres: Bool {
        sql.dialect.name == "postgresql"
    }

    /// Locks the customer's row until the transaction ends (PostgreSQL). SQLite needs no lock:
    /// it runs one transaction at a time on its one connection.
    func lockCustomer(telegramID: Int64) async throws {
        guard isPostgres else { return }
        try await sql.raw("SELECT id FROM customers WHERE telegram_id = \(bind: telegramID) FOR UPDATE").run()
    }
}
