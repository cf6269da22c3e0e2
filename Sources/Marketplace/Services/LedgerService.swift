import FluentKit
import FluentSQL
import Foundation

/// The only way a balance changes: each change is one ledger row and one balance update, in one
/// transaction, and the balance can't go below zero.
public struct LedgerService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// - Parameter cache: the cache customer look-ups use; a balance change clears the customer's entry.
    public init(
        database: any Database, currency: Currency, cache: any Cache = DisabledCache(), permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.permissions = permissions
    }

    /// Adds `amount` to a balance, for top-ups and admin credits.
    /// - Parameters:
    ///   - note: what an admin tells the customer about it (``CustomerRules/note(_:)``).
    ///   - idempotencyKey: a repeated call with the same key books nothing new.
    /// - Returns: the balance after.
    @discardableResult
    public func credit(
        _ amount: Money, to telegramID: Int64, reason: LedgerReason, actorID: Int64?, note: String? = nil, idempotencyKey: String? = nil
    ) async throws -> Money {
        if let actorID { try await permissions.require(.money, actorID) }
        guard amount.minorUnits > 0 else { throw LedgerError.nonPositiveAmount }
        return try await change(
            by: amount.minorUnits, telegramID: telegramID, reason: reason, actorID: actorID, note: note, idempotencyKey: idempotencyKey)
    }

    /// Takes `amount` from a balance; refused when the balance is short.
    @discardableResult
    public func debit(
        _ amount: Money, from telegramID: Int64, reason: LedgerReason, actorID: Int64?, note: String? = nil, idempotencyKey: String? = nil
    ) async throws -> Money {
        if let actorID { try await permissions.require(.money, actorID) }
        guard amount.minorUnits > 0 else { throw LedgerError.nonPositiveAmount }
        return try await change(
            by: -amount.minorUnits, telegramID: telegramID, reason: reason, actorID: actorID, note: note, idempotencyKey: idempotencyKey)
    }

    private func change(
        by delta: Int64, telegramID: Int64, reason: LedgerReason, actorID: Int64?, note: String?, idempotencyKey: String?
    ) async throws -> Money {
        try await ShopTracing.span(delta > 0 ? "LedgerService.credit" : "LedgerService.debit") {
            try await book(delta, telegramID: telegramID, reason: reason, actorID: actorID, note: note, idempotencyKey: idempotencyKey)
        }
    }

    private func book(
        _ delta: Int64, telegramID: Int64, reason: LedgerReason, actorID: Int64?, note: String?, idempotencyKey: String?
    ) async throws -> Money {
        let currency = currency
        let note = try note.map(CustomerRules.note)
        let balance = try await database.atomically { db in
            try await db.lockCustomer(telegramID: telegramID)
            guard let customer = try await Customer.query(on: db).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
                throw LedgerError.unknownCustomer(telegramID: telegramID)
            }
            let balance = try await Self.post(
                delta, customerID: id, reason: reason, actorID: actorID, orderID: nil, note: note, idempotencyKey: idempotencyKey, currency: currency,
                on: db)
            if let actorID, reason == .adminCredit || reason == .adminDebit {
                let amount = Money(minorUnits: delta, currency: currency)
                try await AuditLog.record(
                    admin: actorID, action: "balance.\(reason.rawValue)", subject: "customer \(telegramID)",
                    details: [amount.formatted, note].compactMap { $0 }.joined(separator: " · "),
                    before: Money(minorUnits: balance - delta, currency: currency).formatted,
                    after: Money(minorUnits: balance, currency: currency).formatted, on: db
                )
            }
            return balance
        }
        try await cache.delete(CacheKey.customer(telegramID))
        return Money(minorUnits: balance, currency: currency)
    }

    /// Books `delta` inside the caller's transaction and returns the balance after.
    ///
    /// The balance moves in one conditional UPDATE, so even without a lock two concurrent
    /// changes can't both pass a check that only one of them may.
    ///
    /// - Parameter keyIsNew: the caller made `idempotencyKey` in this transaction (an order's
    ///   own), so no entry can hold it yet and it isn't looked up; the unique index on it still
    ///   refuses a second entry.
    static func post(
        _ delta: Int64, customerID: Int, reason: LedgerReason, actorID: Int64?, orderID: Int?, note: String? = nil, idempotencyKey: String?,
        keyIsNew: Bool = false,
        currency: Currency, on db: any Database
    ) async throws -> Int64 {
        if let idempotencyKey, !keyIsNew, try await LedgerEntry.query(on: db).filter(\.$idempotencyKey == idempotencyKey).count() > 0 {
            return try await Customer.find(customerID, on: db)?.balance ?? 0
        }
        let row = try await db.sql.raw(
            """
            UPDATE customers SET balance = balance + \(bind: delta)
            WHERE id = \(bind: customerID) AND balance + \(bind: delta) >= 0
            RETURNING balance
            """
        ).first(decodingColumn: "balance", as: Int64.self)
        guard let balance = row else {
            let current = try await Customer.find(customerID, on: db)?.balance ?? 0
            throw LedgerError.insufficientFunds(balance: Money(minorUnits: current, currency: currency))
        }
        // In SQL rather than through the model, as the purchase's statements are (see PurchaseService).
        let now = Date()
        try await db.sql.raw(
            """
            INSERT INTO ledger_entries (customer_id, delta, balance_after, reason, actor_id, note, order_id, idempotency_key, created_at, updated_at)
            VALUES (\(bind: customerID), \(bind: delta), \(bind: balance), \(bind: reason.rawValue), \(bind: actorID), \(bind: note), \(bind: orderID),
                \(bind: idempotencyKey), \(bind: now), \(bind: now))
            """
        ).run()
        return balance
    }

    /// The newest ledger lines of a customer, newest first.
    public func recentLines(of telegramID: Int64, limit: Int = 10) async throws -> [LedgerLine] {
        guard let customer = try await Customer.query(on: database).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
            return []
        }
        let entries = try await LedgerEntry.query(on: database).filter(\.$customer.$id == id).sort(\.$id, .descending).limit(limit).all()
        return entries.map {
            LedgerLine(
                delta: Money(minorUnits: $0.delta, currency: currency), balanceAfter: Money(minorUnits: $0.balanceAfter, currency: currency),
                reason: $0.reason, note: $0.note, date: $0.createdAt ?? Date(timeIntervalSince1970: 0))
        }
    }

    /// Customers whose balance differs from the sum of their ledger: empty unless something is badly wrong.
    public func unbalancedCustomers() async throws -> [Int64] {
        try await database.sql.raw(
            """
            SELECT c.telegram_id AS telegram_id FROM customers c
            LEFT JOIN (SELECT customer_id, SUM(delta) AS total FROM ledger_entries GROUP BY customer_id) l ON l.customer_id = c.id
            WHERE c.balance <> COALESCE(l.total, 0)
            """
        ).all(decodingColumn: "telegram_id", as: Int64.self)
    }
}
