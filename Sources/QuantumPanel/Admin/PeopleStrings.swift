import Marketplace

/// The texts of the panel's customers, orders, admins and sellers sections, in one language, as
/// ``AdminStrings`` is for the catalogue. Values passed in are already escaped.
struct PeopleStrings: Sendable {
    var sectionCustomers: String
    var sectionOrders: String
    var sectionStaff: String
    var sectionSellers: String

    // Customers
    var customersTitle: String
    var filterName: @Sendable (CustomerFilter) -> String
    var customersCount: @Sendable (_ count: Int) -> String
    var customersEmpty: String
    var findCustomerButton: String
    var askCustomer: String
    var pickButton: String
    var pickHint: String
    var customerNotFound: @Sendable (_ typed: String) -> String
    var hiddenForward: @Sendable (_ name: String) -> String
    var notAPerson: String
    var found: @Sendable (_ name: String) -> String
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
    var askCreditAmount: @Sendable (_ example: String) -> String
    var askDebitAmount: @Sendable (_ example: String, _ balance: String) -> String
    var debitTooLarge: @Sendable (_ balance: String) -> String
    var askNote: @Sendable (_ limit: Int) -> String
    var noteEmpty: String
    var noteTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var creditLabel: String
    var debitLabel: String
    var reasonLabel: String
    var balanceChanged: @Sendable (_ balance: String) -> String
    var confirmBan: @Sendable (_ name: String) -> String
    var confirmUnban: @Sendable (_ name: String) -> String
    var confirmStarsRefund: @Sendable (_ stars: Int64, _ amount: String) -> String
    var starsRefunded: @Sendable (_ stars: Int64) -> String
    var starsRefundPending: String
    var starsBalanceTooLow: @Sendable (_ balance: String, _ needed: String) -> String
    var starsAlreadyRefunded: String
    var starsRefusedByTelegram: @Sendable (_ reason: String) -> String
    var customerGone: String
    var cantBanAdmin: String

    // Orders
    var customerOrdersTitle: @Sendable (_ name: String) -> String
    var noOrders: String
    var findOrderButton: String
    var askOrderNumber: String
    var notAnOrderNumber: @Sendable (_ typed: String) -> String
    var orderNotFound: @Sendable (_ number: Int) -> String
    var orderTitle: @Sendable (_ number: Int) -> String
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
    var pickAtLeastOne: String
    var askDisposition: String
    var dispositionButton: @Sendable (RefundDisposition) -> String
    var dispositionName: @Sendable (RefundDisposition) -> String
    var refundKeysLabel: @Sendable (_ count: Int, _ of: Int) -> String
    var refundAmountLabel: String
    var refunded: @Sendable (_ amount: String, _ count: Int) -> String
    var alreadyRefunded: String
    var nothingToRefund: String

    // Admins
    var staffTitle: String
    var staffExplanation: String
    var rootMark: String
    var addAdminButton: String
    var removeAdminButton: @Sendable (_ name: String) -> String
    var askAdmin: String
    var unknownUsername: @Sendable (_ username: String) -> String
    var confirmAddAdmin: @Sendable (_ name: String) -> String
    var confirmRemoveAdmin: @Sendable (_ name: String) -> String
    var adminAdded: @Sendable (_ name: String) -> String
    var adminRemoved: String
    var alreadyAdmin: String
    var noSuchAdmin: String
    var notRoot: String
    var rootPermanent: String
    var notPermitted: String
    var sameRole: String
    var rootHasNoRole: String
    var roleLabel: String
    var roleName: @Sendable (_ role: AdminRole) -> String
    /// What a role may do, one line.
    var roleScope: @Sendable (_ role: AdminRole) -> String
    var roleButton: @Sendable (_ name: String) -> String
    var askRole: @Sendable (_ name: String) -> String
    var pickRole: String
    var roleSet: @Sendable (_ name: String, _ role: String) -> String

    // Sellers
    var sellersTitle: String
    var sellersEmpty: String
    var addSellerButton: String
    var askSellerUsername: String
    var askSellerName: String
    var askSellerNote: @Sendable (_ limit: Int) -> String
    var sellerUsernameLabel: String
    var sellerNameLabel: String
    var sellerNoteLabel: String
    var editSellerUsernameButton: String
    var editSellerNameButton: String
    var editSellerNoteButton: String
    var removeNoteButton: String
    var removeSellerButton: String
    var confirmRemoveSeller: @Sendable (_ name: String) -> String
    var sellerAdded: String
    var sellerRemoved: String
    var noUsername: @Sendable (_ id: Int64) -> String
    var usernameInvalid: String
    var displayNameEmpty: String
    var displayNameTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var sellerNoteTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var alreadyListed: @Sendable (_ username: String) -> String
    var sellerGone: String
}

extension Language {
    var peopleStrings: PeopleStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
