/// Why the shop refused something. Thrown inside a transaction, so nothing is changed; the bot
/// renders it for the user.
public enum PurchaseError: Error, Equatable, Sendable {
    case unknownCustomer
    case banned
    /// The price or its product is hidden or gone.
    case unavailable(priceID: Int)
    /// The product is for premium customers only.
    case premiumOnly(productID: Int)
    case invalidQuantity(Int)
    /// More than one key at a time is for resellers only.
    case quantityForResellersOnly(Int)
    /// The total the customer was shown is no longer the total: a price or the customer's
    /// status changed in between. Nothing was charged; show the new total and ask again.
    case priceChanged(priceID: Int, shown: Money, current: Money)
    case insufficientFunds(needed: Money, balance: Money)
    case outOfStock(priceID: Int, available: Int)
    /// The idempotency key belongs to another customer's order.
    case idempotencyKeyReused
    /// The promo code doesn't apply (any more): nothing was charged.
    case promo(PromoRefusal)

    /// How much more the customer needs, for an insufficient-funds refusal.
    public var shortfall: Money? {
        guard case .insufficientFunds(let needed, let balance) = self else { return nil }
        return Money(minorUnits: needed.minorUnits - balance.minorUnits, currency: needed.currency)
    }
}

/// Why a balance change was refused.
public enum LedgerError: Error, Equatable, Sendable {
    case unknownCustomer(telegramID: Int64)
    case nonPositiveAmount
    /// The change would take the balance below zero.
    case insufficientFunds(balance: Money)
    /// An admin's credit or debit needs a reason the customer is shown.
    case noteEmpty
    case noteTooLong(length: Int, limit: Int)
}

extension LedgerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownCustomer(let id): "no customer \(id)"
        case .nonPositiveAmount: "an amount is above zero"
        case .insufficientFunds(let balance): "the balance is \(balance.formatted): it can't go below zero"
        case .noteEmpty: "a reason is needed: the customer is shown it"
        case .noteTooLong(let length, let limit): "the reason is \(length) characters; at most \(limit)"
        }
    }
}

/// Why an admin change was refused.
public enum AdminError: Error, Equatable, Sendable {
    case notAnAdmin(telegramID: Int64)
    /// Only the root admin (or the command line) manages admins and their roles.
    case notRoot(telegramID: Int64)
    /// The admin's role doesn't allow it.
    case notPermitted(AdminPermission, telegramID: Int64)
    /// The root admin may do everything: there is no role to set.
    case rootHasNoRole
    /// The admin already has that role.
    case sameRole(AdminRole)
    /// The root admin (`ROOT_ADMIN_ID`) can't be removed or demoted.
    case rootIsPermanent
    case alreadyAnAdmin(telegramID: Int64)
    case noSuchAdmin(telegramID: Int64)
    case invalidUserID
}

/// Why a change a customer asked for to their own account was refused.
public enum AccountError: Error, Equatable, Sendable {
    /// The customer is premium already (upgraded from another device a moment ago, say).
    case alreadyPremium
    /// Not a language code such as `en` or `ru`.
    case invalidLanguageCode(String)
}

extension AccountError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .alreadyPremium: "already premium"
        case .invalidLanguageCode(let code): "\(code) is not a language code such as en or ru"
        }
    }
}

extension AdminError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notAnAdmin(let id): "\(id) is not an admin"
        case .notRoot(let id): "only the root admin manages admins; \(id) is not the root admin"
        case .notPermitted(let permission, let id): "\(id)'s role doesn't allow \(permission.rawValue)"
        case .sameRole(let role): "the admin is already \(role.rawValue)"
        case .rootIsPermanent: "the root admin can't be removed"
        case .rootHasNoRole: "the root admin may do everything and has no role to set"
        case .alreadyAnAdmin(let id): "\(id) is already an admin"
        case .noSuchAdmin(let id): "\(id) is not an admin"
        case .invalidUserID: "a Telegram user id is a positive number"
        }
    }
}

/// Why a catalogue or stock change was refused. Lengths are UTF-16 code units, as Telegram
/// counts what the customer sees.
public enum CatalogueError: Error, Equatable, Sendable {
    case productNotFound(productID: Int)
    case priceNotFound(priceID: Int)
    case nameEmpty
    case nameTooLong(length: Int, limit: Int)
    case descriptionTooLong(length: Int, limit: Int)
    /// A photo card shows at most a caption's worth: the description must leave room for the prices.
    case descriptionTooLongForPhoto(length: Int, limit: Int)
    case durationLabelEmpty
    case durationLabelTooLong(length: Int, limit: Int)
    case durationNotPositive
    case durationTooLong(days: Int, limit: Int)
    /// A price is above zero: a free key is given by crediting the customer instead.
    case priceNotPositive
    case resellerPriceNotPositive
    /// Deleting would orphan unsold keys or order history; archive it instead.
    case productInUse(keys: Int, orders: Int)
    case priceInUse(keys: Int, orders: Int)
    case soldKeyCantBeDeleted(keyID: Int)
    case keyNotFound(keyID: Int)
}

extension CatalogueError: CustomStringConvertible {
    /// In English, for the command line and logs; the panel words each in the admin's language.
    public var description: String {
        switch self {
        case .productNotFound(let id): "no product \(id)"
        case .priceNotFound(let id): "no price \(id)"
        case .keyNotFound(let id): "no key \(id)"
        case .nameEmpty: "the name is empty"
        case .nameTooLong(let length, let limit): "the name is \(length) characters; at most \(limit)"
        case .descriptionTooLong(let length, let limit): "the description is \(length) characters; at most \(limit)"
        case .descriptionTooLongForPhoto(let length, let limit): "the description is \(length) characters; with a photo at most \(limit)"
        case .durationLabelEmpty: "the label is empty"
        case .durationLabelTooLong(let length, let limit): "the label is \(length) characters; at most \(limit)"
        case .durationNotPositive: "a duration is at least 1 day (or lifetime: no days)"
        case .durationTooLong(let days, let limit): "\(days) days is more than \(limit); use lifetime"
        case .priceNotPositive: "a price is above zero"
        case .resellerPriceNotPositive: "a reseller price is above zero"
        case .productInUse(let keys, let orders): "\(keys) keys and \(orders) orders refer to it; archive it instead"
        case .priceInUse(let keys, let orders): "\(keys) keys and \(orders) orders refer to it; archive it instead"
        case .soldKeyCantBeDeleted(let id): "key \(id) has been sold"
        }
    }
}
