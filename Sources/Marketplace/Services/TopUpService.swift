import FluentKit
import FluentSQL
import Foundation

/// Top-ups through a payment provider (Telegram Stars, Crypto Pay): each is a row before the
/// customer sees a Pay button, and a paid invoice is credited once, by the ledger key
/// `topup:<provider>:<invoice id>`, whoever reports it first (the provider's notice,
/// reconciliation, the customer's "I've paid").
public struct TopUpService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache

    public init(database: any Database, currency: Currency, cache: any Cache = DisabledCache()) {
        self.database = database
        self.currency = currency
        self.cache = cache
    }

    /// Stores a top-up of `amount` for the customer, before any invoice exists.
    /// - Parameter requestKey: names the request that asks for it: the same key again returns the
    ///   top-up it opened (a press handled again after a crash), whatever the other arguments.
    /// - Parameter price: what the provider charges in its own unit, when that isn't the shop's
    ///   currency (the Stars of a Stars top-up); a payment must match it.
    public func open(
        _ provider: TopUpProviderID, telegramID: Int64, amount: Money, price: Int64? = nil, expiresAt: Date, requestKey: String? = nil
    ) async throws -> TopUpRecord {
        guard amount.minorUnits > 0 else { throw LedgerError.nonPositiveAmount }
        guard amount.currency == currency else { throw TopUpError.currencyMismatch(expected: currency, got: amount.currency) }
        if let requestKey, let earlier = try await TopUp.query(on: database).filter(\.$requestKey == requestKey).with(\.$customer).first() {
            return try TopUpRecord(earlier, telegramID: earlier.customer.telegramID, currency: currency)
        }
        guard let customer = try await Customer.query(on: database).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
            throw LedgerError.unknownCustomer(telegramID: telegramID)
        }
        let topUp = TopUp()
        topUp.provider = provider.rawValue
        topUp.$customer.id = id
        topUp.requestKey = requestKey
        topUp.amount = amount.minorUnits
        topUp.price = price
        topUp.state = .created
        topUp.expiresAt = expiresAt
        do {
            try await topUp.create(on: database)
        } catch {
            // The same request opened it at the same moment: the unique request key refused this one.
            guard let requestKey, let earlier = try await TopUp.query(on: database).filter(\.$requestKey == requestKey).with(\.$customer).first()
            else { throw error }
            return try TopUpRecord(earlier, telegramID: earlier.customer.telegramID, currency: currency)
        }
        return try TopUpRecord(topUp, telegramID: telegramID, currency: currency)
    }

    /// Records the invoice the provider made for a top-up, and where it is paid.
    public func attach(invoiceID: String, payURL: String, to topUpID: Int) async throws -> TopUpRecord {
        guard let topUp = try await TopUp.query(on: database).filter(\.$id == topUpID).with(\.$customer).first() else {
            throw TopUpError.unknownTopUp(id: topUpID)
        }
        topUp.invoiceID = invoiceID
        topUp.payURL = payURL
        try await topUp.update(on: database)
        return try TopUpRecord(topUp, telegramID: topUp.customer.telegramID, currency: currency)
    }

    /// A top-up whose invoice the provider didn't make: nothing can be paid for it.
    public func cancel(_ topUpID: Int) async throws {
        try await TopUp.query(on: database).filter(\.$id == topUpID).filter(\.$state == .created).set(\.$state, to: .cancelled).update()
    }

    /// The outcome of a credit.
    public struct Credit: Sendable, Equatable {
        public var topUp: TopUpRecord
        public var balance: Money
        /// Credited before (a webhook sent twice, reconciliation after the webhook): nothing new was added.
        public var isRepeat: Bool
    }

    /// Credits a paid invoice: the ledger entry and the top-up's new state in one transaction,
    /// once, however many times and from wherever the payment is reported. An invoice past its
    /// expiry in our books is still credited: the provider took the money. A provider that names
    /// its invoice only when paid (Stars: the charge) says which top-up the payment is for; an
    /// invoice of it paid twice is two top-ups, each credited.
    ///
    /// - Throws: ``TopUpError/unknownInvoice(provider:invoiceID:)`` for an invoice the shop didn't
    ///   make, ``TopUpError/amountMismatch(expected:paid:)`` or ``TopUpError/priceMismatch(expected:paid:)``
    ///   when what was paid isn't what the invoice asked.
    public func credit(_ provider: TopUpProviderID, _ payment: TopUpPayment) async throws -> Credit {
        let currency = currency
        let credit: Credit
        do {
            credit = try await database.atomically { db -> Credit in
                guard let found = try await Self.find(provider, payment, on: db) else {
                    throw TopUpError.unknownInvoice(provider: provider, invoiceID: payment.invoiceID)
                }
                let telegramID = found.customer.telegramID
                try await db.lockCustomer(telegramID: telegramID)
                // Read again under the lock: a credit committed meanwhile shows now.
                guard var topUp = try await Self.find(provider, payment, on: db), let customerID = topUp.customer.id else {
                    throw TopUpError.unknownInvoice(provider: provider, invoiceID: payment.invoiceID)
                }
                if topUp.invoiceID == payment.invoiceID, topUp.state == .credited || topUp.state == .refunded {
                    let balance = Money(minorUnits: topUp.customer.balance, currency: currency)
                    return Credit(topUp: try TopUpRecord(topUp, telegramID: telegramID, currency: currency), balance: balance, isRepeat: true)
                }
                try Self.check(payment, against: topUp, currency: currency)
                if topUp.invoiceID != nil, topUp.invoiceID != payment.invoiceID {
                    topUp = try await Self.copy(topUp, on: db)
                }
                topUp.invoiceID = payment.invoiceID
                let balance = try await LedgerService.post(
                    topUp.amount, customerID: customerID, reason: provider == .stars ? .starsTopUp : .topUp, actorID: telegramID, orderID: nil,
                    idempotencyKey: "topup:\(provider.rawValue):\(payment.invoiceID)", currency: currency, on: db)
                topUp.state = .credited
                topUp.paidAt = payment.paidAt
                topUp.creditedAt = Date()
                try await topUp.save(on: db)
                return Credit(
                    topUp: try TopUpRecord(topUp, telegramID: telegramID, currency: currency),
                    balance: Money(minorUnits: balance, currency: currency),
                    isRepeat: false)
            }
        } catch let error as TopUpError {
            throw error
        } catch {
            // Credited at the same moment by another report: the ledger's unique key refused this one.
            guard let topUp = try await Self.find(provider, invoiceID: payment.invoiceID, on: database), topUp.state == .credited else {
                throw error
            }
            let balance = Money(minorUnits: topUp.customer.balance, currency: currency)
            return Credit(topUp: try TopUpRecord(topUp, telegramID: topUp.customer.telegramID, currency: currency), balance: balance, isRepeat: true)
        }
        if !credit.isRepeat { try await cache.delete(CacheKey.customer(credit.topUp.telegramID)) }
        return credit
    }

    /// Credits a paid invoice priced in the shop's currency; see ``credit(_:_:)``.
    public func credit(_ provider: TopUpProviderID, invoiceID: String, paid: Money, paidAt: Date) async throws -> Credit {
        try await credit(provider, TopUpPayment(invoiceID: invoiceID, amount: paid, paidAt: paidAt))
    }

    /// Whether the payment pays what the top-up asks: its price in the provider's unit when it has
    /// one, else its amount.
    private static func check(_ payment: TopUpPayment, against topUp: TopUp, currency: Currency) throws {
        if let price = topUp.price {
            guard payment.price == price else { throw TopUpError.priceMismatch(expected: price, paid: payment.price) }
        } else {
            let asked = Money(minorUnits: topUp.amount, currency: currency)
            guard let paid = payment.amount, paid == asked else {
                throw TopUpError.amountMismatch(expected: asked, paid: payment.amount ?? Money(minorUnits: 0, currency: currency))
            }
        }
    }

    /// A second payment of an invoice already paid: a top-up of its own, for the same customer and amount.
    private static func copy(_ topUp: TopUp, on db: any Database) async throws -> TopUp {
        let copy = TopUp()
        copy.provider = topUp.provider
        copy.$customer.id = topUp.$customer.id
        copy.amount = topUp.amount
        copy.price = topUp.price
        copy.state = .created
        copy.expiresAt = topUp.expiresAt
        try await copy.create(on: db)
        copy.$customer.value = topUp.customer
        return copy
    }

    /// Marks the top-ups still waiting for a payment past their expiry as expired.
    /// - Returns: how many.
    @discardableResult
    public func expire(_ provider: TopUpProviderID, now: Date = Date()) async throws -> Int {
        let query = TopUp.query(on: database).filter(\.$provider == provider.rawValue).filter(\.$state == .created).filter(\.$expiresAt < now)
        let count = try await query.count()
        guard count > 0 else { return 0 }
        try await query.set(\.$state, to: .expired).update()
        return count
    }

    /// One top-up by the provider's invoice id.
    public func topUp(_ provider: TopUpProviderID, invoiceID: String) async throws -> TopUpRecord? {
        try await Self.find(provider, invoiceID: invoiceID, on: database).map {
            try TopUpRecord($0, telegramID: $0.customer.telegramID, currency: currency)
        }
    }

    /// One top-up by its id.
    public func topUp(id: Int) async throws -> TopUpRecord? {
        try await TopUp.query(on: database).filter(\.$id == id).with(\.$customer).first().map {
            try TopUpRecord($0, telegramID: $0.customer.telegramID, currency: currency)
        }
    }

    /// The top-ups of a provider that may still be paid, oldest first: for reconciliation.
    public func waiting(_ provider: TopUpProviderID) async throws -> [TopUpRecord] {
        try await TopUp.query(on: database).filter(\.$provider == provider.rawValue).filter(\.$state == .created).filter(\.$invoiceID != nil)
            .with(\.$customer).sort(\.$id).all()
            .map { try TopUpRecord($0, telegramID: $0.customer.telegramID, currency: currency) }
    }

    /// The newest top-ups, newest first: all, or one customer's, through one provider, or in one state.
    public func recent(
        limit: Int, telegramID: Int64? = nil, provider: TopUpProviderID? = nil, state: TopUpState? = nil
    ) async throws -> [TopUpRecord] {
        let query = TopUp.query(on: database).join(Customer.self, on: \TopUp.$customer.$id == \Customer.$id)
        if let telegramID { query.filter(Customer.self, \.$telegramID == telegramID) }
        if let provider { query.filter(\.$provider == provider.rawValue) }
        if let state { query.filter(\.$state == state) }
        return try await query.with(\.$customer).sort(\.$id, .descending).limit(limit).all()
            .map { try TopUpRecord($0, telegramID: $0.customer.telegramID, currency: currency) }
    }

    /// What was credited through each provider, for the dashboard and the export.
    public func creditedTotals() async throws -> [TopUpProviderID: Money] {
        var totals: [TopUpProviderID: Money] = [:]
        for provider in TopUpProviderID.allCases {
            // PostgreSQL sums bigints as numeric; the cast keeps one integer type on both databases.
            let sum = try await database.sql.select()
                .column(SQLRaw("CAST(COALESCE(SUM(amount), 0) AS BIGINT)"), as: "total")
                .from(TopUp.schema)
                .where("provider", .equal, provider.rawValue)
                .where("state", .equal, TopUpState.credited.rawValue)
                .first(decodingColumn: "total", as: Int64.self)
            totals[provider] = Money(minorUnits: sum ?? 0, currency: currency)
        }
        return totals
    }

    private static func find(_ provider: TopUpProviderID, invoiceID: String, on db: any Database) async throws -> TopUp? {
        try await TopUp.query(on: db).filter(\.$provider == provider.rawValue).filter(\.$invoiceID == invoiceID).with(\.$customer).first()
    }

    /// The top-up a payment pays: the one with its invoice, else, for a provider that names its
    /// invoice only when paid, the one it says.
    private static func find(_ provider: TopUpProviderID, _ payment: TopUpPayment, on db: any Database) async throws -> TopUp? {
        if let topUp = try await find(provider, invoiceID: payment.invoiceID, on: db) { return topUp }
        guard provider.namesInvoiceWhenPaid, let id = payment.topUpID else { return nil }
        return try await TopUp.query(on: db).filter(\.$id == id).filter(\.$provider == provider.rawValue).with(\.$customer).first()
    }
}

