import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The order history and one order with its keys.
extension ShopTemplates {
    func orders(_ page: Page<OrderSummary>) throws -> Screen {
        guard !page.items.isEmpty else {
            return Screen(
                text: header(strings.ordersTitle) + "\n" + strings.ordersEmpty,
                keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                    [try button(strings.menuProducts, NavigateCallback(to: .products))], [try menuButton()],
                ]))
        }
        let lines = page.items.map { order -> HTML in
            "<b>#\(order.orderID)</b> · \(Self.date(order.date)) · \(HTML.truncate(order.productName, to: 40)) · \(order.amount.formatted)"
        }
        var rows = try page.items.map { order in
            [
                try button(
                    "#\(order.orderID) · \(order.productName) · \(order.durationLabel)", OrderCallback(orderID: order.orderID, page: page.number))
            ]
        }
        let paging = try pagination(page: page.number, pageCount: page.pageCount) { OrdersPageCallback(page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append([try menuButton()])
        return Screen(text: header(strings.ordersTitle) + "\n" + Self.frame(lines), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func order(_ order: OrderSummary, page: Int) throws -> Screen {
        let text =
            header(strings.orderTitle(order.orderID)) + "\n"
            + Self.frame([
                "\(strings.dateLabel): \(Self.date(order.date))",
                "\(strings.productLabel): \(order.productName) · \(order.durationLabel)",
                "\(strings.quantityLabel): \(order.quantity)",
                "\(strings.priceLabel): \(order.amount.formatted)",
            ])
        let (inline, followUps) = keyMessages(order.keys, after: text)
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[try button(strings.back, OrdersPageCallback(page: page)), try menuButton()]])
        return Screen(text: inline, keyboard: keyboard, followUps: followUps)
    }
}
