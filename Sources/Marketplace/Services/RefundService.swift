import FluentKit
import Foundation

/// What happens to a refunded key.
/// Where an order stands: stored as its raw value; one this version doesn't know fails the read.
public enum OrderStatus: String, Sendable, Codable {
    case completed
    case partiallyRefunded = "partially_refunded"
    case refunded
}

public enum RefundDisposition: String, Sendable, Codable, CaseIterable {
    /// Back in stock, to be sold again: the customer never used it.
    case restock
    /// Never sold again: the key was bad.
    case revoke
}

/// Why a refund was refused. Thrown inside the transaction, so nothing changed.
public enum RefundError: Error, Equatable, Sendable {
    case orderNotFound(orderID: Int)
    case keyNotInOrder(keyID: Int, orderID: Int)
    case alreadyRefunded(keyID: Int)
    /// Every key of the order is refunded already.
    case nothingToRefund(orderID: Int)
}

extension RefundError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .orderNotFound(let id): "no order \(id)"
        case .keyNotInOrder(let key, let order): "key \(key) is not one of order \(order)'s"
        case .alreadyRefunded(let key): "key \(key) has been refunded already"
        case .nothingToRefund(let id): "every key of order \(id) has been refunded already"
        }
    }
}

/// An order as the admin sees it: who bought what, each key, and what was refunded.
public struct AdminOrder: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public var id: Int
        public var text: String
        /// Set once the key is refunded.
        public var refund: Refund?
    }

    public struct Refund: Sendable, Equatable {
        public var amount: Money
        public var disposition: RefundDisposition
        public var date: Date
    }

    public var orderID: Int
    public var customer: CustomerSnapshot
    public var productName: String
    public var durationLabel: String
    public var quantity: Int
    public var amount: Money
    public var date: Date
    public var status: OrderStatus
    /// Every key the order delivered, in the order they were delivered.
    public var keys: [Key]

    public var refunded: Money {
        Money(minorUnits: keys.compactMap(\.refund?.amount.minorUnits).reduce(0, +), currency: amount.currency)
    }

    public var refundableKeys: [Key] { keys.filter { $0.refund == nil } }
}

/// What a refund did.
public struct RefundOutcome: Sendable, Equatable {
    public var orderID: Int
    public var customerTelegramID: Int64
    public var keys: [String]
    public var amount: Money
    public var balanceAfter: Money
    public var disposition: RefundDisposition
}

