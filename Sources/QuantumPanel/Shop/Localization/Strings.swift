/// Every text a customer sees, in one language. A new text is a new field here, so the compiler
/// makes every catalogue complete.
///
/// Texts may hold Telegram HTML of their own; values passed in are already escaped by the
/// templates (``ShopTemplates``).
public struct Strings: Sendable {
    // The main menu's buttons.
    var menuProducts: String
    var menuBalance: String
    var menuOrders: String
    var menuPremium: String
    var menuSellers: String
    var menuSupport: String
    var menuLanguage: String
    var menuAdmin: String
    var back: String
    var mainMenu: String
    var previousPage: String
    var nextPage: String

    var welcomeTitle: @Sendable (_ name: String) -> String
    var balanceLabel: String
    var statusLabel: String
    var statusFree: String
    var statusPremium: String
    var statusReseller: String
    var chooseBelow: String

    var productsTitle: String
    var productsEmpty: String
    var inStock: @Sendable (_ count: Int) -> String
    var outOfStock: String
    var lockedHint: String

    var pricesTitle: String
    var premiumOnlyExplanation: String
    var upgradeButton: String
    var noPricesNow: String
    var productGone: String

    var confirmTitle: String
    var productLabel: String
    var durationLabel: String
    var quantityLabel: String
    var priceLabel: String
    var balanceAfterLabel: String
    var buyButton: @Sendable (_ total: String) -> String
    var cancelButton: String
    var chooseQuantity: String
    var otherQuantityButton: String
    var askQuantity: @Sendable (_ maximum: Int) -> String
    var badQuantity: @Sendable (_ maximum: Int) -> String

    var purchaseTitle: String
    var orderLabel: String
    var keysLabel: String
    var tapToCopy: String
    var alreadyBought: String
    var insufficientFunds: @Sendable (_ shortfall: String) -> String
    var topUpButton: String
    var outOfStockNow: @Sendable (_ available: Int) -> String
    var unavailableNow: String
    var priceChanged: @Sendable (_ total: String) -> String
    var premiumOnlyNow: String
    var notifyMeButton: String
    var notifyMeDone: String
    var restocked: @Sendable (_ product: String, _ duration: String) -> String
    var restockOpen: String

    var balanceTitle: String
    var recentActivity: String
    var noActivity: String
    var reasonPurchase: String
    var reasonCredit: String
    var reasonDebit: String
    var reasonPremium: String
    var reasonStars: String
    var reasonRefund: String
    var reasonStarsRefund: String
    var reasonStarsRefundUndone: String
    var otherTopUpWays: String
    var starsButton: String

    var topUpTitle: String
    var topUpExplanation: @Sendable (_ oneStar: String) -> String
    var starsOption: @Sendable (_ stars: Int, _ credit: String) -> String
    var invoiceTitle: String
    var invoiceDescription: @Sendable (_ stars: Int, _ credit: String) -> String
    var paymentRefused: String
    var paymentBanned: String
    var toppedUp: @Sendable (_ credit: String, _ balance: String) -> String
    var paymentAlreadyCredited: String

    var ordersTitle: String
    var ordersEmpty: String
    var orderTitle: @Sendable (_ number: Int) -> String
    var dateLabel: String
    var orderGone: String

    var premiumTitle: String
    var premiumPitch: String
    var premiumPriceLabel: String
    var premiumUpgradeButton: @Sendable (_ price: String) -> String
    var premiumActive: String
    var premiumWelcome: String
    var premiumTooExpensive: @Sendable (_ shortfall: String) -> String

    var sellersTitle: String
    var sellersEmpty: String
    var supportTitle: String
    var supportContact: @Sendable (_ username: String) -> String
    var supportMissing: String
    var writeButton: String

    var languageTitle: String
    var languageChanged: String

    var help: String
    var unknownInput: String
    var cancelled: String
    var nothingToCancel: String
    /// Sent once when a user's updates come faster than the bot takes them.
    var tooFast: String
    var banned: String
    var commandStart: String
    var commandHelp: String
    var commandCancel: String
    var commandPaySupport: String
    /// After a handler failed: short, plain text (no HTML).
    var apology: String
    var paySupportTitle: String
    /// How Stars payments and their refunds work; the contact line follows.
    var paySupport: String
    /// A payment Telegram took that the bot had not been told about, found and credited.
    var lateTopUp: @Sendable (_ credited: String, _ balance: String) -> String

    // What an admin did to the customer's account, told to the customer.
    var creditedNotice: @Sendable (_ amount: String, _ reason: String, _ balance: String) -> String
    var debitedNotice: @Sendable (_ amount: String, _ reason: String, _ balance: String) -> String
    var refundNotice: @Sendable (_ orderID: Int, _ amount: String, _ keys: Int, _ balance: String) -> String
    var starsRefundNotice: @Sendable (_ stars: Int64, _ amount: String, _ balance: String) -> String
    var premiumGrantedNotice: String
    var premiumRevokedNotice: String
    var resellerOnNotice: String
    var resellerOffNotice: String
}
