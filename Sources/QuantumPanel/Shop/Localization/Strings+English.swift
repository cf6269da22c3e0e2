import BotRouting

extension Strings {
    public static let english = Strings(
        menuProducts: "🛍 Products",
        menuBalance: "💰 Balance",
        menuOrders: "📦 My orders",
        menuPremium: "💎 Premium",
        menuSellers: "🤝 Trusted sellers",
        menuSupport: "🆘 Support",
        menuLanguage: "🌐 Language",
        menuAdmin: "🛠 Admin panel",
        back: "‹ Back",
        mainMenu: "🏠 Menu",
        previousPage: "‹",
        nextPage: "›",

        welcomeTitle: { "👋 Welcome, <b>\($0)</b>!" },
        balanceLabel: "Balance",
        statusLabel: "Status",
        statusFree: "Free",
        statusPremium: "💎 Premium",
        statusReseller: "🏷 Reseller",
        chooseBelow: "Choose below:",

        productsTitle: "🛍 <b>Products</b>",
        productsEmpty: "Nothing for sale yet. Come back soon!",
        inStock: { "\($0) in stock" },
        outOfStock: "out of stock",
        lockedHint: "🔒 premium only",

        pricesTitle: "Prices",
        premiumOnlyExplanation: "🔒 This product is for Premium customers. Upgrade to buy it.",
        upgradeButton: "💎 Upgrade to Premium",
        noPricesNow: "No prices are on sale right now.",
        productGone: "This product is no longer for sale.",

        confirmTitle: "🧾 <b>Confirm your purchase</b>",
        productLabel: "Product",
        durationLabel: "Duration",
        quantityLabel: "Quantity",
        priceLabel: "Price",
        balanceAfterLabel: "Balance after",
        buyButton: { "✅ Buy for \($0)" },
        cancelButton: "✖ Cancel",
        chooseQuantity: "How many keys?",
        otherQuantityButton: "✏️ Other",
        askQuantity: { "✏️ Send the number of keys you want, from 1 to \($0), or /cancel." },
        badQuantity: { "That is not a quantity. Send a whole number from 1 to \($0), or /cancel." },

        purchaseTitle: "✅ <b>Purchase complete</b>",
        orderLabel: "Order",
        keysLabel: "Your keys",
        tapToCopy: "Tap a key to copy it.",
        alreadyBought: "Already bought: here is that order again.",
        insufficientFunds: { "💸 Not enough balance: you need <b>\($0)</b> more. Top up and come back." },
        topUpButton: "➕ Top up",
        outOfStockNow: { $0 == 0 ? "😔 Out of stock. Please try again later." : "😔 Only \($0) left in stock. Choose fewer." },
        unavailableNow: "This price is no longer for sale.",
        priceChanged: { "⚠️ The price changed since you looked: the total is now <b>\($0)</b>. Nothing was charged; check and confirm again." },
        premiumOnlyNow: "🔒 This product is for Premium customers.",
        notifyMeButton: "🔔 Tell me when it's back",
        notifyMeDone: "We'll send you a message when it is back in stock.",
        restocked: { product, duration in "🔔 <b>\(product)</b> · \(duration) is back in stock." },
        restockOpen: "🛍 Open",

        balanceTitle: "💰 <b>Balance</b>",
        recentActivity: "Recent activity",
        noActivity: "No activity yet.",
        reasonPurchase: "Purchase",
        reasonCredit: "Credit",
        reasonDebit: "Debit",
        reasonPremium: "Premium",
        reasonStars: "Stars top-up",
        reasonRefund: "Refund",
        reasonStarsRefund: "Refunded in Stars",
        reasonStarsRefundUndone: "Stars refund undone",
        otherTopUpWays: "Other ways to top up: a trusted seller or support.",
        starsButton: "⭐ Top up with Stars",

        topUpTitle: "⭐ <b>Top up with Telegram Stars</b>",
        topUpExplanation: { "One Star adds \($0) to your balance. Pick an amount:" },
        starsOption: { "⭐ \($0) → \($1)" },
        invoiceTitle: "Balance top-up",
        invoiceDescription: { "\($0) Stars add \($1) to your shop balance." },
        paymentRefused: "This payment can't be accepted. Please start the top-up again.",
        paymentBanned: "Your account can't make payments.",
        toppedUp: { "✅ Thank you! <b>\($0)</b> added. Balance: <b>\($1)</b>" },
        paymentAlreadyCredited: "This payment was already added to your balance.",

        ordersTitle: "📦 <b>My orders</b>",
        ordersEmpty: "No orders yet.",
        orderTitle: { "📦 <b>Order #\($0)</b>" },
        dateLabel: "Date",
        orderGone: "That order can't be found.",

        premiumTitle: "💎 <b>Premium</b>",
        premiumPitch: "Premium unlocks the products marked 🔒, for as long as you shop here.",
        premiumPriceLabel: "Price",
        premiumUpgradeButton: { "💎 Upgrade for \($0)" },
        premiumActive: "✅ You are Premium. Every product is open to you.",
        premiumWelcome: "🎉 Welcome to Premium! Every product is open to you now.",
        premiumTooExpensive: { "💸 Not enough balance: you need <b>\($0)</b> more for Premium." },

        sellersTitle: "🤝 <b>Trusted sellers</b>",
        sellersEmpty: "No trusted sellers are listed yet.",
        supportTitle: "🆘 <b>Support</b>",
        supportContact: { "Questions, problems, other ways to pay: write to @\($0)." },
        supportMissing: "Support can't be reached here yet. Please try again later.",
        writeButton: "✉️ Write",

        languageTitle: "🌐 <b>Language</b>",
        languageChanged: "Language: English",

        help: """
            ℹ️ <b>How it works</b>
            ┌ Top up your balance (⭐ Stars, a trusted seller or support)
            ├ Open 🛍 Products and pick a product and a duration
            └ Confirm: your key arrives at once, and stays in 📦 My orders

            /start: the menu · /cancel: stop what you are doing
            """,
        unknownInput: "I didn't get that. Use the menu:",
        cancelled: "Cancelled.",
        nothingToCancel: "Nothing to cancel.",
        tooFast: "⏳ Too many taps at once: please wait a moment.",
        banned: "⛔ Your access to this shop is blocked.",
        commandStart: "Open the shop",
        commandHelp: "How it works",
        commandCancel: "Stop what you are doing",
        commandPaySupport: "Help with a payment",
        apology: "Sorry, something went wrong on our side. Please try again in a moment.",
        paySupportTitle: "⭐ <b>Payment support</b>",
        paySupport: """
            Top-ups are paid in Telegram Stars and added to your balance at once; each payment is added once.
            If a payment was taken and your balance did not grow, it is found and added within a few minutes.
            A refund goes back to your Stars, for the part of the top-up still on your balance; keys already bought are refunded to the balance instead.
            """,
        lateTopUp: { "⭐ A payment that had not reached the shop was found: <b>\($0)</b> added. Balance: <b>\($1)</b>." },
        creditedNotice: { "💰 <b>\($0)</b> was added to your balance.\nReason: \($1)\nBalance: <b>\($2)</b>" },
        debitedNotice: { "➖ <b>\($0)</b> was taken from your balance.\nReason: \($1)\nBalance: <b>\($2)</b>" },
        refundNotice: { "↩️ Order #\($0): <b>\($1)</b> refunded to your balance for \(Plural.english($2, "key", "keys")).\nBalance: <b>\($3)</b>" },
        starsRefundNotice: {
            "⭐ \($0) Stars were refunded to your Telegram account, and <b>\($1)</b> taken from your balance.\nBalance: <b>\($2)</b>"
        },
        premiumGrantedNotice: "💎 You are premium now: the premium catalogue is open to you.",
        premiumRevokedNotice: "Your premium status has ended.",
        resellerOnNotice: "🏪 You are a reseller now: you see reseller prices and may buy several keys at once.",
        resellerOffNotice: "You are no longer a reseller: you see the regular prices."
    )
}
