import BotRouting

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

    var welcomeTitle: @Sendable (_ name: String) -> HTML
    var balanceLabel: String
    var statusLabel: String
    var statusFree: String
    var statusPremium: String
    var statusReseller: String
    var chooseBelow: String

    var productsTitle: HTML
    var productsEmpty: HTML
    var inStock: @Sendable (_ count: Int) -> String
    var outOfStock: String
    var lockedHint: String

    var pricesTitle: String
    var premiumOnlyExplanation: String
    var upgradeButton: String
    var noPricesNow: String
    var productGone: String

    var confirmTitle: HTML
    var productLabel: String
    var durationLabel: String
    var quantityLabel: String
    var priceLabel: String
    var balanceAfterLabel: String
    var buyButton: @Sendable (_ total: String) -> String
    var cancelButton: String
    var chooseQuantity: HTML
    var otherQuantityButton: String
    var askQuantity: @Sendable (_ maximum: Int) -> HTML
    var badQuantity: @Sendable (_ maximum: Int) -> HTML

    var purchaseTitle: HTML
    var orderLabel: String
    var keysLabel: String
    var tapToCopy: String
    var alreadyBought: String
    var insufficientFunds: @Sendable (_ shortfall: String) -> HTML
    var topUpButton: String
    var outOfStockNow: @Sendable (_ available: Int) -> String
    var unavailableNow: String
    var priceChanged: @Sendable (_ total: String) -> HTML
    var premiumOnlyNow: String
    var notifyMeButton: String
    var notifyMeDone: String
    var restocked: @Sendable (_ product: String, _ duration: String) -> HTML
    var restockOpen: String

    var balanceTitle: HTML
    var recentActivity: String
    var noActivity: HTML
    var reasonPurchase: String
    var reasonCredit: String
    var reasonDebit: String
    var reasonPremium: String
    var reasonStars: String
    var reasonRefund: String
    var reasonStarsRefund: String
    var reasonStarsRefundUndone: String
    var otherTopUpWays: HTML
    var starsButton: String

    var topUpTitle: HTML
    var topUpExplanation: @Sendable (_ oneStar: String) -> HTML
    var starsOption: @Sendable (_ stars: Int, _ credit: String) -> String
    var invoiceTitle: String
    var invoiceDescription: @Sendable (_ stars: Int, _ credit: String) -> String
    var paymentRefused: String
    var paymentBanned: String
    var toppedUp: @Sendable (_ credit: String, _ balance: String) -> HTML
    var paymentAlreadyCredited: String

    var ordersTitle: HTML
    var ordersEmpty: HTML
    var orderTitle: @Sendable (_ number: Int) -> HTML
    var dateLabel: String
    var orderGone: String

    var premiumTitle: HTML
    var premiumPitch: HTML
    var premiumPriceLabel: String
    var premiumUpgradeButton: @Sendable (_ price: String) -> String
    var premiumActive: HTML
    var premiumWelcome: String
    var premiumTooExpensive: @Sendable (_ shortfall: String) -> HTML

    var sellersTitle: HTML
    var sellersEmpty: HTML
    var supportTitle: HTML
    var supportContact: @Sendable (_ username: String) -> HTML
    var supportMissing: HTML
    var writeButton: String

    var languageTitle: HTML
    var languageChanged: String

    var help: HTML
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
    var paySupportTitle: HTML
    /// How Stars payments and their refunds work; the contact line follows.
    var paySupport: HTML
    /// A payment Telegram took that the bot had not been told about, found and credited.
    var lateTopUp: @Sendable (_ credited: String, _ balance: String) -> HTML

    // What an admin did to the customer's account, told to the customer.
    var creditedNotice: @Sendable (_ amount: String, _ reason: String, _ balance: String) -> HTML
    var debitedNotice: @Sendable (_ amount: String, _ reason: String, _ balance: String) -> HTML
    var refundNotice: @Sendable (_ orderID: Int, _ amount: String, _ keys: Int, _ balance: String) -> HTML
    var starsRefundNotice: @Sendable (_ stars: Int64, _ amount: String, _ balance: String) -> HTML
    var premiumGrantedNotice: String
    var premiumRevokedNotice: String
    var resellerOnNotice: String
    var resellerOffNotice: String
}
