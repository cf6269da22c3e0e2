import FluentKit
import FluentSQL
import Foundation

/// Promo codes: made, paused and limited by admins, quoted on the confirmation screen, and
/// used inside the purchase's transaction (``PurchaseService``), where the use is counted by one
/// conditional update, so a code with 10 uses gives 10 discounts however many race for it. A
/// refund of the whole order gives the use back.
public struct PromoService: Sendable {
    let database: any Database
    let currency: Currency
    let permissions: any PermissionCheck
    /// The lowest total a discount may leave.
    public let floor: Money

    public init(database: any Database, currency: Currency, floor: Money? = nil, permissions: any PermissionCheck = UncheckedPermissions()) {
        self.database = database
        self.currency = currency
        self.floor = floor ?? Money(minorUnits: 0, currency: currency)
        self.permissions = permissions
    }

    /// Makes a code.
    /// - Throws: ``PromoTermsError`` for a code or terms that can't be.
    @discardableResult
    public func create(code text: String, terms: PromoTerms, by adminID: Int64) async throws -> PromoSummary {
        try await permissions.require(.promotions, adminID)
        guard let code = PromoRules.normalized(text) else { throw PromoTermsError.invalidCode(text) }
        try Self.validate(terms, currency: currency)
        try await database.atomically { db in
            guard try await PromoCode.query(on: db).filter(\.$code == code).count() == 0 else { throw PromoTermsError.codeTaken(code) }
            for productID in terms.productIDs where try await Product.find(productID, on: db) == nil {
                throw PromoTermsError.unknownProduct(id: productID)
            }
            let promo = PromoCode()
            promo.code = code
            switch terms.discount {
            case .percent(let percent): promo.percent = percent
            case .amount(let amount): promo.amount = amount.minorUnits
            }
            promo.maxUses = terms.maxUses
            promo.perCustomer = terms.perCustomer
            promo.startsAt = terms.startsAt
            promo.endsAt = terms.endsAt
            promo.minOrder = terms.minOrder?.minorUnits
            promo.forResellers = terms.forResellers
            promo.isPaused = false
            promo.uses = 0
            promo.createdBy = adminID
            try await promo.create(on: db)
            for productID in Set(terms.productIDs) {
                try await db.sql.insert(into: "promo_code_products").columns("promo_code_id", "product_id")
                    .values(SQLBind(promo.id!), SQLBind(productID)).run()
            }
            try await AuditLog.record(admin: adminID, action: "promo.create", subject: "promo \(code)", details: Self.describe(terms), on: db)
        }
        return try await summary(code: code)!
    }

    /// Every code, newest first, with its uses and what its purchases brought.
    public func list() async throws -> [PromoSummary] {
        var summaries: [PromoSummary] = []
        for promo in try await PromoCode.query(on: database).sort(\.$id, .descending).all() {
            summaries.append(try await summary(of: promo))
        }
        return summaries
    }

    /// One code, typed in any case; nil when there is none.
    public func summary(code text: String) async throws -> PromoSummary? {
        guard let code = PromoRules.normalized(text), let promo = try await PromoCode.query(on: database).filter(\.$code == code).first() else {
            return nil
        }
        return try await summary(of: promo)
    }

    /// Pauses a code (no purchase may use it until resumed) or resumes it.
    public func setPaused(_ paused: Bool, code text: String, by adminID: Int64) async throws {
        try await permissions.require(.promotions, adminID)
        let promo = try await existing(text)
        guard promo.isPaused != paused else { return }
        try await database.atomically { db in
            try await PromoCode.query(on: db).filter(\.$id == promo.id!).set(\.$isPaused, to: paused).update()
            try await AuditLog.record(
                admin: adminID, action: paused ? "promo.pause" : "promo.resume", subject: "promo \(promo.code)", on: db)
        }
    }

