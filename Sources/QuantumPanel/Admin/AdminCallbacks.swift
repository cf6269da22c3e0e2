import BotRouting
import Marketplace

/// The admin panel's buttons. Every one of them is handled under the admin filter only: a
/// customer who replays one gets the shop's answer to unknown input.

/// A section of the panel.
struct AdminCallback: CallbackData {
    static let prefix = "a"

    enum Section: String, Codable, Sendable {
        case panel, products, stock, addProduct
        case findCustomer, findOrder, staff, addAdmin, sellers, addSeller, broadcast
        case auditFilter, export, chart
        case payments, checkPayments, paymentsPerson, promos
    }

    var to: Section
    var page: Int = 1
}

/// Something done to a product, from its admin card.
struct AdminProductCallback: CallbackData {
    static let prefix = "ao"

    enum Action: String, Codable, Sendable {
        case open, name, description, photo, removePhoto, premium, hide, show, up, down, delete, archive, unarchive, addPrice
    }

    var productID: Int
    var action: Action
}

/// Something done to a price, from its admin card or its stock.
struct AdminPriceCallback: CallbackData {
    static let prefix = "ar"

    enum Action: String, Codable, Sendable {
        case open, label, duration, amount, reseller, removeReseller, hide, show, up, down, delete, archive, unarchive
        case stock, addKeys, export, deleteAll
    }

    var priceID: Int
    var action: Action
}

/// A page of a price's unsold keys.
struct AdminKeysCallback: CallbackData {
    static let prefix = "ak"
    var priceID: Int
    var page: Int
}

/// Deleting one unsold key, from the list's page.
struct AdminDeleteKeyCallback: CallbackData {
    static let prefix = "ax"
    var keyID: Int
    var priceID: Int
}

/// A page of the audit log, of everything or by or about one person (0: everyone).
struct AdminAuditCallback: CallbackData {
    static let prefix = "au"
    var person: Int64
    var page: Int = 1
}

/// 💳 Payments narrowed: to one provider, one state, one customer (nil: all).
struct AdminPaymentsCallback: CallbackData, Equatable {
    static let prefix = "ap"
    var provider: TopUpProviderID?
    var state: TopUpState?
    var person: Int64?
}

/// A promo code's card, and pausing or resuming it.
struct AdminPromoCallback: CallbackData {
    static let prefix = "aq"

    enum Action: String, Codable, Sendable {
        case open, pause, resume
    }

    var code: String
    var action: Action
}

/// One of the CSV exports.
struct AdminExportCallback: CallbackData {
    static let prefix = "ae"
    var choice: ExportChoice
}

/// A broadcast's progress message: Pause, Resume and Stop.
struct AdminBroadcastCallback: CallbackData {
    static let prefix = "ab"

    enum Action: String, Codable, Sendable {
        case pause, resume, stop
    }

    var broadcastID: Int
    var action: Action
}

/// A page of the customer list, with its filter.
struct AdminCustomersCallback: CallbackData {
    static let prefix = "al"
    var filter: CustomerFilter
    var page: Int = 1
}

/// Something done to a customer, from their profile.
struct AdminCustomerCallback: CallbackData {
    static let prefix = "ac"

    enum Action: String, Codable, Sendable {
        case open, orders, credit, debit, premium, reseller, ban, refundStars
    }

    var telegramID: Int64
    var action: Action
    /// The page of `orders`, the Stars payment of `refundStars`.
    var value: Int = 1
}

/// An order's screen and its refund.
struct AdminOrderCallback: CallbackData {
    static let prefix = "ag"

    enum Action: String, Codable, Sendable {
        case open, refund
    }

    var orderID: Int
    var action: Action
}

/// The admins list (root only): removing one.
struct AdminStaffCallback: CallbackData {
    static let prefix = "as"
    var telegramID: Int64
}

/// An admin's role, from the admins list (root only): choosing another.
struct AdminRoleCallback: CallbackData {
    static let prefix = "aw"
    var telegramID: Int64
}

/// A trusted seller's card and what its buttons do.
struct AdminSellerCallback: CallbackData {
    static let prefix = "at"

    enum Action: String, Codable, Sendable {
        case open, username, name, note, up, down, remove
    }

    var sellerID: Int
    var action: Action
}
