import FluentKit
import FluentSQL

extension CustomerSnapshot {
    /// One customer by Telegram id, read in SQL rather than through the model (a model query cost
    /// several times what SQLite took to run it; BENCHMARKS.md). With `locking`, on PostgreSQL
    /// the row stays locked to the end of the transaction.
    static func find(telegramID: Int64, currency: Currency, locking: Bool = false, on db: any Database) async throws -> CustomerSnapshot? {
        let select: SQLQueryString = """
            SELECT id, telegram_id, username, first_name, language_code, bot_language, balance, is_premium, is_reseller, is_banned, is_blocked
            FROM customers WHERE telegram_id = \(bind: telegramID)
            """
        guard let row = try await db.sql.raw(locking && db.isPostgres ? select + " FOR UPDATE" : select).first() else { return nil }
        return CustomerSnapshot(
            id: try row.decode(column: "id", as: Int.self), telegramID: try row.decode(column: "telegram_id", as: Int64.self),
            username: try row.decode(column: "username", as: String?.self), firstName: try row.decode(column: "first_name", as: String.self),
            languageCode: try row.decode(column: "language_code", as: String?.self), botLanguage: try row.decode(column: "bot_language", as: String?.self),
            balance: Money(minorUnits: try row.decode(column: "balance", as: Int64.self), currency: currency),
            isPremium: try row.decode(column: "is_premium", as: Bool.self), isReseller: try row.decode(column: "is_reseller", as: Bool.self),
            isBanned: try row.decode(column: "is_banned", as: Bool.self), isBlocked: try row.decode(column: "is_blocked", as: Bool.self)
        )
    }

    init(
        id: Int, telegramID: Int64, username: String?, firstName: String, languageCode: String?, botLanguage: String?, balance: Money,
        isPremium: Bool, isReseller: Bool, isBanned: Bool, isBlocked: Bool
    ) {
        self.id = id
        self.telegramID = telegramID
        self.username = username
        self.firstName = firstName
        self.languageCode = languageCode
        self.botLanguage = botLanguage
        self.balance = balance
        self.isPremium = isPremium
        self.isReseller = isReseller
        self.isBanned = isBanned
        self.isBlocked = isBlocked
    }
}