    /// Changes how often and until when a code may be used.
    /// - Throws: ``PromoTermsError/usesBelowUsed(limit:used:)`` for a limit below the uses made.
    public func setLimits(code text: String, maxUses: Int?, perCustomer: Int, endsAt: Date?, by adminID: Int64) async throws {
        try await permissions.require(.promotions, adminID)
        let promo = try await existing(text)
        if let maxUses, maxUses < 1 { throw PromoTermsError.invalidUses(maxUses) }
        guard perCustomer >= 1 else { throw PromoTermsError.invalidPerCustomer(perCustomer) }
        if let endsAt, let startsAt = promo.startsAt, endsAt <= startsAt { throw PromoTermsError.endsBeforeStart }
        try await database.atomically { db in
            // The uses are counted again under the row's lock, so a purchase at this moment can't slip past the new limit.
            let updated = try await db.sql.raw(
                """
                UPDATE promo_codes SET max_uses = \(bind: maxUses), per_customer = \(bind: perCustomer), ends_at = \(bind: endsAt), updated_at = \(bind: Date())
                WHERE id = \(bind: promo.id!) AND (\(bind: maxUses) IS NULL OR uses <= \(bind: maxUses))
                RETURNING uses
                """
            ).first(decodingColumn: "uses", as: Int.self)
            guard updated != nil else {
                let used = try await PromoCode.find(promo.id!, on: db)?.uses ?? promo.uses
                throw PromoTermsError.usesBelowUsed(limit: maxUses ?? 0, used: used)
            }
            try await AuditLog.record(
                admin: adminID, action: "promo.limits", subject: "promo \(promo.code)",
                before: Self.limits(promo.maxUses, promo.perCustomer, promo.endsAt), after: Self.limits(maxUses, perCustomer, endsAt), on: db)
        }
    }

    /// What a code takes off a purchase the customer is about to confirm.
    /// - Throws: ``PromoRefusal`` when it doesn't apply, ``PurchaseError/unavailable(priceID:)`` for a price not on sale.
    public func quote(code text: String, telegramID: Int64, priceID: Int, quantity: Int = 1, now: Date = Date()) async throws -> PromoQuote {
        guard let buyer = try await CustomerSnapshot.find(telegramID: telegramID, currency: currency, on: database) else {
            throw PurchaseError.unknownCustomer
        }
        guard let price = try await ProductPrice.find(priceID, on: database) else { throw PurchaseError.unavailable(priceID: priceID) }
        let unit = buyer.isReseller ? (price.resellerPrice ?? price.price) : price.price
        let subtotal = Money(minorUnits: unit * Int64(max(1, quantity)), currency: currency)
        let (promo, discount) = try await Self.applicable(
            text, buyer: buyer, productID: price.$product.id, subtotal: subtotal, floor: floor, now: now, on: database)
        return PromoQuote(
            code: promo.code, subtotal: subtotal, discount: discount,
            total: Money(minorUnits: subtotal.minorUnits - discount.minorUnits, currency: currency))
    }

    // MARK: The code a customer keeps

    /// The code the customer applied, or arrived with (`/start promo_CODE`), for their next
    /// confirmation; nil for none.
    public func keptCode(of telegramID: Int64) async throws -> String? {
        try await database.sql.raw("SELECT promo_code FROM customers WHERE telegram_id = \(bind: telegramID)")
            .first(decodingColumn: "promo_code", as: String?.self) ?? nil
    }

    /// Keeps `code` (nil: none) for the customer's next confirmation.
    /// - Throws: ``PromoTermsError/invalidCode(_:)`` for text that can't be a code.
    public func keep(_ code: String?, for telegramID: Int64) async throws {
        var normalized: String?
        if let code {
            guard let valid = PromoRules.normalized(code) else { throw PromoTermsError.invalidCode(code) }
            normalized = valid
        }
        try await database.sql.raw("UPDATE customers SET promo_code = \(bind: normalized) WHERE telegram_id = \(bind: telegramID)").run()
    }

    // MARK: Inside the purchase

    /// A use of a code, claimed in a purchase's transaction.
    struct Claim {
        var promoCodeID: Int
        var discount: Money
    }

