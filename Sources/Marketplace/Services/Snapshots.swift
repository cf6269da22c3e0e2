import Foundation

/// A customer as the bot sees one: plain values, safe to pass across tasks.
public struct CustomerSnapshot: Sendable, Equatable, Codable {
    public var id: Int
    public var telegramID: Int64
    public var username: String?
    public var firstName: String
    /// Telegram's language code for the user.
    public var languageCode: String?
    /// The language picked in the bot, which wins over `languageCode`.
    public var botLanguage: String?
    public var balance: Money
    public var isPremium: Bool
    public var isReseller: Bool
    public var isBanned: Bool
    /// They blocked the bot; they unblock it by writing again.
    public var isBlocked: Bool

    init(_ customer: Customer, currency: Currency) {
        id = customer.id!
        telegramID = customer.telegramID
        username = customer.username
        firstName = customer.firstName
        languageCode = customer.languageCode
        botLanguage = customer.botLanguage
        balance = Money(minorUnits: customer.balance, currency: currency)
        isPremium = customer.isPremium
        isReseller = customer.isReseller
        isBanned = customer.isBanned
        isBlocked = customer.isBlocked
    }
}

/// A completed purchase: what was bought and the keys delivered.
public struct OrderReceipt: Sendable, Equatable {
    public var orderID: Int
    public var productName: String
    public var durationLabel: String
    public var quantity: Int
    public var amount: Money
    public var keys: [String]
    public var balanceAfter: Money
    /// True when an idempotency key matched an earlier purchase and nothing new was bought.
    public var isRepeat: Bool
}

/// One ledger line, for the customer's balance screen.
public struct LedgerLine: Sendable, Equatable {
    public var delta: Money
    public var balanceAfter: Money
    public var reason: LedgerReason
    /// What the admin said about a credit or debit.
    public var note: String?
    public var date: Date
}

/// Why a balance changed.
public enum LedgerReason: String, Sendable, Codable, CaseIterable {
    case purchase
    case adminCredit = "admin_credit"
    case adminDebit = "admin_debit"
    case premiumUpgrade = "premium_upgrade"
    case starsTopUp = "stars_top_up"
    /// Paid through a payment provider (Crypto Pay): a ``TopUp``.
    case topUp = "top_up"
    case refund
    /// A Stars top-up given back in Stars; ``starsRefundUndone`` puts it back when Telegram refused.
    case starsRefund = "stars_refund"
    case starsRefundUndone = "stars_refund_undone"
}

/// A product as a given customer may see it, with the prices they pay and the stock.
public struct CatalogueProduct: Sendable, Equatable {
    public struct Offer: Sendable, Equatable {
        public var priceID: Int
        public var durationLabel: String
        public var durationDays: Int?
        /// What this customer pays: the reseller price for resellers, when there is one.
        public var price: Money
        public var stock: Int
    }

    public var id: Int
    public var name: String
    public var description: String
    public var photoFileID: String?
    public var isPremiumOnly: Bool
    /// Premium-only and the customer isn't premium: shown, but not for sale to them.
    public var isLocked: Bool
    public var offers: [Offer]

    public var stock: Int { offers.reduce(0) { $0 + $1.stock } }
}

/// What happened to a batch of keys an admin sent.
public struct StockReport: Sendable, Equatable {
    /// A line that was not added, and why.
    public struct Refusal: Sendable, Equatable {
        public enum Reason: String, Sendable, Equatable {
            /// Repeated earlier in the same batch.
            case repeated
            /// Already in stock for this product, sold or not.
            case alreadyInStock
            case tooLong
            case controlCharacters
        }

        /// 1-based, as an editor numbers lines.
        public var line: Int
        /// The line as sent, cut to ``StockReport/refusalTextLimit``.
        public var text: String
        public var reason: Reason

        public init(line: Int, text: String, reason: Reason) {
            self.line = line
            self.text = text
            self.reason = reason
        }
    }

    /// How many refusals are kept, for the admin to see which lines they were.
    public static let refusalLimit = 5
    public static let refusalTextLimit = 40

    public var added: Int
    /// Already in stock for this product (sold or not), or repeated within the batch.
    public var duplicates: Int
    /// Too long, or holding control characters.
    public var invalid: Int
    public var blank: Int
    /// The first refused lines, up to ``refusalLimit``.
    public var refusals: [Refusal]
    /// The price had no unsold key before and has some now: customers waiting for it are told.
    public var restocked: Bool

    public init(added: Int, duplicates: Int, invalid: Int, blank: Int = 0, refusals: [Refusal] = [], restocked: Bool = false) {
        self.added = added
        self.duplicates = duplicates
        self.invalid = invalid
        self.blank = blank
        self.refusals = refusals
        self.restocked = restocked
    }
}

/// A past order in a customer's history.
public struct OrderSummary: Sendable, Equatable {
    public var orderID: Int
    public var productName: String
    public var durationLabel: String
    public var quantity: Int
    public var amount: Money
    public var date: Date
    /// The keys delivered; filled only when one order is opened.
    public var keys: [String]
}

/// One page of a list, with the total to page through.
public struct Page<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    /// 1-based, clamped to the pages there are.
    public var number: Int
    public var pageCount: Int
    public var totalCount: Int
}