/// A payment a provider reports.
public struct TopUpPayment: Sendable, Equatable {
    public var invoiceID: String
    /// The top-up it pays, for a provider that names its invoice only when paid.
    public var topUpID: Int?
    /// What was paid in the shop's currency.
    public var amount: Money?
    /// What was paid in the provider's own unit (Stars).
    public var price: Int64?
    public var paidAt: Date

    public init(invoiceID: String, topUpID: Int? = nil, amount: Money? = nil, price: Int64? = nil, paidAt: Date) {
        self.invoiceID = invoiceID
        self.topUpID = topUpID
        self.amount = amount
        self.price = price
        self.paidAt = paidAt
    }
}

extension TopUpProviderID {
    /// Telegram names a Stars invoice only by the charge that pays it.
    public var namesInvoiceWhenPaid: Bool { self == .stars }
}

/// A top-up as the bot sees one.
public struct TopUpRecord: Sendable, Equatable {
    public var id: Int
    public var provider: TopUpProviderID
    public var invoiceID: String?
    public var telegramID: Int64
    public var amount: Money
    /// What the provider charges in its own unit (Stars), when not the shop's currency.
    public var price: Int64?
    public var state: TopUpState
    public var payURL: String?
    public var expiresAt: Date
    public var createdAt: Date?
    public var creditedAt: Date?

