import BotRouting
import Marketplace

/// The texts of the panel's customers, orders, admins and sellers sections, in one language, as
/// ``AdminStrings`` is for the catalogue. Values passed in are already escaped.
struct PeopleStrings: Sendable {
    var sectionCustomers: String
    var sectionOrders: String
    var sectionStaff: String
    var sectionSellers: String

    // Customers
    var customersTitle: HTML
    var filterName: @Sendable (CustomerFilter) -> String
    var customersCount: @Sendable (_ count: Int) -> String
    var customersEmpty: String
    var findCustomerButton: String
    var askCustomer: HTML
    var pickButton: String
    var pickHint: String
    var customerNotFound: @Sendable (_ typed: String) -> HTML
    var hiddenForward: @Sendable (_ name: String) -> HTML
    var notAPerson: HTML
    var found: @Sendable (_ name: String) -> HTML
    var idLabel: String
    var usernameLabel: String
    var languageLabel: String
    var balanceLabel: String
    var statusLabel: String
    var firstSeenLabel: String
    var lastSeenLabel: String
    var ordersLabel: String
    var spentLabel: String
    var premiumStatus: String
    var resellerStatus: String
    var bannedStatus: String
    var regularStatus: String
    var lastActivityTitle: String
    var noActivity: String
    var starsPaymentsTitle: String
    var refundedMark: String
    var pendingMark: String
    var creditButton: String
    var debitButton: String
    var premiumToggle: @Sendable (_ isPremium: Bool) -> String
    var resellerToggle: @Sendable (_ isReseller: Bool) -> String
    var banToggle: @Sendable (_ isBanned: Bool) -> String
    var ordersButton: String
    var refundStarsButton: @Sendable (_ stars: Int64, _ date: String) -> String
    var askCreditAmount: @Sendable (_ example: String) -> HTML
    var askDebitAmount: @Sendable (_ example: String, _ balance: String) -> HTML
    var debitTooLarge: @Sendable (_ balance: String) -> HTML
    var askNote: @Sendable (_ limit: Int) -> HTML
    var noteEmpty: HTML
    var noteTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var creditLabel: String
    var debitLabel: String
    var reasonLabel: String
    var balanceChanged: @Sendable (_ balance: String) -> HTML
    var confirmBan: @Sendable (_ name: String) -> HTML
    var confirmUnban: @Sendable (_ name: String) -> HTML
    var confirmStarsRefund: @Sendable (_ stars: Int64, _ amount: String) -> HTML
    var starsRefunded: @Sendable (_ stars: Int64) -> HTML
    var starsRefundPending: HTML
    var starsBalanceTooLow: @Sendable (_ balance: String, _ needed: String) -> HTML
    var starsAlreadyRefunded: HTML
    var starsRefusedByTelegram: @Sendable (_ reason: String) -> HTML
    var customerGone: HTML
    var cantBanAdmin: HTML

    // Orders
    var customerOrdersTitle: @Sendable (_ name: String) -> HTML
    var noOrders: String
    var findOrderButton: String
    var askOrderNumber: HTML
    var notAnOrderNumber: @Sendable (_ typed: String) -> HTML
    var orderNotFound: @Sendable (_ number: Int) -> HTML
    var orderTitle: @Sendable (_ number: Int) -> HTML
    var customerLabel: String
    var productLabel: String
    var dateLabel: String
    var paidLabel: String
    var refundedLabel: String
    var keysTitle: String
    var orderStatus: @Sendable (_ status: OrderStatus) -> String
    var keyRefunded: @Sendable (_ amount: String, _ disposition: RefundDisposition) -> String
    var refundButton: String
    var askRefundKeys: String
    var allKeysButton: String
    var nextButton: String
    var pickAtLeastOne: HTML
    var askDisposition: HTML
    var dispositionButton: @Sendable (RefundDisposition) -> String
    var dispositionName: @Sendable (RefundDisposition) -> String
    var refundKeysLabel: @Sendable (_ count: Int, _ of: Int) -> String
    var refundAmountLabel: String
    var refunded: @Sendable (_ amount: String, _ count: Int) -> HTML
    var alreadyRefunded: HTML
    var nothingToRefund: HTML

    // Admins
    var staffTitle: HTML
    var staffExplanation: String
    var rootMark: String
    var addAdminButton: String
    var removeAdminButton: @Sendable (_ name: String) -> String
    var askAdmin: HTML
    var unknownUsername: @Sendable (_ username: String) -> HTML
    var confirmAddAdmin: @Sendable (_ name: String) -> HTML
    var confirmRemoveAdmin: @Sendable (_ name: HTML) -> HTML
    var adminAdded: @Sendable (_ name: String) -> HTML
    var adminRemoved: HTML
    var alreadyAdmin: HTML
    var noSuchAdmin: HTML
    var notRoot: HTML
    var rootPermanent: HTML
    var notPermitted: String
    var sameRole: HTML
    var rootHasNoRole: HTML
    var roleLabel: String
    var roleName: @Sendable (_ role: AdminRole) -> String
    /// What a role may do, one line.
    var roleScope: @Sendable (_ role: AdminRole) -> String
    var roleButton: @Sendable (_ name: String) -> String
    var askRole: @Sendable (_ name: HTML) -> HTML
    var pickRole: HTML
    var roleSet: @Sendable (_ name: HTML, _ role: String) -> HTML

    // Sellers
    var sellersTitle: HTML
    var sellersEmpty: String
    var addSellerButton: String
    var askSellerUsername: HTML
    var askSellerName: HTML
    var askSellerNote: @Sendable (_ limit: Int) -> HTML
    var sellerUsernameLabel: String
    var sellerNameLabel: String
    var sellerNoteLabel: String
    var editSellerUsernameButton: String
    var editSellerNameButton: String
    var editSellerNoteButton: String
    var removeNoteButton: String
    var removeSellerButton: String
    var confirmRemoveSeller: @Sendable (_ name: String) -> HTML
    var sellerAdded: HTML
    var sellerRemoved: HTML
    var noUsername: @Sendable (_ id: Int64) -> HTML
    var usernameInvalid: HTML
    var displayNameEmpty: HTML
    var displayNameTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var sellerNoteTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var alreadyListed: @Sendable (_ username: String) -> HTML
    var sellerGone: HTML
}

extension Language {
    var peopleStrings: PeopleStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
