import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The product list and the product cards.
extension ShopTemplates {
    func stockHint(_ stock: Int) -> String {
        stock > 0 ? strings.inStock(stock) : strings.outOfStock
    }

    func products(_ catalogue: [CatalogueProduct], page: Int) throws -> Screen {
        guard !catalogue.isEmpty else {
            return Screen(
                text: header(strings.productsTitle) + "\n" + strings.productsEmpty,
                keyboard: InlineKeyboardMarkup(inlineKeyboard: [[try menuButton()]]))
        }
        let (shown, page, pageCount) = Self.page(catalogue, page, size: Self.productsPerPage)
        var rows: [[InlineKeyboardButton]] = []
        var lines: [HTML] = []
        for product in shown {
            let hint = product.isLocked ? strings.lockedHint : stockHint(product.stock)
            let name = HTML.truncate(product.name, to: 32)
            lines.append("<b>\(name)</b> · \(hint)")
            let label = product.isLocked ? "🔒 \(name)" : "\(name) · \(product.stock > 0 ? "\(product.stock)" : "✖")"
            rows.append([try button(label, ProductCallback(productID: product.id, page: page))])
        }
        let paging = try pagination(page: page, pageCount: pageCount) { ProductsPageCallback(page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append([try menuButton()])
        return Screen(text: header(strings.productsTitle) + "\n" + Self.frame(lines), keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func product(_ product: CatalogueProduct, page: Int) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = []
        var body: [HTML] = []
        if product.offers.isEmpty {
            body.append("\(strings.noPricesNow)")
        } else {
            body.append("<b>\(strings.pricesTitle)</b>")
            body.append(
                Self.frame(
                    product.offers.map { offer -> HTML in
                        "\(offer.durationLabel) — <b>\(offer.price.formatted)</b> · \(stockHint(offer.stock))"
                    }))
        }
        if product.isLocked {
            body.append("")
            body.append("\(strings.premiumOnlyExplanation)")
            rows.append([try button(strings.upgradeButton, NavigateCallback(to: .premium))])
        } else {
            for offer in product.offers where offer.stock > 0 {
                rows.append([try button("\(offer.durationLabel) · \(offer.price.formatted)", OfferCallback(priceID: offer.priceID, quantity: 1))])
            }
        }
        rows.append([try button(strings.back, ProductsPageCallback(page: page)), try menuButton()])

        let title = header("🏷 <b>\(product.name)</b>")
        let rest = body.joined(separator: "\n")
        var screen = Screen(text: "", keyboard: InlineKeyboardMarkup(inlineKeyboard: rows), photoFileID: product.photoFileID)
        // The description gives way: whatever room title and prices leave, with an ellipsis when cut.
        let room = screen.limit - title.visibleLength - rest.visibleLength - 4
        let description = HTML.truncate(product.description.trimmingCharacters(in: .whitespacesAndNewlines), to: max(0, room))
        screen.text = [title, description.isEmpty ? nil : HTML(text: description), "", rest].compactMap { $0 }.joined(separator: "\n")
        return screen
    }
}
