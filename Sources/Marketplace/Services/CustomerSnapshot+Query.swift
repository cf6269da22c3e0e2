import FluentKit
import FluentSQL
import Foundation

/// The customer reads and writes every update makes, in SQL rather than through the model: a
/// model query cost several times what SQLite took to run it (BENCHMARKS.md). Every value is a
/// bound parameter.
extension CustomerSnapshot {
    /// A customer's row as the statements below return it.
    private struct Row: Decodable {
        let id: Int
        let telegramID: Int64
        let username: String?
        let firstName: String
        let languageCode: String?
        let botLanguage: String?
        let balance: Int64
        let isPremium: Bool
        let isReseller: Bool
        let isBanned: Bool
        let isBlocked: Bool

        static let columns = [
            "id", "telegram_id", "username", "first_name", "language_code", "bot_language", "balance", "is_premium", "is_reseller", "is_banned",
            "is_blocked",
        ]
    }

    /// One customer by Telegram id. With `locking`, on PostgreSQL the row stays locked to the end
    /// of the transaction.
    static func find(telegramID: Int64, currency: Currency, locking: Bool = false, on db: any Database) async throws -> CustomerSnapshot? {
        let lock: SQLQueryString = locking && db.isPostgres ? " FOR UPDATE" : ""
        return try await db.sql.raw("SELECT \(idents: Row.columns, joinedBy: ", ") FROM customers WHERE telegram_id = \(bind: telegramID)\(lock)")
            .first(decoding: Row.self, with: .snakeCase).map { CustomerSnapshot($0, currency: currency) }
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
            RETURNING \(idents: Row.columns, joinedBy: ", ")
            """
        ).first(decoding: Row.self, with: .snakeCase).map { CustomerSnapshot($0, currency: currency) }
    }

    private init(_ row: Row, currency: Currency) {
        id = row.id
        telegramID = row.telegramID
        username = row.username
        firstName = row.firstName
        languageCode = row.languageCode
        botLanguage = row.botLanguage
        balance = Money(minorUnits: row.balance, currency: currency)
        isPremium = row.isPremium
        isReseller = row.isReseller
        isBanned = row.isBanned
        isBlocked = row.isBlocked
    }
}
