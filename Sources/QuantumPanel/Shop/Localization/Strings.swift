import BotRouting
import Marketplace

/// Every text a customer sees: one conforming type per language (`EnglishStrings`,
/// `RussianStrings`, a file each). A new text is a new requirement here, so the compiler makes
/// every language complete.
///
/// A text typed ``HTML`` is markup of its own, and what is passed into it is escaped as it is
/// interpolated; a `String` is plain text (a button, an alert), escaped wherever it joins a message.
protocol Strings: Sendable {
    // The main menu's buttons.
    var menuProducts: String { get }
    var menuBalance: String { get }
    var menuOrders: String { get }
    var menuPremium: String { get }
    var menuSellers: String { get }
    var menuSupport: String { get }
    var menuLanguage: String { get }
    var menuAdmin: String { get }
    var back: String { get }
    var mainMenu: String { get }
    var previousPage: String { get }
    var nextPage: String { get }

    func welcomeTitle(_ name: String) -> HTML
    var balanceLabel: String { get }
    var statusLabel: String { get }
    var statusFree: String { get }
    var statusPremium: String { get }
    var statusReseller: String { get }
    var chooseBelow: String { get }

    var productsTitle: HTML { get }
    var productsEmpty: HTML { get }
    func inStock(_ count: Int) -> String
    var outOfStock: String { get }
    var lockedHint: String { get }

    var pricesTitle: String { get }
    var premiumOnlyExplanation: String { get }
    var upgradeButton: String { get }
    var noPricesNow: String { get }
    var productGone: String { get }

    var confirmTitle: HTML { get }
    var productLabel: String { get }
    var durationLabel: String { get }
    var quantityLabel: String { get }
    var priceLabel: String { get }
    var balanceAfterLabel: String { get }
    func buyButton(_ total: String) -> String
    var cancelButton: String { get }
    var chooseQuantity: HTML { get }
    var otherQuantityButton: String { get }
    func askQuantity(_ maximum: Int) -> HTML
    func badQuantity(_ maximum: Int) -> HTML

    var purchaseTitle: HTML { get }
    var orderLabel: String { get }
    var keysLabel: String { get }
    var tapToCopy: String { get }
    var alreadyBought: String { get }
    func insufficientFunds(_ shortfall: String) -> HTML
    var topUpButton: String { get }
    func outOfStockNow(_ available: Int) -> String
    var unavailableNow: String { get }
    var promoButton: String { get }
    var promoRemoveButton: String { get }
    var askPromoCode: HTML { get }
    var notAPromoCode: String { get }
    func promoApplied(_ code: String) -> HTML
    var promoRemoved: HTML { get }
    /// The confirmation's line for a code: what it takes off.
    func promoLine(_ code: String, _ discount: String) -> HTML
    var totalLabel: String { get }
    /// After `/start promo_CODE`.
    func promoKept(_ code: String) -> HTML
    /// Why a promo code doesn't apply; `startsAt` is the start, written out, for one not started.
    func promoRefusal(_ refusal: PromoRefusal, startsAt: String) -> String
    func priceChanged(_ total: String) -> HTML
    var premiumOnlyNow: String { get }
    var notifyMeButton: String { get }
    var notifyMeDone: String { get }
    func restocked(_ product: String, _ duration: String) -> HTML
    var restockOpen: String { get }

    var balanceTitle: HTML { get }
    var recentActivity: String { get }
    var noActivity: HTML { get }
    var reasonPurchase: String { get }
    var reasonCredit: String { get }
    var reasonDebit: String { get }
    var reasonPremium: String { get }
    var reasonStars: String { get }
    var reasonTopUp: String { get }
    var reasonRefund: String { get }
    var reasonStarsRefund: String { get }
    var reasonStarsRefundUndone: String { get }
    var otherTopUpWays: HTML { get }
    var starsButton: String { get }

    var topUpTitle: HTML { get }
    func topUpExplanation(_ oneStar: String) -> HTML
    func starsOption(_ stars: Int, _ credit: String) -> String
    var invoiceTitle: String { get }
    func invoiceDescription(_ stars: Int, _ credit: String) -> String
    var paymentRefused: String { get }
    var paymentBanned: String { get }
    /// A Stars invoice not paid in its time: its price in Stars was promised for then.
    var invoiceExpired: String { get }
    /// A Stars invoice paid already, opened to pay again.
    var invoicePaidAlready: String { get }
    /// Telegram could not send a Stars invoice.
    var starsUnavailable: HTML { get }
    func toppedUp(_ credit: String, _ balance: String) -> HTML
    var paymentAlreadyCredited: String { get }

    var cryptoButton: String { get }
    var cryptoTitle: HTML { get }
    func cryptoExplanation(assets: String) -> HTML
    var cryptoOtherAmount: String { get }
    func askCryptoAmount(from minimum: String, to maximum: String) -> HTML
    func badCryptoAmount(from minimum: String, to maximum: String) -> HTML
    func cryptoInvoiceDescription(_ amount: String) -> String
    func cryptoInvoice(_ amount: String, assets: String, minutes: Int) -> HTML
    func cryptoPayButton(_ amount: String) -> String
    var cryptoPaidButton: String { get }
    var cryptoUnavailable: HTML { get }
    var cryptoNotPaidYet: String { get }
    var cryptoExpired: String { get }
    var cryptoCheckUnavailable: String { get }

    var ordersTitle: HTML { get }
    var ordersEmpty: HTML { get }
    func orderTitle(_ number: Int) -> HTML
    var dateLabel: String { get }
    var orderGone: String { get }

    var premiumTitle: HTML { get }
    var premiumPitch: HTML { get }
    var premiumPriceLabel: String { get }
    func premiumUpgradeButton(_ price: String) -> String
    var premiumActive: HTML { get }
    var premiumWelcome: String { get }
    func premiumTooExpensive(_ shortfall: String) -> HTML

    var sellersTitle: HTML { get }
    var sellersEmpty: HTML { get }
    var supportTitle: HTML { get }
    func supportContact(_ username: String) -> HTML
    var supportMissing: HTML { get }
    var writeButton: String { get }

    var languageTitle: HTML { get }
    var languageChanged: String { get }

    var help: HTML { get }
    var unknownInput: String { get }
    var cancelled: String { get }
    var nothingToCancel: String { get }
    /// Sent once when a user's updates come faster than the bot takes them.
    var tooFast: String { get }
    var banned: String { get }
    var commandStart: String { get }
    var commandHelp: String { get }
    var commandCancel: String { get }
    var commandPaySupport: String { get }
    /// After a handler failed: short, plain text (no HTML).
    var apology: String { get }
    var paySupportTitle: HTML { get }
    /// How Stars payments and their refunds work; the contact line follows.
    var paySupport: HTML { get }
    /// A payment Telegram took that the bot had not been told about, found and credited.
    func lateTopUp(_ credited: String, _ balance: String) -> HTML

    // What an admin did to the customer's account, told to the customer.
    func creditedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML
    func debitedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML
    func refundNotice(_ orderID: Int, _ amount: String, _ keys: Int, _ balance: String) -> HTML
    func starsRefundNotice(_ stars: Int64, _ amount: String, _ balance: String) -> HTML
    var premiumGrantedNotice: String { get }
    var premiumRevokedNotice: String { get }
    var resellerOnNotice: String { get }
    var resellerOffNotice: String { get }
}
