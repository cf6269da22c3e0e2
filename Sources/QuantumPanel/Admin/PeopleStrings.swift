import BotRouting
import Marketplace

/// The texts of the panel's customers, orders, admins and sellers sections, as ``AdminStrings``
/// is for the catalogue; one conforming type per language.
protocol PeopleStrings: Sendable {
    var sectionCustomers: String { get }
    var sectionOrders: String { get }
    var sectionStaff: String { get }
    var sectionSellers: String { get }

    // Customers
    var customersTitle: HTML { get }
    func filterName(_ value: CustomerFilter) -> String
    func customersCount(_ count: Int) -> String
    var customersEmpty: String { get }
    var findCustomerButton: String { get }
    var askCustomer: HTML { get }
    var pickButton: String { get }
    var pickHint: String { get }
    func customerNotFound(_ typed: String) -> HTML
    func hiddenForward(_ name: String) -> HTML
    var notAPerson: HTML { get }
    func found(_ name: String) -> HTML
    var idLabel: String { get }
    var usernameLabel: String { get }
    var languageLabel: String { get }
    var balanceLabel: String { get }
    var statusLabel: String { get }
    var firstSeenLabel: String { get }
    var lastSeenLabel: String { get }
    var ordersLabel: String { get }
    var spentLabel: String { get }
    var premiumStatus: String { get }
    var resellerStatus: String { get }
    var bannedStatus: String { get }
    var regularStatus: String { get }
    var lastActivityTitle: String { get }
    var noActivity: String { get }
    var starsPaymentsTitle: String { get }
    var refundedMark: String { get }
    var pendingMark: String { get }
    var creditButton: String { get }
    var debitButton: String { get }
    func premiumToggle(_ isPremium: Bool) -> String
    func resellerToggle(_ isReseller: Bool) -> String
    func banToggle(_ isBanned: Bool) -> String
    var ordersButton: String { get }
    func refundStarsButton(_ stars: Int64, _ date: String) -> String
    func askCreditAmount(_ example: String) -> HTML
    func askDebitAmount(_ example: String, _ balance: String) -> HTML
    func debitTooLarge(_ balance: String) -> HTML
    func askNote(_ limit: Int) -> HTML
    var noteEmpty: HTML { get }
    func noteTooLong(_ length: Int, _ limit: Int) -> HTML
    var creditLabel: String { get }
    var debitLabel: String { get }
    var reasonLabel: String { get }
    func balanceChanged(_ balance: String) -> HTML
    func confirmBan(_ name: String) -> HTML
    func confirmUnban(_ name: String) -> HTML
    func confirmStarsRefund(_ stars: Int64, _ amount: String) -> HTML
    func starsRefunded(_ stars: Int64) -> HTML
    var starsRefundPending: HTML { get }
    func starsBalanceTooLow(_ balance: String, _ needed: String) -> HTML
    var starsAlreadyRefunded: HTML { get }
    func starsRefusedByTelegram(_ reason: String) -> HTML
    var customerGone: HTML { get }
    var cantBanAdmin: HTML { get }

    // Orders
    func customerOrdersTitle(_ name: String) -> HTML
    var noOrders: String { get }
    var findOrderButton: String { get }
    var askOrderNumber: HTML { get }
    func notAnOrderNumber(_ typed: String) -> HTML
    func orderNotFound(_ number: Int) -> HTML
    func orderTitle(_ number: Int) -> HTML
    var customerLabel: String { get }
    var productLabel: String { get }
    var dateLabel: String { get }
    var paidLabel: String { get }
    var refundedLabel: String { get }
    var keysTitle: String { get }
    func orderStatus(_ status: OrderStatus) -> String
    func keyRefunded(_ amount: String, _ disposition: RefundDisposition) -> String
    var refundButton: String { get }
    var askRefundKeys: String { get }
    var allKeysButton: String { get }
    var nextButton: String { get }
    var pickAtLeastOne: HTML { get }
    var askDisposition: HTML { get }
    func dispositionButton(_ value: RefundDisposition) -> String
    func dispositionName(_ value: RefundDisposition) -> String
    func refundKeysLabel(_ count: Int, _ of: Int) -> String
    var refundAmountLabel: String { get }
    func refunded(_ amount: String, _ count: Int) -> HTML
    var alreadyRefunded: HTML { get }
    var nothingToRefund: HTML { get }

    // Admins
    var staffTitle: HTML { get }
    var staffExplanation: String { get }
    var rootMark: String { get }
    var addAdminButton: String { get }
    func removeAdminButton(_ name: String) -> String
    var askAdmin: HTML { get }
    func unknownUsername(_ username: String) -> HTML
    func confirmAddAdmin(_ name: String) -> HTML
    func confirmRemoveAdmin(_ name: HTML) -> HTML
    func adminAdded(_ name: String) -> HTML
    var adminRemoved: HTML { get }
    var alreadyAdmin: HTML { get }
    var noSuchAdmin: HTML { get }
    var notRoot: HTML { get }
    var rootPermanent: HTML { get }
    var notPermitted: String { get }
    var sameRole: HTML { get }
    var rootHasNoRole: HTML { get }
    var roleLabel: String { get }
    func roleName(_ role: AdminRole) -> String
    /// What a role may do, one line.
    func roleScope(_ role: AdminRole) -> String
    func roleButton(_ name: String) -> String
    func askRole(_ name: HTML) -> HTML
    var pickRole: HTML { get }
    func roleSet(_ name: HTML, _ role: String) -> HTML

    // Sellers
    var sellersTitle: HTML { get }
    var sellersEmpty: String { get }
    var addSellerButton: String { get }
    var askSellerUsername: HTML { get }
    var askSellerName: HTML { get }
    func askSellerNote(_ limit: Int) -> HTML
    var sellerUsernameLabel: String { get }
    var sellerNameLabel: String { get }
    var sellerNoteLabel: String { get }
    var editSellerUsernameButton: String { get }
    var editSellerNameButton: String { get }
    var editSellerNoteButton: String { get }
    var removeNoteButton: String { get }
    var removeSellerButton: String { get }
    func confirmRemoveSeller(_ name: String) -> HTML
    var sellerAdded: HTML { get }
    var sellerRemoved: HTML { get }
    func noUsername(_ id: Int64) -> HTML
    var usernameInvalid: HTML { get }
    var displayNameEmpty: HTML { get }
    func displayNameTooLong(_ length: Int, _ limit: Int) -> HTML
    func sellerNoteTooLong(_ length: Int, _ limit: Int) -> HTML
    func alreadyListed(_ username: String) -> HTML
    var sellerGone: HTML { get }
}

extension Language {
    var peopleStrings: any PeopleStrings {
        switch self {
        case .english: EnglishPeopleStrings()
        case .russian: RussianPeopleStrings()
        }
    }
}
