import BotRouting
import Marketplace
import TelegramBotAPI

/// A price's admin card and the summaries of price dialogs.
extension AdminTemplates {
    func duration(_ days: Int?) -> String {
        days.map(strings.days) ?? strings.lifetime
    }

    func price(_ price: AdminProduct.Price, of product: AdminProduct) throws -> Screen {
        let id = price.id
        let lines: [HTML] = [
            "\(strings.durationLabelLabel): <b>\(price.durationLabel)</b>",
            "\(strings.durationLabel): \(duration(price.durationDays))",
            "\(strings.priceLabel): <b>\(price.price.formatted)</b>",
            "\(strings.resellerPriceLabel): \(price.resellerPrice.map { $0.formatted } ?? strings.noneValue)",
            "\(strings.visibilityLabel): \(visibility(isVisible: price.isVisible, isArchived: price.isArchived))",
            "\(strings.stockLabel): <b>\(price.stock)</b> · \(strings.soldLabel): \(price.sold)",
        ]
        let text: HTML = "\(shop.header("\(strings.priceTitle) · \(product.name)"))\n\(ShopTemplates.frame(lines))"
        var rows: [[InlineKeyboardButton]] = [
            [try button(strings.stockButton, AdminPriceCallback(priceID: id, action: .stock))],
            [
                try button(strings.editLabelButton, AdminPriceCallback(priceID: id, action: .label)),
                try button(strings.editDurationButton, AdminPriceCallback(priceID: id, action: .duration)),
            ],
            [
                try button(strings.editPriceButton, AdminPriceCallback(priceID: id, action: .amount)),
                try button(strings.editResellerButton, AdminPriceCallback(priceID: id, action: .reseller)),
            ],
        ]
        if price.resellerPrice != nil {
            rows.append([try button(strings.removeResellerButton, AdminPriceCallback(priceID: id, action: .removeReseller))])
        }
        if price.isArchived {
            rows.append([try button(strings.unarchiveButton, AdminPriceCallback(priceID: id, action: .unarchive))])
        } else {
            rows.append([
                price.isVisible
                    ? try button(strings.hideButton, AdminPriceCallback(priceID: id, action: .hide))
                    : try button(strings.showButton, AdminPriceCallback(priceID: id, action: .show)),
                try button(strings.upButton, AdminPriceCallback(priceID: id, action: .up)),
                try button(strings.downButton, AdminPriceCallback(priceID: id, action: .down)),
            ])
        }
        rows.append([try button(strings.deleteButton, AdminPriceCallback(priceID: id, action: .delete))])
        rows.append(try navigation(back: AdminProductCallback(productID: product.id, action: .open)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func priceInUse(_ price: AdminProduct.Price, keys: Int, orders: Int) throws -> Screen {
        Screen(
            text: strings.priceInUse(keys, orders),
            keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                [try button(strings.archiveButton, AdminPriceCallback(priceID: price.id, action: .archive))],
                try navigation(back: AdminPriceCallback(priceID: price.id, action: .open)),
            ]))
    }

    /// "Product · 1 month", for messages about a price.
    func target(_ product: AdminProduct, _ price: AdminProduct.Price) -> HTML {
        "<b>\(product.name)</b> · \(price.durationLabel)"
    }
}