    init(_ topUp: TopUp, telegramID: Int64, currency: Currency) throws {
        guard let provider = TopUpProviderID(rawValue: topUp.provider) else { throw TopUpError.unknownProvider(topUp.provider) }
        id = topUp.id!
        self.provider = provider
        invoiceID = topUp.invoiceID
        self.telegramID = telegramID
        amount = Money(minorUnits: topUp.amount, currency: currency)
        price = topUp.price
        state = topUp.state
        payURL = topUp.payURL
        expiresAt = topUp.expiresAt
        createdAt = topUp.createdAt
        creditedAt = topUp.creditedAt
    }
}

/// Why a top-up was refused.
public enum TopUpError: Error, Equatable, Sendable {
    /// A payment for an invoice the shop didn't make (another app's, or forged).
    case unknownInvoice(provider: TopUpProviderID, invoiceID: String)
    case unknownTopUp(id: Int)
    /// Paid a different amount or currency than the invoice asked.
    case amountMismatch(expected: Money, paid: Money)
    /// Paid another price in the provider's unit (Stars) than the invoice asked.
    case priceMismatch(expected: Int64, paid: Int64?)
    /// A top-up asked in another currency than the shop's.
    case currencyMismatch(expected: Currency, got: Currency)
    /// A stored provider this version doesn't know.
    case unknownProvider(String)
}

extension TopUpError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownInvoice(let provider, let invoiceID): "no top-up has \(provider.rawValue) invoice \(invoiceID)"
        case .unknownTopUp(let id): "no top-up \(id)"
        case .amountMismatch(let expected, let paid): "the invoice asks \(expected.formatted), the payment says \(paid.formatted)"
        case .priceMismatch(let expected, let paid): "the invoice asks \(expected), the payment says \(paid.map(String.init) ?? "nothing")"
        case .currencyMismatch(let expected, let got): "the shop's currency is \(expected.code), not \(got.code)"
        case .unknownProvider(let name): "unknown payment provider \(name)"
        }
    }
}
