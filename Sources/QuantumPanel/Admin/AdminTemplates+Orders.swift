import BotRouting
import Marketplace
import TelegramBotAPI

/// An order for the admin, and the steps of refunding it.
extension AdminTemplates {
    /// An order's screen lists this many keys, so it stays within one message.
    static let keysShown = 20

    func order(_ order: AdminOrder) throws -> Screen {
        var lines = [
            "\(people.customerLabel): \(name(order.customer)) · <code>\(order.customer.telegramID)</code>",
            "\(people.productLabel): <b>\(e(order.productName))</b> · \(e(order.durationLabel))",
            "\(people.dateLabel): \(ShopTemplates.date(order.date))",
            "\(people.paidLabel): <b>\(e(order.amount.formatted))</b>",
            "\(people.statusLabel): \(people.orderStatus(order.status))",
        ]
        if order.refunded.minorUnits > 0 { lines.append("\(people.refundedLabel): \(e(order.refunded.formatted))") }
        var text = shop.header(people.orderTitle(order.orderID)) + "\n" + ShopTemplates.frame(lines) + "\n\n<b>\(people.keysTitle)</b>\n"
        var keys = order.keys.prefix(Self.keysShown).map { key in
            let refund = key.refund.map { " · " + people.keyRefunded(e($0.amount.formatted), $0.disposition) } ?? ""
            return "<code>\(e(HTML.truncate(key.text, to: 100)))</code>\(refund)"
        }
        if order.keys.count > Self.keysShown { keys.append("+\(order.keys.count - Self.keysShown)") }
        text += ShopTemplates.frame(keys)
        var rows: [[InlineKeyboardButton]] = []
        if !order.refundableKeys.isEmpty { rows.append([try button(people.refundButton, AdminOrderCallback(orderID: order.orderID, action: .refund))]) }
        rows.append([try button(people.findOrderButton, AdminCallback(to: .findOrder))])
        rows.append(try navigation(back: AdminCustomerCallback(telegramID: order.customer.telegramID, action: .orders)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// The keys to refund, each a toggle; chosen ones are ticked.
    func refundKeys(_ order: AdminOrder, chosen: Set<Int>, reason: String?) throws -> Screen {
        var options: [[InlineKeyboardButton]] = []
        for key in order.refundableKeys.prefix(Self.keysShown) {
            options.append([try button((chosen.contains(key.id) ? "☑ " : "☐ ") + key.text, AdminPickCallback(id: key.id))])
        }
        options.append([try button(people.allKeysButton, AdminDialogCallback(answer: .all)), try button(people.nextButton, AdminDialogCallback(answer: .next))])
        let text = (reason.map { "⚠️ " + $0 + "\n\n" } ?? "") + people.orderTitle(order.orderID) + "\n\n" + people.askRefundKeys
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: options + [cancelRow()]))
    }

    func refundDisposition(reason: String?) throws -> Screen {
        prompt(people.askDisposition, reason: reason, options: [])
            .adding(rows: try RefundDisposition.allCases.map { [try button(people.dispositionButton($0), AdminDialogCallback(answer: $0 == .restock ? .restock : .revoke))] })
    }

    func refundSummary(_ order: AdminOrder, keys: [AdminOrder.Key], amount: Money, disposition: RefundDisposition) throws -> Screen {
        let balance = order.customer.balance
        let after = Money(minorUnits: balance.minorUnits + amount.minorUnits, currency: balance.currency)
        return try summary([
            people.orderTitle(order.orderID) + " · " + e(order.productName),
            "\(people.customerLabel): \(name(order.customer))",
            people.refundKeysLabel(keys.count, order.keys.count) + ": " + keys.map { "<code>\(e(HTML.truncate($0.text, to: 40)))</code>" }.joined(separator: ", "),
            "\(people.refundAmountLabel): <b>\(e(amount.formatted))</b>",
            change(people.balanceLabel, e(balance.formatted), e(after.formatted)),
            people.dispositionName(disposition),
        ])
    }
}

extension Screen {
    /// The screen with `rows` of buttons above its last row (Cancel, or Back and Menu).
    func adding(rows: [[InlineKeyboardButton]]) -> Screen {
        var screen = self
        var keyboard = screen.keyboard?.inlineKeyboard ?? []
        keyboard.insert(contentsOf: rows, at: max(0, keyboard.count - 1))
        screen.keyboard = InlineKeyboardMarkup(inlineKeyboard: keyboard)
        return screen
    }
}
