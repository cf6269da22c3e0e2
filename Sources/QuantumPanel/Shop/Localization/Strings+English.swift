import BotRouting
import Marketplace

struct EnglishStrings: Strings {
    let menuProducts: String = "🛍 Products"
    let menuBalance: String = "💰 Balance"
    let menuOrders: String = "📦 My orders"
    let menuPremium: String = "💎 Premium"
    let menuSellers: String = "🤝 Trusted sellers"
    let menuSupport: String = "🆘 Support"
    let menuLanguage: String = "🌐 Language"
    let menuAdmin: String = "🛠 Admin panel"
    let back: String = "‹ Back"
    let mainMenu: String = "🏠 Menu"
    let previousPage: String = "‹"
    let nextPage: String = "›"
    func welcomeTitle(_ name: String) -> HTML { "👋 Welcome, <b>\(name)</b>!" }
    let balanceLabel: String = "Balance"
    let statusLabel: String = "Status"
    let statusFree: String = "Free"
    let statusPremium: String = "💎 Premium"
    let statusReseller: String = "🏷 Reseller"
    let chooseBelow: String = "Choose below:"
    let productsTitle: HTML = "🛍 <b>Products</b>"
    let productsEmpty: HTML = "Nothing for sale yet. Come back soon!"
    func inStock(_ count: Int) -> String { "\(count) in stock" }
    let outOfStock: String = "out of stock"
    let lockedHint: String = "🔒 premium only"
    let pricesTitle: String = "Prices"
    let premiumOnlyExplanation: String = "🔒 This product is for Premium customers. Upgrade to buy it."
    let upgradeButton: String = "💎 Upgrade to Premium"
    let noPricesNow: String = "No prices are on sale right now."
    let productGone: String = "This product is no longer for sale."
    let confirmTitle: HTML = "🧾 <b>Confirm your purchase</b>"
    let productLabel: String = "Product"
    let durationLabel: String = "Duration"
    let quantityLabel: String = "Quantity"
    let priceLabel: String = "Price"
    let balanceAfterLabel: String = "Balance after"
    func buyButton(_ total: String) -> String { "✅ Buy for \(total)" }
    let cancelButton: String = "✖ Cancel"
    let chooseQuantity: HTML = "How many keys?"
    let otherQuantityButton: String = "✏️ Other"
    func askQuantity(_ maximum: Int) -> HTML { "✏️ Send the number of keys you want, from 1 to \(maximum), or /cancel." }
    func badQuantity(_ maximum: Int) -> HTML { "That is not a quantity. Send a whole number from 1 to \(maximum), or /cancel." }
    let purchaseTitle: HTML = "✅ <b>Purchase complete</b>"
    let orderLabel: String = "Order"
    let keysLabel: String = "Your keys"
    let tapToCopy: String = "Tap a key to copy it."
    let alreadyBought: String = "Already bought: here is that order again."
    func insufficientFunds(_ shortfall: String) -> HTML { "💸 Not enough balance: you need <b>\(shortfall)</b> more. Top up and come back." }
    let topUpButton: String = "➕ Top up"
    func outOfStockNow(_ available: Int) -> String {
        available == 0 ? "😔 Out of stock. Please try again later." : "😔 Only \(available) left in stock. Choose fewer."
    }
    let unavailableNow: String = "This price is no longer for sale."
    let promoButton: String = "🎟 Promo code"
    let promoRemoveButton: String = "✖ Remove the promo code"
    let askPromoCode: HTML = "🎟 Send your promo code."
    let notAPromoCode: String = "That can't be a promo code: 3 to 32 letters A–Z, digits, - and _."
    func promoApplied(_ code: String) -> HTML { "🎟 The promo code <b>\(code)</b> is applied." }
    let promoRemoved: HTML = "The promo code was removed."
    func promoLine(_ code: String, _ discount: String) -> HTML { "🎟 \(code): <b>−\(discount)</b>" }
    let totalLabel: String = "Total"
    func promoKept(_ code: String) -> HTML { "🎟 The promo code <b>\(code)</b> will be applied at your next purchase." }
    func promoRefusal(_ refusal: PromoRefusal, startsAt: String) -> String {
        switch refusal {
        case .unknown(let code): "🎟 There is no promo code \(code)."
        case .paused(let code): "🎟 The promo code \(code) is paused just now."
        case .notStarted(let code, _): "🎟 The promo code \(code) starts on \(startsAt)."
        case .expired(let code): "🎟 The promo code \(code) has expired."
        case .usedUp(let code): "🎟 The promo code \(code) has been used up."
        case .usedByYou(let code): "🎟 You have already used the promo code \(code)."
        case .notForThisProduct(let code): "🎟 The promo code \(code) is not for this product."
        case .belowMinimum(let code, let minimum): "🎟 The promo code \(code) is for orders of \(minimum.formatted) or more."
        case .notForResellers(let code): "🎟 The promo code \(code) is not for reseller prices."
        }
    }
    func priceChanged(_ total: String) -> HTML {
        "⚠️ The price changed since you looked: the total is now <b>\(total)</b>. Nothing was charged; check and confirm again."
    }
    let premiumOnlyNow: String = "🔒 This product is for Premium customers."
    let notifyMeButton: String = "🔔 Tell me when it's back"
    let notifyMeDone: String = "We'll send you a message when it is back in stock."
    func restocked(_ product: String, _ duration: String) -> HTML { "🔔 <b>\(product)</b> · \(duration) is back in stock." }
    let restockOpen: String = "🛍 Open"
    let balanceTitle: HTML = "💰 <b>Balance</b>"
    let recentActivity: String = "Recent activity"
    let noActivity: HTML = "No activity yet."
    let reasonPurchase: String = "Purchase"
    let reasonCredit: String = "Credit"
    let reasonDebit: String = "Debit"
    let reasonPremium: String = "Premium"
    let reasonStars: String = "Stars top-up"
    let reasonTopUp: String = "Crypto top-up"
    let reasonRefund: String = "Refund"
    let reasonStarsRefund: String = "Refunded in Stars"
    let reasonStarsRefundUndone: String = "Stars refund undone"
    let otherTopUpWays: HTML = "Other ways to top up: a trusted seller or support."
    let starsButton: String = "⭐ Top up with Stars"
    let cryptoButton: String = "💎 Top up with crypto"
    let cryptoTitle: HTML = "💎 <b>Top up with crypto</b>"
    func cryptoExplanation(assets: String) -> HTML { "Pay in \(assets) through @CryptoBot; the balance grows as soon as it is paid. Pick an amount:" }
    let cryptoOtherAmount: String = "✏️ Other amount"
    func askCryptoAmount(from minimum: String, to maximum: String) -> HTML {
        "✏️ Send the amount to top up, from \(minimum) to \(maximum), or /cancel."
    }
    func badCryptoAmount(from minimum: String, to maximum: String) -> HTML {
        "That is not an amount from \(minimum) to \(maximum). Send one such as 15 or 12.50, or /cancel."
    }
    func cryptoInvoiceDescription(_ amount: String) -> String { "Balance top-up of \(amount)" }
    func cryptoInvoice(_ amount: String, assets: String, minutes: Int) -> HTML {
        "💎 <b>Top-up of \(amount)</b>\nPay in \(assets) within \(minutes) minutes. The balance grows by itself once it is paid; if it hasn't after you paid, press 🔄 I've paid."
    }
    func cryptoPayButton(_ amount: String) -> String { "💳 Pay \(amount)" }
    let cryptoPaidButton: String = "🔄 I've paid"
    let cryptoUnavailable: HTML = "⚠️ Crypto payments can't be reached right now, so no invoice was made. Try again in a few minutes."
    let cryptoNotPaidYet: String = "Not paid yet. Pay it in @CryptoBot: the balance grows by itself once it is paid."
    let cryptoExpired: String = "This invoice has expired. Make a new one under Balance."
    let cryptoCheckUnavailable: String = "Crypto payments can't be reached right now. If you paid, the balance grows by itself once they answer."
    let topUpTitle: HTML = "⭐ <b>Top up with Telegram Stars</b>"
    func topUpExplanation(_ oneStar: String) -> HTML { "One Star adds \(oneStar) to your balance. Pick an amount:" }
    func starsOption(_ stars: Int, _ credit: String) -> String { "⭐ \(stars) → \(credit)" }
    let invoiceTitle: String = "Balance top-up"
    func invoiceDescription(_ stars: Int, _ credit: String) -> String { "\(stars) Stars add \(credit) to your shop balance." }
    let paymentRefused: String = "This payment can't be accepted. Please start the top-up again."
    let paymentBanned: String = "Your account can't make payments."
    let invoiceExpired: String = "This invoice has expired. Open the top-up again for a new one."
    let invoicePaidAlready: String = "This invoice has been paid already. Open the top-up again to add more."
    let starsUnavailable: HTML = "⚠️ Telegram couldn't send the invoice right now. Try again in a few minutes."
    func toppedUp(_ credit: String, _ balance: String) -> HTML { "✅ Thank you! <b>\(credit)</b> added. Balance: <b>\(balance)</b>" }
    let paymentAlreadyCredited: String = "This payment was already added to your balance."
    let ordersTitle: HTML = "📦 <b>My orders</b>"
    let ordersEmpty: HTML = "No orders yet."
    func orderTitle(_ number: Int) -> HTML { "📦 <b>Order #\(number)</b>" }
    let dateLabel: String = "Date"
    let orderGone: String = "That order can't be found."
    let premiumTitle: HTML = "💎 <b>Premium</b>"
    let premiumPitch: HTML = "Premium unlocks the products marked 🔒, for as long as you shop here."
    let premiumPriceLabel: String = "Price"
    func premiumUpgradeButton(_ price: String) -> String { "💎 Upgrade for \(price)" }
    let premiumActive: HTML = "✅ You are Premium. Every product is open to you."
    let premiumWelcome: String = "🎉 Welcome to Premium! Every product is open to you now."
    func premiumTooExpensive(_ shortfall: String) -> HTML { "💸 Not enough balance: you need <b>\(shortfall)</b> more for Premium." }
    let sellersTitle: HTML = "🤝 <b>Trusted sellers</b>"
    let sellersEmpty: HTML = "No trusted sellers are listed yet."
    let supportTitle: HTML = "🆘 <b>Support</b>"
    func supportContact(_ username: String) -> HTML { "Questions, problems, other ways to pay: write to @\(username)." }
    let supportMissing: HTML = "Support can't be reached here yet. Please try again later."
    let writeButton: String = "✉️ Write"
    let languageTitle: HTML = "🌐 <b>Language</b>"
    let languageChanged: String = "Language: English"
    let help: HTML = """
        ℹ️ <b>How it works</b>
        ┌ Top up your balance (⭐ Stars, a trusted seller or support)
        ├ Open 🛍 Products and pick a product and a duration
        └ Confirm: your key arrives at once, and stays in 📦 My orders

        /start: the menu · /cancel: stop what you are doing
        """
    let unknownInput: String = "I didn't get that. Use the menu:"
    let cancelled: String = "Cancelled."
    let nothingToCancel: String = "Nothing to cancel."
    let tooFast: String = "⏳ Too many taps at once: please wait a moment."
    let banned: String = "⛔ Your access to this shop is blocked."
    let commandStart: String = "Open the shop"
    let commandHelp: String = "How it works"
    let commandCancel: String = "Stop what you are doing"
    let commandPaySupport: String = "Help with a payment"
    let apology: String = "Sorry, something went wrong on our side. Please try again in a moment."
    let paySupportTitle: HTML = "⭐ <b>Payment support</b>"
    let paySupport: HTML = """
        Top-ups are paid in Telegram Stars and added to your balance at once; each payment is added once.
        If a payment was taken and your balance did not grow, it is found and added within a few minutes.
        A refund goes back to your Stars, for the part of the top-up still on your balance; keys already bought are refunded to the balance instead.
        """
    func lateTopUp(_ credited: String, _ balance: String) -> HTML {
        "✅ A payment that had not reached the shop was found: <b>\(credited)</b> added. Balance: <b>\(balance)</b>."
    }
    func creditedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML {
        "💰 <b>\(amount)</b> was added to your balance.\nReason: \(reason)\nBalance: <b>\(balance)</b>"
    }
    func debitedNotice(_ amount: String, _ reason: String, _ balance: String) -> HTML {
        "➖ <b>\(amount)</b> was taken from your balance.\nReason: \(reason)\nBalance: <b>\(balance)</b>"
    }
    func refundNotice(_ orderID: Int, _ amount: String, _ keys: Int, _ balance: String) -> HTML {
        "↩️ Order #\(orderID): <b>\(amount)</b> refunded to your balance for \(Plural.english(keys, "key", "keys")).\nBalance: <b>\(balance)</b>"
    }
    func starsRefundNotice(_ stars: Int64, _ amount: String, _ balance: String) -> HTML {
        "⭐ \(stars) Stars were refunded to your Telegram account, and <b>\(amount)</b> taken from your balance.\nBalance: <b>\(balance)</b>"
    }
    let premiumGrantedNotice: String = "💎 You are premium now: the premium catalogue is open to you."
    let premiumRevokedNotice: String = "Your premium status has ended."
    let resellerOnNotice: String = "🏪 You are a reseller now: you see reseller prices and may buy several keys at once."
    let resellerOffNotice: String = "You are no longer a reseller: you see the regular prices."
}