/// Orders for the admin, and refunds of their keys to the customer's balance: each key once,
/// through the ledger, in one transaction with the customer locked as a purchase locks them.
public struct RefundService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    public init(
        database: any Database, currency: Currency, cache: any Cache = DisabledCache(), permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.cache = cache
        self.permissions = permissions
    }

    /// - Throws: ``RefundError/orderNotFound(orderID:)``.
    public func order(_ orderID: Int) async throws -> AdminOrder {
        try await Self.load(orderID, currency: currency, on: database)
    }

    /// Refunds `keyIDs` of an order (nil: every key not refunded yet) to the customer's balance.
    public func refund(orderID: Int, keyIDs: [Int]? = nil, disposition: RefundDisposition, by adminID: Int64) async throws -> RefundOutcome {
        try await permissions.require(.refunds, adminID)
        let currency = currency
        let outcome = try await database.atomically { db -> RefundOutcome in
            guard let customerID = try await Order.find(orderID, on: db)?.$customer.id, let customer = try await Customer.find(customerID, on: db)
            else {
                throw RefundError.orderNotFound(orderID: orderID)
            }
            try await db.lockCustomer(telegramID: customer.telegramID)
            // Read again under the lock: a refund at the same moment has written its rows by now.
            let order = try await Self.load(orderID, currency: currency, on: db)
            let targets = try Self.targets(keyIDs, of: order)
            let shares = Self.shares(of: order)
            var total: Int64 = 0
            for key in targets {
                let refund = KeyRefund()
                refund.orderID = orderID
                refund.keyID = key.id
                refund.keyText = key.text
                refund.amount = shares[key.id] ?? 0
                refund.disposition = disposition
                refund.adminID = adminID
                try await refund.create(on: db)
                total += refund.amount
            }
            if disposition == .restock {
                try await ProductKey.query(on: db).filter(\.$id ~~ targets.map(\.id)).set(\.$isUsed, to: false).set(\.$order.$id, to: nil).update()
            }
            let balance = try await LedgerService.post(
                total, customerID: customerID, reason: .refund, actorID: adminID, orderID: orderID, idempotencyKey: nil, currency: currency, on: db)
            let status: OrderStatus = targets.count == order.refundableKeys.count ? .refunded : .partiallyRefunded
            try await Order.query(on: db).filter(\.$id == orderID).set(\.$status, to: status).update()
            // A whole order refunded gives its promo code's use back.
            if status == .refunded { try await PromoService.giveBack(orderID: orderID, now: Date(), on: db) }
            let amount = Money(minorUnits: total, currency: currency)
            try await AuditLog.record(
                admin: adminID, action: "order.refund.\(disposition.rawValue)", subject: "order \(orderID)",
                details: "\(targets.count) of \(order.keys.count) keys · \(amount.formatted)",
                before: order.status.rawValue, after: status.rawValue, on: db
            )
            return RefundOutcome(
                orderID: orderID, customerTelegramID: customer.telegramID, keys: targets.map(\.text), amount: amount,
                balanceAfter: Money(minorUnits: balance, currency: currency), disposition: disposition
            )
        }
        try await cache.delete(CacheKey.customer(outcome.customerTelegramID))
        return outcome
    }

    /// The keys a refund takes, or why it can't.
    private static func targets(_ keyIDs: [Int]?, of order: AdminOrder) throws(RefundError) -> [AdminOrder.Key] {
        guard let keyIDs else {
            guard !order.refundableKeys.isEmpty else { throw .nothingToRefund(orderID: order.orderID) }
            return order.refundableKeys
        }
        var targets: [AdminOrder.Key] = []
        for id in Set(keyIDs).sorted() {
            guard let key = order.keys.first(where: { $0.id == id }) else { throw .keyNotInOrder(keyID: id, orderID: order.orderID) }
            guard key.refund == nil else { throw .alreadyRefunded(keyID: id) }
            targets.append(key)
        }
        guard !targets.isEmpty else { throw .nothingToRefund(orderID: order.orderID) }
        return targets
    }

    /// Each key's part of what the order cost: equal parts, the first keys taking a cent of any
    /// remainder, so refunding every key gives back exactly the amount paid.
    public static func shares(of order: AdminOrder) -> [Int: Int64] {
        let count = Int64(max(order.keys.count, 1))
        let part = order.amount.minorUnits / count
        let remainder = order.amount.minorUnits % count
        var shares: [Int: Int64] = [:]
        for (index, key) in order.keys.enumerated() {
            shares[key.id] = part + (Int64(index) < remainder ? 1 : 0)
        }
        return shares
    }

    static func load(_ orderID: Int, currency: Currency, on db: any Database) async throws -> AdminOrder {
        guard let order = try await Order.query(on: db).filter(\.$id == orderID).with(\.$customer).with(\.$keys).first() else {
            throw RefundError.orderNotFound(orderID: orderID)
        }
        let refunds = try await KeyRefund.query(on: db).filter(\.$orderID == orderID).all()
        var keys: [Int: AdminOrder.Key] = [:]
        for key in order.keys { keys[key.id!] = AdminOrder.Key(id: key.id!, text: key.keyText, refund: nil) }
        for refund in refunds {
            // A key put back in stock has left the order: the refund remembers it.
            keys[refund.keyID, default: AdminOrder.Key(id: refund.keyID, text: refund.keyText)].refund = AdminOrder.Refund(
                amount: Money(minorUnits: refund.amount, currency: currency), disposition: refund.disposition,
                date: refund.createdAt ?? Date(timeIntervalSince1970: 0)
            )
        }
        return AdminOrder(
            orderID: orderID, customer: CustomerSnapshot(order.customer, currency: currency), productName: order.productName,
            durationLabel: order.durationLabel,
            quantity: order.quantity, amount: Money(minorUnits: order.amount, currency: currency),
            date: order.createdAt ?? Date(timeIntervalSince1970: 0),
            status: order.status, keys: keys.values.sorted { $0.id < $1.id }
        )
    }
}
