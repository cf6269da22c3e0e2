import FluentKit
import FluentSQL
import Foundation

/// Customers: registration from what Telegram says, look-ups, and their status.
public struct UserService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    let ttl: Duration
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// - Parameter cache: look-ups by id are cached for `ttls.customer`; every change to the customer
    ///   (status, names, balance through the ledger) clears the entry at once.
    public init(
        database: any Database, currency: Currency, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard,
        permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.ttl = ttls.customer
        self.permissions = permissions
    }

    /// Creates the customer on first contact, or refreshes name, username and language.
    public func register(telegramID: Int64, username: String?, firstName: String, languageCode: String?) async throws -> CustomerSnapshot {
        try await ShopTracing.span("UserService.register") {
            try await registerOrRefresh(telegramID: telegramID, username: username, firstName: firstName, languageCode: languageCode)
        }
    }

    private func registerOrRefresh(telegramID: Int64, username: String?, firstName: String, languageCode: String?) async throws -> CustomerSnapshot {
        if let existing = try await CustomerSnapshot.refresh(
            telegramID: telegramID, username: username, firstName: firstName, languageCode: languageCode, currency: currency, on: database
        ) {
            try await cache.delete(CacheKey.customer(telegramID))
            return existing
        }
        let customer = Customer(telegramID: telegramID, username: username, firstName: firstName, languageCode: languageCode)
        customer.lastSeenAt = Date()
        do {
            try await customer.create(on: database)
        } catch {
            // Two first updates at once: the other one created the row.
            try await cache.delete(CacheKey.customer(telegramID))
            guard let created = try await find(telegramID: telegramID) else { throw error }
            return created
        }
        try await cache.delete(CacheKey.customer(telegramID))
        return CustomerSnapshot(customer, currency: currency)
    }

    public func find(telegramID: Int64) async throws -> CustomerSnapshot? {
        try await ShopTracing.span("UserService.find") { try await lookUp(telegramID: telegramID) }
    }

    private func lookUp(telegramID: Int64) async throws -> CustomerSnapshot? {
        let database = database
        let currency = currency
        // A cached "no such customer" is safe: registering clears it.
        return try await cache.value(for: CacheKey.customer(telegramID), ttl: ttl) {
            try await CustomerSnapshot.find(telegramID: telegramID, currency: currency, on: database)
        }
    }

    /// Finds by `@username` or `username`, ignoring case.
    public func find(username: String) async throws -> CustomerSnapshot? {
        let name = (username.hasPrefix("@") ? String(username.dropFirst()) : username).lowercased()
        guard !name.isEmpty else { return nil }
        let sql = database.sql.raw("SELECT telegram_id FROM customers WHERE lower(username) = \(bind: name) ORDER BY id LIMIT 1")
        guard let telegramID = try await sql.first(decodingColumn: "telegram_id", as: Int64.self) else { return nil }
        return try await find(telegramID: telegramID)
    }

    /// Remembers the language the customer picked in the bot; nil goes back to Telegram's.
    public func setBotLanguage(_ code: String?, telegramID: Int64) async throws {
        guard code.map({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } }) ?? true else {
            throw AccountError.invalidLanguageCode(code ?? "")
        }
        try await Customer.query(on: database).filter(\.$telegramID == telegramID).set(\.$botLanguage, to: code).update()
        try await cache.delete(CacheKey.customer(telegramID))
    }

    /// The customer pays `price` from their balance to become premium.
    /// - Throws: ``LedgerError/insufficientFunds(balance:)``, or ``AccountError/alreadyPremium``.
    public func upgradeToPremium(telegramID: Int64, price: Money) async throws -> CustomerSnapshot {
        let currency = currency
        let upgraded = try await database.atomically { db in
            try await db.lockCustomer(telegramID: telegramID)
            guard let customer = try await Customer.query(on: db).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
                throw LedgerError.unknownCustomer(telegramID: telegramID)
            }
            guard !customer.isPremium else { throw AccountError.alreadyPremium }
            if price.minorUnits > 0 {
                _ = try await LedgerService.post(
                    -price.minorUnits, customerID: id, reason: .premiumUpgrade, actorID: telegramID, orderID: nil, idempotencyKey: nil,
                    currency: currency, on: db)
            }
            let updated = try await Customer.find(id, on: db)!
            updated.isPremium = true
            updated.premiumSince = Date()
            try await updated.save(on: db)
            return CustomerSnapshot(updated, currency: currency)
        }
        try await cache.delete(CacheKey.customer(telegramID))
        return upgraded
    }

    /// Grants or revokes premium; `adminID` is recorded in the audit trail.
    public func setPremium(_ isPremium: Bool, telegramID: Int64, by adminID: Int64? = nil) async throws -> CustomerSnapshot {
        if let adminID { try await permissions.require(.customerStatus, adminID) }
        return try await update(
            telegramID, audit: adminID.map { ($0, isPremium ? "customer.premium.grant" : "customer.premium.revoke") }, field: \.isPremium
        ) {
            $0.isPremium = isPremium
            $0.premiumSince = isPremium ? ($0.premiumSince ?? Date()) : nil
        }
    }

    public func setReseller(_ isReseller: Bool, telegramID: Int64, by adminID: Int64? = nil) async throws -> CustomerSnapshot {
        if let adminID { try await permissions.require(.customerStatus, adminID) }
        return try await update(
            telegramID, audit: adminID.map { ($0, isReseller ? "customer.reseller.grant" : "customer.reseller.revoke") }, field: \.isReseller
        ) { $0.isReseller = isReseller }
    }

    public func setBanned(_ isBanned: Bool, telegramID: Int64, by adminID: Int64? = nil) async throws -> CustomerSnapshot {
        if let adminID { try await permissions.require(.customerStatus, adminID) }
        return try await update(telegramID, audit: adminID.map { ($0, isBanned ? "customer.ban" : "customer.unban") }, field: \.isBanned) {
            $0.isBanned = isBanned
        }
    }

    private func update(
        _ telegramID: Int64, audit: (admin: Int64, action: String)?, field: KeyPath<Customer, Bool>, _ change: (Customer) -> Void
    ) async throws -> CustomerSnapshot {
        guard let customer = try await Customer.query(on: database).filter(\.$telegramID == telegramID).first() else {
            throw LedgerError.unknownCustomer(telegramID: telegramID)
        }
        let before = customer[keyPath: field]
        change(customer)
        try await customer.save(on: database)
        try await cache.delete(CacheKey.customer(telegramID))
        if let audit {
            try await AuditLog.record(
                admin: audit.admin, action: audit.action, subject: "customer \(telegramID)", before: "\(before)",
                after: "\(customer[keyPath: field])", on: database)
        }
        return CustomerSnapshot(customer, currency: currency)
    }
}