    /// Checks the code against the purchase and takes one of its uses; the buyer's row is locked
    /// by the caller, so their own uses can't race. Rolled back with the purchase.
    static func claim(
        _ text: String, buyer: CustomerSnapshot, productID: Int, subtotal: Money, floor: Money, now: Date, on db: any Database
    ) async throws -> Claim {
        let (promo, discount) = try await applicable(text, buyer: buyer, productID: productID, subtotal: subtotal, floor: floor, now: now, on: db)
        // One statement decides, whoever else is using the code now: PostgreSQL re-reads the row
        // after waiting for its lock, SQLite has one writer.
        let taken = try await db.sql.raw(
            """
            UPDATE promo_codes SET uses = uses + 1, updated_at = \(bind: now)
            WHERE id = \(bind: promo.id!) AND is_paused = \(bind: false) AND (max_uses IS NULL OR uses < max_uses)
            RETURNING uses
            """
        ).first(decodingColumn: "uses", as: Int.self)
        guard taken != nil else { throw PromoRefusal.usedUp(code: promo.code) }
        return Claim(promoCodeID: promo.id!, discount: discount)
    }

    /// Records which order used the claimed use, for the customer's limit and the code's revenue.
    static func record(_ claim: Claim, customerID: Int, orderID: Int, now: Date, on db: any Database) async throws {
        try await db.sql.insert(into: "promo_uses").columns("promo_code_id", "customer_id", "order_id", "discount", "created_at")
            .values(SQLBind(claim.promoCodeID), SQLBind(customerID), SQLBind(orderID), SQLBind(claim.discount.minorUnits), SQLBind(now)).run()
    }

    /// A refunded order's use goes back to its code, once.
    static func giveBack(orderID: Int, now: Date, on db: any Database) async throws {
        let returned = try await db.sql.raw(
            "UPDATE promo_uses SET returned_at = \(bind: now) WHERE order_id = \(bind: orderID) AND returned_at IS NULL RETURNING promo_code_id"
        ).first(decodingColumn: "promo_code_id", as: Int.self)
        guard let promoCodeID = returned else { return }
        try await db.sql.raw("UPDATE promo_codes SET uses = uses - 1 WHERE id = \(bind: promoCodeID) AND uses > 0").run()
    }

    /// The code, if it applies to this purchase now, and what it takes off; the refusal otherwise.
    private static func applicable(
        _ text: String, buyer: CustomerSnapshot, productID: Int, subtotal: Money, floor: Money, now: Date, on db: any Database
    ) async throws -> (PromoCode, Money) {
        guard let code = PromoRules.normalized(text), let promo = try await PromoCode.query(on: db).filter(\.$code == code).first() else {
            throw PromoRefusal.unknown(code: text)
        }
        guard !promo.isPaused else { throw PromoRefusal.paused(code: code) }
        if let startsAt = promo.startsAt, now < startsAt { throw PromoRefusal.notStarted(code: code, startsAt: startsAt) }
        if let endsAt = promo.endsAt, now >= endsAt { throw PromoRefusal.expired(code: code) }
        if let maxUses = promo.maxUses, promo.uses >= maxUses { throw PromoRefusal.usedUp(code: code) }
        guard promo.forResellers || !buyer.isReseller else { throw PromoRefusal.notForResellers(code: code) }
        let products = try await db.sql.raw("SELECT product_id FROM promo_code_products WHERE promo_code_id = \(bind: promo.id!)")
            .all(decodingColumn: "product_id", as: Int.self)
        guard products.isEmpty || products.contains(productID) else { throw PromoRefusal.notForThisProduct(code: code) }
        if let minOrder = promo.minOrder, subtotal.minorUnits < minOrder {
            throw PromoRefusal.belowMinimum(code: code, minimum: Money(minorUnits: minOrder, currency: subtotal.currency))
        }
        let used =
            try await db.sql.raw(
                """
                SELECT COUNT(*) AS used FROM promo_uses
                WHERE promo_code_id = \(bind: promo.id!) AND customer_id = \(bind: buyer.id) AND returned_at IS NULL
                """
            ).first(decodingColumn: "used", as: Int.self) ?? 0
        guard used < promo.perCustomer else { throw PromoRefusal.usedByYou(code: code) }
        return (promo, try terms(of: promo, products: products, currency: subtotal.currency).discount(on: subtotal, floor: floor))
    }

    private func existing(_ text: String) async throws -> PromoCode {
        guard let code = PromoRules.normalized(text), let promo = try await PromoCode.query(on: database).filter(\.$code == code).first() else {
            throw PromoTermsError.unknownCode(text)
        }
        return promo
    }

