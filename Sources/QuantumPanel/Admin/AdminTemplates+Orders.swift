import BotRouting
import Marketplace
import TelegramBotAPI

/// An order for the admin, and the steps of refunding it.
extension AdminTemplates {
    /// An order's screen lists this many keys, so it stays within one message.
    static let keysShown = 20

    func order(_ order: AdminOrder) throws -> Screen {
        var lines: [HTML] = [
            "\(people.customerLabel): \(name(order.customer)) · <code>\(order.customer.telegramID)</code>",
            "\(people.productLabel): <b>\(order.productName)</b> · \(order.durationLabel)",
            "\(people.dateLabel): \(ShopTemplates.date(order.date))",
            "\(people.paidLabel): <b>\(order.amount.formatted)</b>",
            "\(people.statusLabel): \(people.orderStatus(order.status))",
        ]
        if order.refunded.minorUnits > 0 { lines.append("\(people.refundedLabel): \(order.refunded.formatted)") }
        var text: HTML = "\(shop.header(people.orderTitle(order.orderID)))\n\(ShopTemplates.frame(lines))\n\n<b>\(people.keysTitle)</b>\n"
        var keys = order.keys.prefix(Self.keysShown).map { key -> HTML in
            let refund = key.refund.map { " · " + people.keyRefunded($0.amount.formatted, $0.disposition) } ?? ""
            return "<code>\(HTML.truncate(key.text, to: 100))</code>\(refund)"
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
