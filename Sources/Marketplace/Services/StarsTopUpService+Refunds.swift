import FluentKit
import Foundation

/// Why a Stars refund was refused; nothing changed.
public enum StarsRefundError: Error, Equatable, Sendable {
    case paymentNotFound(paymentID: Int)
    case alreadyRefunded(paymentID: Int)
    /// The customer spent part of the top-up: giving the Stars back would leave the balance below zero.
    case balanceTooLow(balance: Money, needed: Money)
    /// Telegram refused the refund; the balance was given back.
    case telegramRefused(reason: String)
}

extension StarsRefundError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .paymentNotFound(let id): "no Stars payment \(id)"
        case .alreadyRefunded(let id): "Stars payment \(id) has been refunded already"
        case .balanceTooLow(let balance, let needed): "the balance is \(balance.formatted); the refund takes \(needed.formatted)"
        case .telegramRefused(let reason): "Telegram refused the refund: \(reason)"
        }
    }
}

/// A refund in Stars, claimed: the balance is debited and the payment marked, and Telegram is
/// to be asked to give the Stars back.
public struct StarsRefundClaim: Sendable, Equatable {
    public var paymentID: Int
    public var chargeID: String
    public var telegramID: Int64
    public var stars: Int64
    public var debited: Money
    public var balanceAfter: Money
}

/// Refunds of Stars top-ups, once per charge. The balance is debited first, in one transaction
/// with the claim, so a purchase can't spend the money while Telegram is asked; a refund
/// Telegram refuses gives it back, and one whose answer was lost stays claimed until
/// ``confirmRefund(chargeID:)``, to be asked again (Telegram refuses a second refund of a charge).
extension StarsTopUpService {
    /// - Parameter paymentID: the Stars top-up's id.
    public func claimRefund(paymentID: Int, by adminID: Int64) async throws -> StarsRefundClaim {
        try await permissions.require(.money, adminID)
        let currency = currency
        let claim = try await database.atomically { db -> StarsRefundClaim in
            guard let found = try await Self.payment(paymentID, on: db) else { throw StarsRefundError.paymentNotFound(paymentID: paymentID) }
            try await db.lockCustomer(telegramID: found.customer.telegramID)
            guard let payment = try await Self.payment(paymentID, on: db), payment.state == .credited, let chargeID = payment.invoiceID,
                let stars = payment.price
            else { throw StarsRefundError.alreadyRefunded(paymentID: paymentID) }
            guard payment.customer.balance >= payment.amount else {
                throw StarsRefundError.balanceTooLow(
                    balance: Money(minorUnits: payment.customer.balance, currency: currency),
                    needed: Money(minorUnits: payment.amount, currency: currency))
            }
            let balance = try await LedgerService.post(
                -payment.amount, customerID: payment.$customer.id, reason: .starsRefund, actorID: adminID, orderID: nil, idempotencyKey: nil,
                currency: currency, on: db)
            payment.state = .refunded
            try await payment.save(on: db)
            try await AuditLog.record(
                admin: adminID, action: "stars.refund", subject: "customer \(payment.customer.telegramID)",
                details: "\(stars) Stars · charge \(chargeID)", on: db)
            return StarsRefundClaim(
                paymentID: paymentID, chargeID: chargeID, telegramID: payment.customer.telegramID, stars: stars,
                debited: Money(minorUnits: payment.amount, currency: currency), balanceAfter: Money(minorUnits: balance, currency: currency))
        }
        try await cache.delete(CacheKey.customer(claim.telegramID))
        return claim
    }

    /// Telegram gave the Stars back.
    public func confirmRefund(chargeID: String) async throws {
        try await Self.charge(chargeID, on: database).filter(\.$state == .refunded).filter(\.$refundConfirmedAt == nil)
            .set(\.$refundConfirmedAt, to: Date()).update()
    }

    /// Telegram refused the refund: the balance is credited back and the payment may be refunded again.
    /// - Returns: the balance after, or nil when there was no unconfirmed refund to undo.
    @discardableResult
    public func undoRefund(chargeID: String, reason: String) async throws -> Money? {
        let currency = currency
        let undone = try await database.atomically { db -> (Int64, Money)? in
            guard let found = try await Self.charge(chargeID, on: db).with(\.$customer).first() else { return nil }
            try await db.lockCustomer(telegramID: found.customer.telegramID)
            guard let payment = try await Self.charge(chargeID, on: db).first(), payment.state == .refunded, payment.refundConfirmedAt == nil else {
                return nil
            }
            let balance = try await LedgerService.post(
                payment.amount, customerID: payment.$customer.id, reason: .starsRefundUndone, actorID: nil, orderID: nil, idempotencyKey: nil,
                currency: currency, on: db)
            payment.state = .credited
            try await payment.save(on: db)
            try await AuditLog.record(
                admin: AuditLog.commandLine, action: "stars.refund.undo", subject: "customer \(found.customer.telegramID)", details: reason, on: db)
            return (found.customer.telegramID, Money(minorUnits: balance, currency: currency))
        }
        guard let (telegramID, balance) = undone else { return nil }
        try await cache.delete(CacheKey.customer(telegramID))
        return balance
    }

    /// Refunds claimed and not confirmed: the bot stopped, or Telegram's answer was lost.
    /// - Parameter claimedBefore: only those claimed before then, so one whose request is still
    ///   waiting for Telegram's answer isn't asked again beside it.
    public func unconfirmedRefunds(claimedBefore: Date = .distantFuture) async throws -> [StarsRefundClaim] {
        let payments = try await TopUp.query(on: database).filter(\.$provider == TopUpProviderID.stars.rawValue).filter(\.$state == .refunded)
            .filter(\.$refundConfirmedAt == nil).filter(\.$updatedAt < claimedBefore).with(\.$customer).all()
        return payments.map {
            StarsRefundClaim(
                paymentID: $0.id!, chargeID: $0.invoiceID ?? "", telegramID: $0.customer.telegramID, stars: $0.price ?? 0,
                debited: Money(minorUnits: $0.amount, currency: currency), balanceAfter: Money(minorUnits: $0.customer.balance, currency: currency)
            )
        }
    }

    private static func payment(_ id: Int, on db: any Database) async throws -> TopUp? {
        try await TopUp.query(on: db).filter(\.$id == id).filter(\.$provider == TopUpProviderID.stars.rawValue).with(\.$customer).first()
    }

    private static func charge(_ chargeID: String, on db: any Database) -> QueryBuilder<TopUp> {
        TopUp.query(on: db).filter(\.$provider == TopUpProviderID.stars.rawValue).filter(\.$invoiceID == chargeID)
    }
}
