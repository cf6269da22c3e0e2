import FluentKit
import Foundation

/// Balance top-ups paid with Telegram Stars: each payment is credited once, by its charge id.
public struct StarsTopUpService: Sendable {
    let database: any Database
    let currency: Currency
    let cache: any Cache
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck
    /// What one Star adds to a balance.
    public let starValue: Money

    public init(
        database: any Database, currency: Currency, starValue: Money, cache: any Cache = DisabledCache(),
        permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.currency = currency
        self.starValue = starValue
        self.cache = cache
        self.permissions = permissions
    }

    /// What a top-up of `stars` adds to a balance.
    public func credit(forStars stars: Int) -> Money {
        Money(minorUnits: starValue.minorUnits * Int64(stars), currency: currency)
    }

    /// Which of `chargeIDs` are booked already: one query, for reconciling a page of transactions.
    public func bookedChargeIDs(among chargeIDs: [String]) async throws -> Set<String> {
        guard !chargeIDs.isEmpty else { return [] }
        return Set(try await StarsPayment.query(on: database).filter(\.$chargeID ~~ chargeIDs).all().map(\.chargeID))
    }

    /// The outcome of booking one payment.
    public struct Outcome: Sendable, Equatable {
        public var credited: Money
        public var balance: Money
        /// The charge was booked before (Telegram delivered the payment twice): nothing new was added.
        public var isRepeat: Bool
    }

    /// Books a successful Stars payment: one payment row and one ledger row in one transaction.
    /// The charge id is unique in both, so a second delivery of the same payment adds nothing.
    public func book(chargeID: String, telegramID: Int64, stars: Int, payload: String) async throws -> Outcome {
        guard stars > 0, !chargeID.isEmpty else { throw LedgerError.nonPositiveAmount }
        let amount = credit(forStars: stars)
        let currency = currency
        do {
            let outcome = try await database.atomically { db -> Outcome in
                if let earlier = try await StarsPayment.query(on: db).filter(\.$chargeID == chargeID).with(\.$customer).first() {
                    return Outcome(
                        credited: Money(minorUnits: earlier.credited, currency: currency),
                        balance: Money(minorUnits: earlier.customer.balance, currency: currency), isRepeat: true)
                }
                try await db.lockCustomer(telegramID: telegramID)
                guard let customer = try await Customer.query(on: db).filter(\.$telegramID == telegramID).first(), let id = customer.id else {
                    throw LedgerError.unknownCustomer(telegramID: telegramID)
                }
                let payment = StarsPayment()
                payment.chargeID = chargeID
                payment.$customer.id = id
                payment.stars = Int64(stars)
                payment.credited = amount.minorUnits
                payment.payload = payload
                payment.isRefunded = false
                try await payment.create(on: db)
                let balance = try await LedgerService.post(
                    amount.minorUnits, customerID: id, reason: .starsTopUp, actorID: telegramID, orderID: nil, idempotencyKey: "stars:\(chargeID)",
                    currency: currency, on: db)
                return Outcome(credited: amount, balance: Money(minorUnits: balance, currency: currency), isRepeat: false)
            }
            try await cache.delete(CacheKey.customer(telegramID))
            return outcome
        } catch let error as LedgerError {
            throw error
        } catch {
            // The same payment booked at the same moment by another delivery: the unique charge id refused this one.
            guard let earlier = try await StarsPayment.query(on: database).filter(\.$chargeID == chargeID).with(\.$customer).first() else {
                throw error
            }
            return Outcome(
                credited: Money(minorUnits: earlier.credited, currency: currency),
                balance: Money(minorUnits: earlier.customer.balance, currency: currency), isRepeat: true)
        }
    }
}
