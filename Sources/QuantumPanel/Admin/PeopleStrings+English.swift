import BotRouting
import Marketplace

extension PeopleStrings {
    static let english = PeopleStrings(
        sectionCustomers: "👥 Customers",
        sectionOrders: "🧾 Orders",
        sectionStaff: "👮 Admins",
        sectionSellers: "🤝 Sellers",

        customersTitle: "👥 <b>Customers</b>",
        filterName: { filter in
            switch filter {
            case .all: "All"
            case .premium: "💎 Premium"
            case .resellers: "🏪 Resellers"
            case .banned: "⛔ Banned"
            }
        },
        customersCount: { Plural.english($0, "customer", "customers") },
        customersEmpty: "No customers here yet.",
        findCustomerButton: "🔎 Find a customer",
        askCustomer: "Send the customer's Telegram id or @username, forward a message of theirs, or pick them with the button under the text box.",
        pickButton: "👤 Pick a user",
        pickHint: "👇 Or pick them from your chats with the button below.",
        customerNotFound: { "No customer <code>\($0)</code>: a customer appears here once they start the bot." },
        hiddenForward: { "<b>\($0)</b> hides their account in forwarded messages: send their id or @username, or pick them instead." },
        notAPerson: "That is not an id, a @username, a forwarded message or a picked user.",
        found: { "🔎 Found: <b>\($0)</b>." },
        idLabel: "Id",
        usernameLabel: "Username",
        languageLabel: "Language",
        balanceLabel: "Balance",
        statusLabel: "Status",
        firstSeenLabel: "First seen",
        lastSeenLabel: "Last seen",
        ordersLabel: "Orders",
        spentLabel: "Spent",
        premiumStatus: "💎 premium",
        resellerStatus: "🏪 reseller",
        bannedStatus: "⛔ banned",
        regularStatus: "regular",
        lastActivityTitle: "Last balance changes",
        noActivity: "No balance changes yet.",
        starsPaymentsTitle: "Stars top-ups",
        refundedMark: "refunded",
        pendingMark: "refund waiting for Telegram",
        creditButton: "➕ Credit",
        debitButton: "➖ Debit",
        premiumToggle: { $0 ? "💎 Revoke premium" : "💎 Grant premium" },
        resellerToggle: { $0 ? "🏪 Not a reseller" : "🏪 Make reseller" },
        banToggle: { $0 ? "✅ Unban" : "⛔ Ban" },
        ordersButton: "🧾 Orders",
        refundStarsButton: { "⭐ Refund \($0) Stars · \($1)" },
        askCreditAmount: { "How much is credited? Send an amount such as <code>\($0)</code>." },
        askDebitAmount: { "How much is debited? Send an amount such as <code>\($0)</code>. The balance is <b>\($1)</b>." },
        debitTooLarge: { "The balance is \($0): a debit can't take it below zero." },
        askNote: { "What reason does the customer read with it? At most \($0) characters." },
        noteEmpty: "The reason is empty: the customer is shown it.",
        noteTooLong: { "The reason is \($0) characters; at most \($1)." },
        creditLabel: "Credit",
        debitLabel: "Debit",
        reasonLabel: "Reason",
        balanceChanged: { "✅ Done: the balance is <b>\($0)</b>." },
        confirmBan: { "Ban <b>\($0)</b>? They can't use the shop until unbanned, and any dialog they are in ends." },
        confirmUnban: { "Unban <b>\($0)</b>? They can use the shop again." },
        confirmStarsRefund: { "Give back ⭐ \($0) Stars to the customer's Telegram account? Their balance goes down by <b>\($1)</b>." },
        starsRefunded: { "✅ \($0) Stars refunded." },
        starsRefundPending: "⏳ Telegram did not answer. The refund is booked and will be finished when Telegram answers.",
        starsBalanceTooLow: { "The balance is \($0) and the refund takes \($1): the customer has spent part of this top-up." },
        starsAlreadyRefunded: "That top-up has been refunded already.",
        starsRefusedByTelegram: { "Telegram refused the refund (\($0)). The balance was given back." },
        customerGone: "That customer is not in the shop.",
        cantBanAdmin: "An admin can't be banned: remove them from the admins first.",

        customerOrdersTitle: { "🧾 <b>Orders of \($0)</b>" },
        noOrders: "No orders yet.",
        findOrderButton: "🔎 Find an order",
        askOrderNumber: "Send the order's number, such as <code>42</code> or <code>#42</code>.",
        notAnOrderNumber: { "<code>\($0)</code> is not an order number: send digits, such as 42." },
        orderNotFound: { "There is no order #\($0)." },
        orderTitle: { "🧾 <b>Order #\($0)</b>" },
        customerLabel: "Customer",
        productLabel: "Product",
        dateLabel: "Date",
        paidLabel: "Paid",
        refundedLabel: "Refunded",
        keysTitle: "Keys",
        orderStatus: { status in
            switch status {
            case .refunded: "refunded"
            case .partiallyRefunded: "partly refunded"
            case .completed: "completed"
            }
        },
        keyRefunded: { amount, disposition in disposition == .restock ? "↩️ \(amount) refunded, back in stock" : "↩️ \(amount) refunded, revoked" },
        refundButton: "↩️ Refund…",
        askRefundKeys: "Which keys are refunded? Tap keys to choose them, then Next.",
        allKeysButton: "All keys",
        nextButton: "Next ›",
        pickAtLeastOne: "Choose at least one key.",
        askDisposition: "Should the refunded keys be sold again?",
        dispositionButton: { $0 == .restock ? "📦 Back to stock" : "🚫 Revoke: never sold again" },
        dispositionName: { $0 == .restock ? "back to stock" : "revoked, never sold again" },
        refundKeysLabel: { "Keys: \($0) of \($1)" },
        refundAmountLabel: "Refund",
        refunded: { "✅ Refunded \($0) for \(Plural.english($1, "key", "keys"))." },
        alreadyRefunded: "Part of that has been refunded meanwhile; nothing was changed.",
        nothingToRefund: "Every key of this order has been refunded already.",

        staffTitle: "👮 <b>Admins</b>",
        staffExplanation: "Admins run the whole panel. Only you, the root admin, add and remove them.",
        rootMark: "👑",
        addAdminButton: "➕ Add admin",
        removeAdminButton: { "✖ Remove \($0)" },
        askAdmin: "Send the new admin's Telegram id or @username, forward a message of theirs, or pick them with the button under the text box.",
        unknownUsername: { "No one with @\($0) has started the bot: send their id or pick them instead." },
        confirmAddAdmin: { "Make <b>\($0)</b> an admin? They can change the catalogue, customers' balances and refunds." },
        confirmRemoveAdmin: { "Remove <b>\($0)</b> from the admins? They lose the panel at their next message." },
        adminAdded: { "✅ \($0) is an admin now." },
        adminRemoved: "✅ Removed: they lose the panel at their next message.",
        alreadyAdmin: "They are an admin already.",
        noSuchAdmin: "They are not an admin (any more).",
        notRoot: "Only the root admin manages admins.",
        rootPermanent: "The root admin can't be removed.",
        notPermitted: "Your role doesn't allow this; nothing was changed.",
        sameRole: "They have that role already.",
        rootHasNoRole: "The root admin may do everything; there is no role to set.",
        roleLabel: "Role",
        roleName: { role in
            switch role {
            case .owner: "👔 Owner"
            case .manager: "🧰 Manager"
            case .support: "🎧 Support"
            case .content: "✍️ Content"
            }
        },
        roleScope: { role in
            switch role {
            case .owner: "everything but managing admins"
            case .manager: "catalogue, stock, customers and orders, refunds, statuses, sellers"
            case .support: "sees customers and orders; no money, no changes"
            case .content: "broadcasts, and products' names, descriptions and photos"
            }
        },
        roleButton: { "🎭 Role of \($0)" },
        askRole: { "Which role does <b>\($0)</b> have? It holds from their next message." },
        pickRole: "Pick the role with the buttons.",
        roleSet: { "✅ \($0) is \($1) now." },

        sellersTitle: "🤝 <b>Trusted sellers</b>",
        sellersEmpty: "No trusted sellers yet. Customers see them as another way to top up.",
        addSellerButton: "➕ Add seller",
        askSellerUsername: "Send the seller's @username, or the id of a customer who has one.",
        askSellerName: "What name do customers see?",
        askSellerNote: { "A note customers see, such as prices or hours (at most \($0) characters), or Skip." },
        sellerUsernameLabel: "Username",
        sellerNameLabel: "Name",
        sellerNoteLabel: "Note",
        editSellerUsernameButton: "✏️ Username",
        editSellerNameButton: "✏️ Name",
        editSellerNoteButton: "✏️ Note",
        removeNoteButton: "No note",
        removeSellerButton: "🗑 Remove",
        confirmRemoveSeller: { "Remove <b>\($0)</b> from the trusted sellers?" },
        sellerAdded: "✅ Added.",
        sellerRemoved: "✅ Removed.",
        noUsername: { "Customer \($0) has no username: customers could not reach them. Ask them to set one." },
        usernameInvalid: "A Telegram username has 5 to 32 letters, digits or _, and starts with a letter.",
        displayNameEmpty: "The name is empty.",
        displayNameTooLong: { "The name is \($0) characters; at most \($1)." },
        sellerNoteTooLong: { "The note is \($0) characters; at most \($1)." },
        alreadyListed: { "@\($0) is on the list already." },
        sellerGone: "That seller is no longer on the list."
    )
}