    private func summary(of promo: PromoCode) async throws -> PromoSummary {
        struct Figures: Decodable {
            let orders: Int
            let revenue: Int64
            let discounts: Int64
        }
        // PostgreSQL sums bigints as numeric; the casts keep one integer type on both databases.
        let figures = try await database.sql.raw(
            """
            SELECT COUNT(*) AS orders, CAST(COALESCE(SUM(o.amount), 0) AS BIGINT) AS revenue, CAST(COALESCE(SUM(u.discount), 0) AS BIGINT) AS discounts
            FROM promo_uses u JOIN orders o ON o.id = u.order_id
            WHERE u.promo_code_id = \(bind: promo.id!) AND u.returned_at IS NULL
            """
        ).first(decoding: Figures.self)
        let products = try await database.sql.raw("SELECT product_id FROM promo_code_products WHERE promo_code_id = \(bind: promo.id!)")
            .all(decodingColumn: "product_id", as: Int.self)
        return PromoSummary(
            code: promo.code, terms: try Self.terms(of: promo, products: products.sorted(), currency: currency), uses: promo.uses,
            isPaused: promo.isPaused, revenue: Money(minorUnits: figures?.revenue ?? 0, currency: currency),
            discounts: Money(minorUnits: figures?.discounts ?? 0, currency: currency), createdAt: promo.createdAt)
    }

    private static func terms(of promo: PromoCode, products: [Int], currency: Currency) throws -> PromoTerms {
        let discount: PromoTerms.Discount
        if let percent = promo.percent {
            discount = .percent(percent)
        } else {
            discount = .amount(Money(minorUnits: promo.amount ?? 0, currency: currency))
        }
        return PromoTerms(
            discount: discount, maxUses: promo.maxUses, perCustomer: promo.perCustomer, startsAt: promo.startsAt, endsAt: promo.endsAt,
            productIDs: products, minOrder: promo.minOrder.map { Money(minorUnits: $0, currency: currency) }, forResellers: promo.forResellers)
    }

    private static func validate(_ terms: PromoTerms, currency: Currency) throws {
        switch terms.discount {
        case .percent(let percent): guard (1...100).contains(percent) else { throw PromoTermsError.invalidPercent(percent) }
        case .amount(let amount): guard amount.minorUnits > 0, amount.currency == currency else { throw PromoTermsError.nonPositiveAmount }
        }
        if let maxUses = terms.maxUses, maxUses < 1 { throw PromoTermsError.invalidUses(maxUses) }
        guard terms.perCustomer >= 1 else { throw PromoTermsError.invalidPerCustomer(terms.perCustomer) }
        if let startsAt = terms.startsAt, let endsAt = terms.endsAt, endsAt <= startsAt { throw PromoTermsError.endsBeforeStart }
        if let minOrder = terms.minOrder, minOrder.minorUnits < 0 || minOrder.currency != currency { throw PromoTermsError.nonPositiveAmount }
    }

    private static func describe(_ terms: PromoTerms) -> String {
        let off =
            switch terms.discount {
            case .percent(let percent): "\(percent)%"
            case .amount(let amount): amount.formatted
            }
        return "\(off) off · " + limits(terms.maxUses, terms.perCustomer, terms.endsAt)
    }

    private static func limits(_ maxUses: Int?, _ perCustomer: Int, _ endsAt: Date?) -> String {
        "uses \(maxUses.map(String.init) ?? "∞") · \(perCustomer) each · until \(endsAt.map { ISO8601DateFormatter().string(from: $0) } ?? "-")"
    }
}

/// A code as the admin sees it.
public struct PromoSummary: Sendable, Equatable {
    public var code: String
    public var terms: PromoTerms
    public var uses: Int
    public var isPaused: Bool
    /// What the purchases that used it paid, refunds taken out.
    public var revenue: Money
    /// What it took off them.
    public var discounts: Money
    public var createdAt: Date?
}

/// What a code takes off a purchase, as the confirmation shows it.
public struct PromoQuote: Sendable, Equatable {
    public var code: String
    public var subtotal: Money
    public var discount: Money
    public var total: Money
}
