import FluentKit
import FluentSQL
import Foundation

/// The customer reads and writes every update makes, in SQL rather than through the model: a
/// model query cost several times what SQLite took to run it (BENCHMARKS.md). Every value is a
/// bound parameter.
extension CustomerSnapshot {
    private static let columns =
        "id, telegram_id, username, first_name, language_code, bot_language, balance, is_premium, is_reseller, is_banned, is_blocked"

    /// One customer by Telegram id. With `locking`, on PostgreSQL the row stays locked to the end
    /// of the transaction.
    static func find(telegramID: Int64, currency: Currency, locking: Bool = false, on db: any Database) async throws -> CustomerSnapshot? {
        let select: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM customers WHERE telegram_id = \(bind: telegramID)"
        return try await db.sql.raw(locking && db.isPostgres ? select + " FOR UPDATE" : select).first().map {
            try CustomerSnapshot(row: $0, currency: currency)
        }
    }

    /// Refreshes what Telegram tells of a customer (name, username, language) and when they were
    /// last seen, in one statement; nil when there is no such customer yet.
    static func refresh(
        telegramID: Int64, username: String?, firstName: String, languageCode: String?, currency: Currency, on db: any Database
    ) async throws -> CustomerSnapshot? {
        let now = Date()
        return try await db.sql.raw(
            """
            UPDATE customers SET username = \(bind: username), first_name = \(bind: firstName), language_code = COALESCE(\(bind: languageCode), language_code),
                last_seen_at = \(bind: now), updated_at = \(bind: now)
            WHERE telegram_id = \(bind: telegramID)
            RETURNING \(unsafeRaw: columns)
            """
        ).first().map { try CustomerSnapshot(row: $0, currency: currency) }
    }

    private init(row: any SQLRow, currency: Currency) throws {
        id = try row.decode(column: "id", as: Int.self)
        telegramID = try row.decode(column: "telegram_id", as: Int64.self)
        username = try row.decode(column: "username", as: String?.self)
        firstName = try row.decode(column: "first_name", as: String.self)
        languageCode = try row.decode(column: "language_code", as: String?.self)
        botLanguage = try row.decode(column: "bot_language", as: String?.self)
        balance = Money(minorUnits: try row.decode(column: "balance", as: Int64.self), currency: currency)
        isPremium = try row.decode(column: "is_premium", as: Bool.self)
        isReseller = try row.decode(column: "is_reseller", as: Bool.self)
        isBanned = try row.decode(column: "is_banned", as: Bool.self)
        isBlocked = try row.decode(column: "is_blocked", as: Bool.self)
    }
}
