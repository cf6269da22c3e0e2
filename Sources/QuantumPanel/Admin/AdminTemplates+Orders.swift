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
        if !order.refundableKeys.isEmpty {
            rows.append([try button(people.refundButton, AdminOrderCallback(orderID: order.orderID, action: .refund))])
        }
        rows.append([try button(people.findOrderButton, AdminCallback(to: .findOrder))])
        rows.append(try navigation(back: AdminCustomerCallback(telegramID: order.customer.telegramID, action: .orders)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// The keys to refund, each a toggle; chosen ones are ticked.
}
