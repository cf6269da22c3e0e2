import Foundation

/// What a promo code gives and to whom: the discount and its limits.
public struct PromoTerms: Sendable, Equatable {
    public enum Discount: Sendable, Equatable {
        /// A percentage of the order, 1 to 100, rounded down to the minor unit.
        case percent(Int)
        /// A fixed amount off the order.
        case amount(Money)
    }

    public var discount: Discount
    /// Purchases in all; nil: no limit.
    public var maxUses: Int?
    public var perCustomer: Int
    public var startsAt: Date?
    public var endsAt: Date?
    /// The products it applies to; empty: every product.
    public var productIDs: [Int]
    /// The smallest order, before the discount, it applies to.
    public var minOrder: Money?
    /// Whether resellers may use it.
    public var forResellers: Bool

    public init(
        discount: Discount, maxUses: Int? = nil, perCustomer: Int = 1, startsAt: Date? = nil, endsAt: Date? = nil, productIDs: [Int] = [],
        minOrder: Money? = nil, forResellers: Bool = false
    ) {
        self.discount = discount
        self.maxUses = maxUses
        self.perCustomer = perCustomer
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.productIDs = productIDs
        self.minOrder = minOrder
        self.forResellers = forResellers
    }

    /// What it takes off an order of `subtotal`: never below `floor`, never below zero.
    public func discount(on subtotal: Money, floor: Money) -> Money {
        let off: Int64 =
            switch discount {
            case .percent(let percent): subtotal.minorUnits * Int64(percent) / 100
            case .amount(let amount): amount.minorUnits
            }
        let room = max(0, subtotal.minorUnits - max(0, floor.minorUnits))
        return Money(minorUnits: min(off, room), currency: subtotal.currency)
    }
}

/// Why a promo code doesn't apply to a purchase; nothing was charged.
public enum PromoRefusal: Error, Equatable, Sendable {
    case unknown(code: String)
    case paused(code: String)
    case notStarted(code: String, startsAt: Date)
    case expired(code: String)
    /// Every use has been taken.
    case usedUp(code: String)
    /// This customer has used it as often as one may.
    case usedByYou(code: String)
    case notForThisProduct(code: String)
    case belowMinimum(code: String, minimum: Money)
    case notForResellers(code: String)
}

/// Why a promo code can't be made or changed as asked.
public enum PromoTermsError: Error, Equatable, Sendable {
    /// Not 3–32 of A–Z, 0–9, `-`, `_`.
    case invalidCode(String)
    case codeTaken(String)
    case invalidPercent(Int)
    case nonPositiveAmount
    case invalidUses(Int)
    case invalidPerCustomer(Int)
    /// Ends before it starts.
    case endsBeforeStart
    case unknownProduct(id: Int)
    case unknownCode(String)
    /// A limit of uses below the uses already made.
    case usesBelowUsed(limit: Int, used: Int)
}

extension PromoRefusal: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknown(let code): "there is no promo code \(code)"
        case .paused(let code): "promo code \(code) is paused"
        case .notStarted(let code, let startsAt): "promo code \(code) starts at \(ISO8601DateFormatter().string(from: startsAt))"
        case .expired(let code): "promo code \(code) has expired"
        case .usedUp(let code): "promo code \(code) has been used up"
        case .usedByYou(let code): "promo code \(code) has been used by this customer as often as one may"
        case .notForThisProduct(let code): "promo code \(code) is not for this product"
        case .belowMinimum(let code, let minimum): "promo code \(code) is for orders of \(minimum.formatted) or more"
        case .notForResellers(let code): "promo code \(code) is not for resellers"
        }
    }
}

extension PromoTermsError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidCode(let text): "\"\(text)\" can't be a code: 3 to 32 of A-Z, 0-9, - and _"
        case .codeTaken(let code): "the code \(code) exists already"
        case .invalidPercent(let percent): "\(percent)% is not a discount: 1 to 100"
        case .nonPositiveAmount: "an amount must be above zero, in the shop's currency"
        case .invalidUses(let uses): "\(uses) uses: at least 1"
        case .invalidPerCustomer(let uses): "\(uses) uses per customer: at least 1"
        case .endsBeforeStart: "the code would end before it starts"
        case .unknownProduct(let id): "no product \(id)"
        case .unknownCode(let text): "there is no promo code \(text)"
        case .usesBelowUsed(let limit, let used): "the code has been used \(used) times; the limit can't be \(limit)"
        }
    }
}
