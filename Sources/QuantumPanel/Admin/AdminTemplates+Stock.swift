import BotRouting
import Marketplace
import TelegramBotAPI

/// The stock section: every price's unsold keys, one price's stock, its keys, and import reports.
extension AdminTemplates {
    func stock(_ lines: [CatalogueService.StockLine], page: Int, threshold: Int) throws -> Screen {
        var text: HTML = "\(shop.header(strings.stockTitle))\n"
        var rows: [[InlineKeyboardButton]] = []
        if lines.isEmpty {
            text += HTML(text: strings.stockEmpty)
        } else {
            let (shown, page, pageCount) = ShopTemplates.page(lines, page, size: Self.itemsPerPage)
            text += ShopTemplates.frame(
                shown.map { line -> HTML in
                    let low = line.stock < threshold ? " " + strings.lowMark : ""
                    return "\(HTML.truncate(line.productName, to: 32)) · \(line.durationLabel): <b>\(line.stock)</b>\(low)"
                })
            for line in shown {
                let low = line.stock < threshold ? strings.lowMark + " " : ""
                rows.append([
                    try button(
                        "\(low)\(line.productName) · \(line.durationLabel) · \(line.stock)", AdminPriceCallback(priceID: line.priceID, action: .stock)
                    )
                ])
            }
            let paging = try shop.pagination(page: page, pageCount: pageCount) { AdminCallback(to: .stock, page: $0) }
            if !paging.isEmpty { rows.append(paging) }
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func priceStock(_ price: AdminProduct.Price, of product: AdminProduct, threshold: Int) throws -> Screen {
        let low = price.stock < threshold ? " " + strings.lowMark : ""
        let lines: [HTML] = ["\(strings.unusedLabel): <b>\(price.stock)</b>\(low)", "\(strings.soldLabel): \(price.sold)"]
        let text: HTML = "\(shop.header("\(strings.stockTitle) · \(target(product, price))"))\n\(ShopTemplates.frame(lines))"
        var rows: [[InlineKeyboardButton]] = [[try button(strings.addKeysButton, AdminPriceCallback(priceID: price.id, action: .addKeys))]]
        if price.stock > 0 {
            rows.append([
                try button(strings.listKeysButton, AdminKeysCallback(priceID: price.id, page: 1)),
                try button(strings.exportButton, AdminPriceCallback(priceID: price.id, action: .export)),
            ])
            rows.append([try button(strings.deleteAllButton, AdminPriceCallback(priceID: price.id, action: .deleteAll))])
        }
        rows.append(try navigation(back: AdminPriceCallback(priceID: price.id, action: .open)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    static let keysPerPage = 10

    /// A page of unsold keys, each in `<code>` so a tap copies it, with a delete button each.
    func keys(_ keys: [(id: Int, text: String)], of price: AdminProduct.Price, product: AdminProduct, page: Int) throws -> Screen {
        let pageCount = max(1, (price.stock + Self.keysPerPage - 1) / Self.keysPerPage)
        var text: HTML = "\(shop.header("\(strings.keysTitle) · \(target(product, price))"))\n"
        var rows: [[InlineKeyboardButton]] = []
        if keys.isEmpty {
            text += HTML(text: strings.noUnusedKeys)
        } else {
            let first = (page - 1) * Self.keysPerPage
            text += keys.enumerated().map { index, key -> HTML in "\(first + index + 1). <code>\(HTML.truncate(key.text, to: 300))</code>" }
                .joined(separator: "\n")
            var builder = InlineKeyboardBuilder()
            for (index, key) in keys.enumerated() {
                builder.add(try button("🗑 \(first + index + 1)", AdminDeleteKeyCallback(keyID: key.id, priceID: price.id)))
            }
            builder.adjust(5)
            rows = builder.markup.inlineKeyboard
        }
        let paging = try shop.pagination(page: page, pageCount: pageCount) { AdminKeysCallback(priceID: price.id, page: $0) }
        if !paging.isEmpty { rows.append(paging) }
        rows.append(try navigation(back: AdminPriceCallback(priceID: price.id, action: .stock)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// What a batch of keys holds (before Confirm) or did (after).
    func report(_ report: StockReport) -> HTML {
        var lines = [strings.reportAdded(report.added)]
        if report.duplicates > 0 { lines.append(strings.reportDuplicates(report.duplicates)) }
        if report.blank > 0 { lines.append(strings.reportBlank(report.blank)) }
        if report.invalid > 0 { lines.append(strings.reportInvalid(report.invalid)) }
        var text = ShopTemplates.frame(lines)
        if !report.refusals.isEmpty {
            text +=
                "\n\n\(strings.refusedTitle)\n"
                + report.refusals.map { refusal -> HTML in
                    let reason =
                        switch refusal.reason {
                        case .repeated: strings.reasonRepeated
                        case .alreadyInStock: strings.reasonInStock
                        case .tooLong: strings.reasonTooLong
                        case .controlCharacters: strings.reasonControl
                        }
                    return "• \(strings.refusal(refusal.line, reason)) · <code>\(refusal.text)</code>"
                }.joined(separator: "\n")
        }
        return text
    }
}
