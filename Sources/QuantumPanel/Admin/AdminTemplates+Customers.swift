import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The customer list, a customer's profile and orders, the user picker, and how the people
/// sections word a refusal.
extension AdminTemplates {
    /// The id the picker's request carries: the bot asks for one user at a time.
    static let pickerRequestID: Int64 = 1

    /// How a customer is named on every screen: their name, and @username when they have one.
    func name(_ customer: CustomerSnapshot) -> String {
        let name = HTML.truncate(customer.firstName, to: 40)
        return customer.username.map { "\(name) (@\($0))" } ?? name
    }

    func status(_ customer: CustomerSnapshot) -> String {
        var marks: [String] = []
        if customer.isBanned { marks.append(people.bannedStatus) }
        if customer.isPremium { marks.append(people.premiumStatus) }
        if customer.isReseller { marks.append(people.resellerStatus) }
        return marks.isEmpty ? people.regularStatus : marks.joined(separator: ", ")
    }

    func customers(_ page: Page<CustomerSnapshot>, filter: CustomerFilter) throws -> Screen {
        var text: HTML = "\(shop.header(people.customersTitle))\n\(people.filterName(filter)): \(people.customersCount(page.totalCount))\n\n"
        var rows: [[InlineKeyboardButton]] = [[try button(people.findCustomerButton, AdminCallback(to: .findCustomer))]]
        rows.append(
            try CustomerFilter.allCases.map { option in
                try button((option == filter ? "• " : "") + people.filterName(option), AdminCustomersCallback(filter: option))
            })
        if page.items.isEmpty {
            text += HTML(text: people.customersEmpty)
        } else {
            text += ShopTemplates.frame(
                page.items.map { customer -> HTML in "\(name(customer)) · <code>\(customer.telegramID)</code> · \(customer.balance.formatted)" })
            for customer in page.items {
                let marks = (customer.isBanned ? "⛔ " : "") + (customer.isPremium ? "💎 " : "") + (customer.isReseller ? "🏪 " : "")
                rows.append([
                    try button(
                        marks + customer.firstName + " · " + customer.balance.formatted,
                        AdminCustomerCallback(telegramID: customer.telegramID, action: .open))
                ])
            }
            let paging = try shop.pagination(page: page.number, pageCount: page.pageCount) { AdminCustomersCallback(filter: filter, page: $0) }
            if !paging.isEmpty { rows.append(paging) }
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func profile(_ profile: CustomerProfile) throws -> Screen {
        let customer = profile.customer
        let id = customer.telegramID
        let username = customer.username.map { "@" + $0 } ?? strings.noneValue
        var lines: [HTML] = [
            "\(people.idLabel): <code>\(id)</code>",
            "\(people.usernameLabel): \(username)",
            "\(people.languageLabel): \(customer.botLanguage ?? customer.languageCode ?? "—")",
            "\(people.balanceLabel): <b>\(customer.balance.formatted)</b>",
            "\(people.statusLabel): \(status(customer))",
            "\(people.firstSeenLabel): \(ShopTemplates.date(profile.firstSeen))",
        ]
        if let lastSeen = profile.lastSeen { lines.append("\(people.lastSeenLabel): \(ShopTemplates.date(lastSeen))") }
        lines.append("\(people.ordersLabel): \(profile.orderCount) · \(people.spentLabel): \(profile.spent.formatted)")
        var text: HTML = "\(shop.header("👤 <b>\(name(customer))</b>"))\n\(ShopTemplates.frame(lines))\n\n<b>\(people.lastActivityTitle)</b>\n"
        text +=
            profile.lastLedgerLines.isEmpty
            ? HTML(text: people.noActivity)
            : ShopTemplates.frame(
                profile.lastLedgerLines.map { line -> HTML in
                    let sign = line.delta.minorUnits > 0 ? "+" : ""
                    let note = line.note.map { ": " + HTML.truncate($0, to: 60) } ?? ""
                    return "\(ShopTemplates.date(line.date)) · \(shop.reason(line.reason))\(note) <b>\(sign)\(line.delta.formatted)</b>"
                })
        if !profile.starsPayments.isEmpty {
            text +=
                "\n\n<b>\(people.starsPaymentsTitle)</b>\n"
                + ShopTemplates.frame(
                    profile.starsPayments.map { payment -> HTML in
                        let mark = payment.isRefundPending ? " · " + people.pendingMark : payment.isRefunded ? " · " + people.refundedMark : ""
                        return "\(ShopTemplates.date(payment.date)) · ⭐ \(payment.stars) → \(payment.credited.formatted)\(mark)"
                    })
        }
        var rows: [[InlineKeyboardButton]] = [
            [
                try button(people.creditButton, AdminCustomerCallback(telegramID: id, action: .credit)),
                try button(people.debitButton, AdminCustomerCallback(telegramID: id, action: .debit)),
            ],
            [
                try button(people.premiumToggle(customer.isPremium), AdminCustomerCallback(telegramID: id, action: .premium)),
                try button(people.resellerToggle(customer.isReseller), AdminCustomerCallback(telegramID: id, action: .reseller)),
            ],
            [
                try button(people.ordersButton, AdminCustomerCallback(telegramID: id, action: .orders)),
                try button(people.banToggle(customer.isBanned), AdminCustomerCallback(telegramID: id, action: .ban)),
            ],
            [try button(records.sectionAudit, AdminAuditCallback(person: id))],
        ]
        for payment in profile.starsPayments.prefix(3) where !payment.isRefunded {
            rows.append([
                try button(
                    people.refundStarsButton(payment.stars, ShopTemplates.date(payment.date)),
                    AdminCustomerCallback(telegramID: id, action: .refundStars, value: payment.id))
            ])
        }
        rows.append(try navigation(back: AdminCustomersCallback(filter: .all)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func customerOrders(_ page: Page<OrderSummary>, of customer: CustomerSnapshot) throws -> Screen {
        var text = shop.header(people.customerOrdersTitle(name(customer))) + "\n"
        var rows: [[InlineKeyboardButton]] = []
        if page.items.isEmpty {
            text += HTML(text: people.noOrders)
        } else {
            text += ShopTemplates.frame(
                page.items.map { order -> HTML in
                    "#\(order.orderID) · \(ShopTemplates.date(order.date)) · \(HTML.truncate(order.productName, to: 30)) · \(order.amount.formatted)"
                })
            for order in page.items {
                rows.append([
                    try button(
                        "#\(order.orderID) · \(order.productName) · \(order.amount.formatted)",
                        AdminOrderCallback(orderID: order.orderID, action: .open))
                ])
            }
            let paging = try shop.pagination(page: page.number, pageCount: page.pageCount) {
                AdminCustomerCallback(telegramID: customer.telegramID, action: .orders, value: $0)
            }
            if !paging.isEmpty { rows.append(paging) }
        }
        rows.append(try navigation(back: AdminCustomerCallback(telegramID: customer.telegramID, action: .open)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// The reply keyboard with Telegram's user picker, for the "who" step.
    func picker() -> ReplyKeyboardMarkup {
        let request = KeyboardButtonRequestUsers(
            requestID: Self.pickerRequestID, userIsBot: false, maxQuantity: 1, requestName: true, requestUsername: true)
        return ReplyKeyboardMarkup(
            keyboard: [[KeyboardButton(text: people.pickButton, requestUsers: request)]], resizeKeyboard: true, oneTimeKeyboard: true)
    }
}
