import FluentKit
import FluentSQL
import Foundation

/// Buys keys: one transaction that locks the buyer, checks price and permissions again, claims
/// the keys, writes the order and the ledger row, or changes nothing at all.
public struct PurchaseService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    /// The lowest total a promo code's discount may leave.
    let promoFloor: Money

    /// - Parameter cache: the cache customer look-ups use; a purchase clears the buyer's entry.
    ///   Nothing in a purchase is read from it.
    public init(database: any Database, currency: Currency, cache: any Cache = DisabledCache(), promoFloor: Money? = nil) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.promoFloor = promoFloor ?? Money(minorUnits: 0, currency: currency)
    }

    /// Buys `quantity` keys of a price.
    ///
    /// The rules hold whatever the caller sends, since a button's data can be forged: only
    /// resellers buy more than one, at most 100 at a time, and when `expectedTotal` is given the
    /// charge is exactly that or nothing.
    /// - Parameters:
    ///   - expectedTotal: the total the customer was shown; if the price changed since, the
    ///     purchase is refused with ``PurchaseError/priceChanged(priceID:shown:current:)``.
    ///   - idempotencyKey: a repeated request with the same key returns the first receipt (with
    ///     `isRepeat`) instead of buying again; a token drawn for the confirmation makes a good one.
    ///   - promoCode: a code whose discount `expectedTotal` includes; its use is counted in this
    ///     purchase's transaction, or refused with ``PurchaseError/promo(_:)``.
    /// - Throws: ``PurchaseError`` for every refusal; nothing is changed then.
    public func buy(
        telegramID: Int64, priceID: Int, quantity: Int = 1, expectedTotal: Money? = nil, idempotencyKey: String? = nil, promoCode: String? = nil
    ) async throws -> OrderReceipt {
        try await ShopTracing.span("PurchaseService.buy") {
            try await purchase(
                telegramID: telegramID, priceID: priceID, quantity: quantity, expectedTotal: expectedTotal, idempotencyKey: idempotencyKey,
                promoCode: promoCode)
        }
    }

    private func purchase(
        telegramID: Int64, priceID: Int, quantity: Int, expectedTotal: Money?, idempotencyKey: String?, promoCode: String?
    ) async throws -> OrderReceipt {
        guard (1...100).contains(quantity) else { throw PurchaseError.invalidQuantity(quantity) }
        let currency = currency
        let promo = promoCode.map { (code: $0, floor: promoFloor) }
        do {
            let receipt = try await database.atomically { db in
                try await Self.buy(
                    telegramID: telegramID, priceID: priceID, quantity: quantity, expectedTotal: expectedTotal, idempotencyKey: idempotencyKey,
                    promo: promo, currency: currency, on: db
                )
            }
            try await cache.delete(CacheKey.customer(telegramID))
            if !receipt.isRepeat { ShopMetrics.sold(receipt) }
            return receipt
        } catch let error as PurchaseError {
            throw error
        } catch {
            // Two requests with one idempotency key: the second hit the unique index; answer as the first did.
            if let idempotencyKey,
                let receipt = try await Self.receipt(forKey: idempotencyKey, telegramID: telegramID, currency: currency, on: database)
            {
                return receipt
            }
            throw error
        }
    }

    /// The purchase's statements are written in SQL rather than through Fluent's models: a model
    /// query cost several times what SQLite took to run it, in reflection and query building
    /// (BENCHMARKS.md). Every value is a bound parameter.
    private static func buy(
        telegramID: Int64, priceID: Int, quantity: Int, expectedTotal: Money?, idempotencyKey: String?, promo: (code: String, floor: Money)?,
        currency: Currency, on db: any Database
    ) async throws -> OrderReceipt {
        if let idempotencyKey, try await orderExists(forKey: idempotencyKey, on: db),
            let receipt = try await receipt(forKey: idempotencyKey, telegramID: telegramID, currency: currency, on: db)
        {
            return receipt
        }
        guard let buyer = try await CustomerSnapshot.find(telegramID: telegramID, currency: currency, locking: true, on: db) else {
            throw PurchaseError.unknownCustomer
        }
        guard !buyer.isBanned else { throw PurchaseError.banned }
        guard let price = try await PriceOnSale.find(priceID, on: db), price.isVisible, price.productIsVisible else {
            throw PurchaseError.unavailable(priceID: priceID)
        }
        guard !price.isPremiumOnly || buyer.isPremium else { throw PurchaseError.premiumOnly(productID: price.productID) }
        guard quantity == 1 || buyer.isReseller else { throw PurchaseError.quantityForResellersOnly(quantity) }

        let unit = buyer.isReseller ? (price.resellerPrice ?? price.price) : price.price
        let (subtotal, overflow) = unit.multipliedReportingOverflow(by: Int64(quantity))
        guard !overflow else { throw PurchaseError.invalidQuantity(quantity) }
        var total = subtotal
        let now = Date()
        var claim: PromoService.Claim?
        if let promo {
            do {
                claim = try await PromoService.claim(
                    promo.code, buyer: buyer, productID: price.productID, subtotal: Money(minorUnits: subtotal, currency: currency),
                    floor: promo.floor,
                    now: now, on: db)
            } catch let refusal as PromoRefusal {
                throw PurchaseError.promo(refusal)
            }
            total -= claim?.discount.minorUnits ?? 0
        }
        if let expectedTotal, expectedTotal.minorUnits != total || expectedTotal.currency != currency {
            throw PurchaseError.priceChanged(priceID: priceID, shown: expectedTotal, current: Money(minorUnits: total, currency: currency))
        }
        guard buyer.balance.minorUnits >= total else {
            throw PurchaseError.insufficientFunds(needed: Money(minorUnits: total, currency: currency), balance: buyer.balance)
        }

        let inserted = try await db.sql.raw(
            """
            INSERT INTO orders (customer_id, product_id, price_id, product_name, duration_label, quantity, amount, status, idempotency_key, created_at, updated_at)
            VALUES (\(bind: buyer.id), \(bind: price.productID), \(bind: priceID), \(bind: price.productName), \(bind: price.durationLabel), \(bind: quantity),
                \(bind: total), \(bind: OrderStatus.completed.rawValue), \(bind: idempotencyKey), \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first(decodingColumn: "id", as: Int.self)
        guard let orderID = inserted else { throw PurchaseError.unavailable(priceID: priceID) }
        if let claim { try await PromoService.record(claim, customerID: buyer.id, orderID: orderID, now: now, on: db) }

        let keys = try await claimKeys(priceID: priceID, quantity: quantity, orderID: orderID, on: db)
        guard keys.count == quantity else { throw PurchaseError.outOfStock(priceID: priceID, available: keys.count) }

        let balance = try await LedgerService.post(
            -total, customerID: buyer.id, reason: .purchase, actorID: telegramID, orderID: orderID, idempotencyKey: "order:\(orderID)",
            keyIsNew: true, currency: currency, on: db
        )
        return OrderReceipt(
            orderID: orderID, productName: price.productName, durationLabel: price.durationLabel, quantity: quantity,
            amount: Money(minorUnits: total, currency: currency), keys: keys, balanceAfter: Money(minorUnits: balance, currency: currency),
            isRepeat: false
        )
    }

    /// A price with the product it sells, as the purchase checks them.
    private struct PriceOnSale: Decodable {
        var price: Int64
        var resellerPrice: Int64?
        var isVisible: Bool
        var durationLabel: String
        var productID: Int
        var productName: String
        var productIsVisible: Bool
        var isPremiumOnly: Bool

        static func find(_ priceID: Int, on db: any Database) async throws -> PriceOnSale? {
            try await db.sql.raw(
                """
                SELECT pp.price, pp.reseller_price, pp.is_visible, pp.duration_label, p.id AS product_id, p.name AS product_name,
                    p.is_visible AS product_is_visible, p.is_premium_only
                FROM product_prices pp JOIN products p ON p.id = pp.product_id
                WHERE pp.id = \(bind: priceID)
                """
            ).first(decoding: PriceOnSale.self, with: .snakeCase)
        }
    }

    /// Whether an order holds `key`: one indexed look-up, before the receipt is built from models.
    private static func orderExists(forKey key: String, on db: any Database) async throws -> Bool {
        try await db.sql.raw("SELECT id FROM orders WHERE idempotency_key = \(bind: key)").first() != nil
    }

    /// Marks `quantity` unused keys as sold to the order, oldest first, and returns their text.
    /// PostgreSQL skips keys other buyers have locked, so racing buyers never wait on each other
    /// and never get the same key; the caller checks that enough came back.
    private static func claimKeys(priceID: Int, quantity: Int, orderID: Int, on db: any Database) async throws -> [String] {
        // PostgreSQL skips the keys other buyers' transactions hold; SQLite has one writer at a time.
        let skipLocked: SQLQueryString = db.isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.sql.raw(
            """
            UPDATE product_keys SET is_used = TRUE, order_id = \(bind: orderID)
            WHERE id IN (SELECT id FROM product_keys WHERE price_id = \(bind: priceID) AND is_used = FALSE ORDER BY id LIMIT \(bind: quantity)\(skipLocked))
            RETURNING id, key_text
            """
        ).all(decoding: ClaimedKey.self, with: .snakeCase).sorted { $0.id < $1.id }.map(\.keyText)
    }

    /// A key ``claimKeys(priceID:quantity:orderID:on:)`` marked sold.
    private struct ClaimedKey: Decodable {
        let id: Int
        let keyText: String

    }

    /// The receipt of the order an idempotency key made, if the key was used before.
    private static func receipt(forKey key: String, telegramID: Int64, currency: Currency, on db: any Database) async throws -> OrderReceipt? {
        guard let order = try await Order.query(on: db).filter(\.$idempotencyKey == key).with(\.$customer).with(\.$keys).first() else { return nil }
        guard order.customer.telegramID == telegramID else { throw PurchaseError.idempotencyKeyReused }
        return OrderReceipt(
            orderID: order.id!, productName: order.productName, durationLabel: order.durationLabel, quantity: order.quantity,
            amount: Money(minorUnits: order.amount, currency: currency), keys: order.keys.sorted { $0.id! < $1.id! }.map(\.keyText),
            balanceAfter: Money(minorUnits: order.customer.balance, currency: currency), isRepeat: true
        )
    }
}
