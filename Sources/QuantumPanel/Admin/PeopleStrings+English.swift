import BotRouting
import Marketplace

struct EnglishPeopleStrings: PeopleStrings {
    let sectionCustomers: String = "👥 Customers"
    let sectionOrders: String = "🧾 Orders"
    let sectionStaff: String = "👮 Admins"
    let sectionSellers: String = "🤝 Sellers"
    let customersTitle: HTML = "👥 <b>Customers</b>"
    func filterName(_ filter: CustomerFilter) -> String {
        switch filter {
        case .all: "All"
        case .premium: "💎 Premium"
        case .resellers: "🏪 Resellers"
        case .banned: "⛔ Banned"
        }

    }
    func customersCount(_ count: Int) -> String { Plural.english(count, "customer", "customers") }
    let customersEmpty: String = "No customers here yet."
    let findCustomerButton: String = "🔎 Find a customer"
    let askCustomer: HTML =
        "Send the customer's Telegram id or @username, forward a message of theirs, or pick them with the button under the text box."
    let pickButton: String = "👤 Pick a user"
    let pickHint: String = "👇 Or pick them from your chats with the button below."
    func customerNotFound(_ typed: String) -> HTML { "No customer <code>\(typed)</code>: a customer appears here once they start the bot." }
    func hiddenForward(_ name: String) -> HTML {
        "<b>\(name)</b> hides their account in forwarded messages: send their id or @username, or pick them instead."
    }
    let notAPerson: HTML = "That is not an id, a @username, a forwarded message or a picked user."
    func found(_ name: String) -> HTML { "🔎 Found: <b>\(name)</b>." }
    let idLabel: String = "Id"
    let usernameLabel: String = "Username"
    let languageLabel: String = "Language"
    let balanceLabel: String = "Balance"
    let statusLabel: String = "Status"
    let firstSeenLabel: String = "First seen"
    let lastSeenLabel: String = "Last seen"
    let ordersLabel: String = "Orders"
    let spentLabel: String = "Spent"
    let premiumStatus: String = "💎 premium"
    let resellerStatus: String = "🏪 reseller"
    let bannedStatus: String = "⛔ banned"
    let regularStatus: String = "regular"
    let lastActivityTitle: String = "Last balance changes"
    let noActivity: String = "No balance changes yet."
    let starsPaymentsTitle: String = "Stars top-ups"
    let refundedMark: String = "refunded"
    let pendingMark: String = "refund waiting for Telegram"
    let creditButton: String = "➕ Credit"
    let debitButton: String = "➖ Debit"
    func premiumToggle(_ isPremium: Bool) -> String { isPremium ? "💎 Revoke premium" : "💎 Grant premium" }
    func resellerToggle(_ isReseller: Bool) -> String { isReseller ? "🏪 Not a reseller" : "🏪 Make reseller" }
    func banToggle(_ isBanned: Bool) -> String { isBanned ? "✅ Unban" : "⛔ Ban" }
    let ordersButton: String = "🧾 Orders"
    func refundStarsButton(_ stars: Int64, _ date: String) -> String { "⭐ Refund \(stars) Stars · \(date)" }
    func askCreditAmount(_ example: String) -> HTML { "How much is credited? Send an amount such as <code>\(example)</code>." }
    func askDebitAmount(_ example: String, _ balance: String) -> HTML {
        "How much is debited? Send an amount such as <code>\(example)</code>. The balance is <b>\(balance)</b>."
    }
    func debitTooLarge(_ balance: String) -> HTML { "The balance is \(balance): a debit can't take it below zero." }
    func askNote(_ limit: Int) -> HTML { "What reason does the customer read with it? At most \(limit) characters." }
    let noteEmpty: HTML = "The reason is empty: the customer is shown it."
    func noteTooLong(_ length: Int, _ limit: Int) -> HTML { "The reason is \(length) characters; at most \(limit)." }
    let creditLabel: String = "Credit"
    let debitLabel: String = "Debit"
    let reasonLabel: String = "Reason"
    func balanceChanged(_ balance: String) -> HTML { "✅ Done: the balance is <b>\(balance)</b>." }
    func confirmBan(_ name: String) -> HTML { "Ban <b>\(name)</b>? They can't use the shop until unbanned, and any dialog they are in ends." }
    func confirmUnban(_ name: String) -> HTML { "Unban <b>\(name)</b>? They can use the shop again." }
    func confirmStarsRefund(_ stars: Int64, _ amount: String) -> HTML {
        "Give back ⭐ \(stars) Stars to the customer's Telegram account? Their balance goes down by <b>\(amount)</b>."
    }
    func starsRefunded(_ stars: Int64) -> HTML { "✅ \(stars) Stars refunded." }
    let starsRefundPending: HTML = "⏳ Telegram did not answer. The refund is booked and will be finished when Telegram answers."
    func starsBalanceTooLow(_ balance: String, _ needed: String) -> HTML {
        "The balance is \(balance) and the refund takes \(needed): the customer has spent part of this top-up."
    }
    let starsAlreadyRefunded: HTML = "That top-up has been refunded already."
    func starsRefusedByTelegram(_ reason: String) -> HTML { "Telegram refused the refund (\(reason)). The balance was given back." }
    let customerGone: HTML = "That customer is not in the shop."
    let cantBanAdmin: HTML = "An admin can't be banned: remove them from the admins first."
    func customerOrdersTitle(_ name: String) -> HTML { "🧾 <b>Orders of \(name)</b>" }
    let noOrders: String = "No orders yet."
    let findOrderButton: String = "🔎 Find an order"
    let askOrderNumber: HTML = "Send the order's number, such as <code>42</code> or <code>#42</code>."
    func notAnOrderNumber(_ typed: String) -> HTML { "<code>\(typed)</code> is not an order number: send digits, such as 42." }
    func orderNotFound(_ number: Int) -> HTML { "There is no order #\(number)." }
    func orderTitle(_ number: Int) -> HTML { "🧾 <b>Order #\(number)</b>" }
    let customerLabel: String = "Customer"
    let productLabel: String = "Product"
    let dateLabel: String = "Date"
    let paidLabel: String = "Paid"
    let refundedLabel: String = "Refunded"
    let keysTitle: String = "Keys"
    func orderStatus(_ status: OrderStatus) -> String {
        switch status {
        case .refunded: "refunded"
        case .partiallyRefunded: "partly refunded"
        case .completed: "completed"
        }

    }
    func keyRefunded(_ amount: String, _ disposition: RefundDisposition) -> String {
        disposition == .restock ? "↩️ \(amount) refunded, back in stock" : "↩️ \(amount) refunded, revoked"
    }
    let refundButton: String = "↩️ Refund…"
    let askRefundKeys: String = "Which keys are refunded? Tap keys to choose them, then Next."
    let allKeysButton: String = "All keys"
    let nextButton: String = "Next ›"
    let pickAtLeastOne: HTML = "Choose at least one key."
    let askDisposition: HTML = "Should the refunded keys be sold again?"
    func dispositionButton(_ value: RefundDisposition) -> String { value == .restock ? "📦 Back to stock" : "🚫 Revoke: never sold again" }
    func dispositionName(_ value: RefundDisposition) -> String { value == .restock ? "back to stock" : "revoked, never sold again" }
    func refundKeysLabel(_ count: Int, _ of: Int) -> String { "Keys: \(count) of \(of)" }
    let refundAmountLabel: String = "Refund"
    func refunded(_ amount: String, _ count: Int) -> HTML { "✅ Refunded \(amount) for \(Plural.english(count, "key", "keys"))." }
    let alreadyRefunded: HTML = "Part of that has been refunded meanwhile; nothing was changed."
    let nothingToRefund: HTML = "Every key of this order has been refunded already."
    let staffTitle: HTML = "👮 <b>Admins</b>"
    let staffExplanation: String = "Admins run the whole panel. Only you, the root admin, add and remove them."
    let rootMark: String = "👑"
    let addAdminButton: String = "➕ Add admin"
    func removeAdminButton(_ name: String) -> String { "✖ Remove \(name)" }
    let askAdmin: HTML =
        "Send the new admin's Telegram id or @username, forward a message of theirs, or pick them with the button under the text box."
    func unknownUsername(_ username: String) -> HTML { "No one with @\(username) has started the bot: send their id or pick them instead." }
    func confirmAddAdmin(_ name: String) -> HTML { "Make <b>\(name)</b> an admin? They can change the catalogue, customers' balances and refunds." }
    func confirmRemoveAdmin(_ name: HTML) -> HTML { "Remove <b>\(name)</b> from the admins? They lose the panel at their next message." }
    func adminAdded(_ name: String) -> HTML { "✅ \(name) is an admin now." }
    let adminRemoved: HTML = "✅ Removed: they lose the panel at their next message."
    let alreadyAdmin: HTML = "They are an admin already."
    let noSuchAdmin: HTML = "They are not an admin (any more)."
    let notRoot: HTML = "Only the root admin manages admins."
    let rootPermanent: HTML = "The root admin can't be removed."
    let notPermitted: String = "Your role doesn't allow this; nothing was changed."
    let sameRole: HTML = "They have that role already."
    let rootHasNoRole: HTML = "The root admin may do everything; there is no role to set."
    let roleLabel: String = "Role"
    func roleName(_ role: AdminRole) -> String {
        switch role {
        case .owner: "👔 Owner"
        case .manager: "🧰 Manager"
        case .support: "🎧 Support"
        case .content: "✍️ Content"
        }

    }
    func roleScope(_ role: AdminRole) -> String {
        switch role {
        case .owner: "everything but managing admins"
        case .manager: "catalogue, stock, customers and orders, refunds, statuses, sellers"
        case .support: "sees customers and orders; no money, no changes"
        case .content: "broadcasts, and products' names, descriptions and photos"
        }

    }
    func roleButton(_ name: String) -> String { "🎭 Role of \(name)" }
    func askRole(_ name: HTML) -> HTML { "Which role does <b>\(name)</b> have? It holds from their next message." }
    let pickRole: HTML = "Pick the role with the buttons."
    func roleSet(_ name: HTML, _ role: String) -> HTML { "✅ \(name) is \(role) now." }
    let sellersTitle: HTML = "🤝 <b>Trusted sellers</b>"
    let sellersEmpty: String = "No trusted sellers yet. Customers see them as another way to top up."
    let addSellerButton: String = "➕ Add seller"
    let askSellerUsername: HTML = "Send the seller's @username, or the id of a customer who has one."
    let askSellerName: HTML = "What name do customers see?"
    func askSellerNote(_ limit: Int) -> HTML { "A note customers see, such as prices or hours (at most \(limit) characters), or Skip." }
    let sellerUsernameLabel: String = "Username"
    let sellerNameLabel: String = "Name"
    let sellerNoteLabel: String = "Note"
    let editSellerUsernameButton: String = "✏️ Username"
    let editSellerNameButton: String = "✏️ Name"
    let editSellerNoteButton: String = "✏️ Note"
    let removeNoteButton: String = "No note"
    let removeSellerButton: String = "🗑 Remove"
    func confirmRemoveSeller(_ name: String) -> HTML { "Remove <b>\(name)</b> from the trusted sellers?" }
    let sellerAdded: HTML = "✅ Added."
    let sellerRemoved: HTML = "✅ Removed."
    func noUsername(_ id: Int64) -> HTML { "Customer \(id) has no username: customers could not reach them. Ask them to set one." }
    let usernameInvalid: HTML = "A Telegram username has 5 to 32 letters, digits or _, and starts with a letter."
    let displayNameEmpty: HTML = "The name is empty."
    func displayNameTooLong(_ length: Int, _ limit: Int) -> HTML { "The name is \(length) characters; at most \(limit)." }
    func sellerNoteTooLong(_ length: Int, _ limit: Int) -> HTML { "The note is \(length) characters; at most \(limit)." }
    func alreadyListed(_ username: String) -> HTML { "@\(username) is on the list already." }
    let sellerGone: HTML = "That seller is no longer on the list."
}
