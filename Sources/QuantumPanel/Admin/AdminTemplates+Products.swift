import BotRouting
import Marketplace
import TelegramBotAPI

/// The product list, a product's admin card, and the summaries of product dialogs.
extension AdminTemplates {
    private func marks(isVisible: Bool, isArchived: Bool, isPremiumOnly: Bool) -> String {
        var marks = ""
        if isArchived { marks += strings.archivedMark + " " } else if !isVisible { marks += strings.hiddenMark + " " }
        if isPremiumOnly { marks += strings.premiumMark + " " }
        return marks
    }

    func products(_ products: [AdminProductSummary], page: Int) throws -> Screen {
        var rows: [[InlineKeyboardButton]] = [[try button(strings.addProductButton, AdminCallback(to: .addProduct))]]
        var text: HTML = "\(shop.header(strings.productsTitle))\n"
        if products.isEmpty {
            text += HTML(text: strings.productsEmpty)
        } else {
            let (shown, page, pageCount) = ShopTemplates.page(products, page, size: Self.itemsPerPage)
            text += ShopTemplates.frame(
                shown.map { product -> HTML in
                    let marks = marks(isVisible: product.isVisible, isArchived: product.isArchived, isPremiumOnly: product.isPremiumOnly)
                    return "\(marks)<b>\(HTML.truncate(product.name, to: 40))</b> · \(strings.keysCount(product.stock))"
                })
            for product in shown {
                let label =
                    marks(isVisible: product.isVisible, isArchived: product.isArchived, isPremiumOnly: product.isPremiumOnly)
                    + "\(product.name) · \(product.stock)"
                rows.append([try button(label, AdminProductCallback(productID: product.id, action: .open))])
            }
            let paging = try shop.pagination(page: page, pageCount: pageCount) { AdminCallback(to: .products, page: $0) }
            if !paging.isEmpty { rows.append(paging) }
        }
        rows.append(try navigation(back: AdminCallback(to: .panel)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    func visibility(isVisible: Bool, isArchived: Bool) -> String {
        isArchived ? strings.archivedValue : isVisible ? strings.visibleValue : strings.hiddenValue
    }

    func priceLine(_ price: AdminProduct.Price, threshold: Int) -> HTML {
        let low = price.stock < threshold && !price.isArchived ? " " + strings.lowMark : ""
        let marks = marks(isVisible: price.isVisible, isArchived: price.isArchived, isPremiumOnly: false)
        return "\(marks)\(price.durationLabel) · <b>\(price.price.formatted)</b> · \(strings.keysCount(price.stock))\(low)"
    }

    func product(_ product: AdminProduct, threshold: Int) throws -> Screen {
        let id = product.id
        let description = product.description.isEmpty ? strings.noneValue : HTML.truncate(product.description, to: 600)
        var lines: [HTML] = [
            "\(strings.descriptionLabel): \(description)",
            "\(strings.photoLabel): \(product.photoFileID == nil ? strings.noneValue : "✓")",
            "\(strings.premiumOnlyLabel): \(product.isPremiumOnly ? strings.yesButton : strings.noButton)",
            "\(strings.visibilityLabel): \(visibility(isVisible: product.isVisible, isArchived: product.isArchived))",
        ]
        lines.insert("\(strings.nameLabel): <b>\(product.name)</b>", at: 0)
        var text: HTML = "\(shop.header("🏷 <b>\(product.name)</b>"))\n\(ShopTemplates.frame(lines))\n\n<b>\(strings.pricesTitle)</b>\n"
        text +=
            product.prices.isEmpty ? HTML(text: strings.noPrices) : ShopTemplates.frame(product.prices.map { priceLine($0, threshold: threshold) })

        var rows: [[InlineKeyboardButton]] = []
        for price in product.prices {
            rows.append([
                try button("\(price.durationLabel) · \(price.price.formatted) · \(price.stock)", AdminPriceCallback(priceID: price.id, action: .open))
            ])
        }
        rows.append([try button(strings.addPriceButton, AdminProductCallback(productID: id, action: .addPrice))])
        rows.append([
            try button(strings.editNameButton, AdminProductCallback(productID: id, action: .name)),
            try button(strings.editDescriptionButton, AdminProductCallback(productID: id, action: .description)),
        ])
        var photoRow = [try button(strings.photoButton, AdminProductCallback(productID: id, action: .photo))]
        if product.photoFileID != nil {
            photoRow.append(try button(strings.removePhotoButton, AdminProductCallback(productID: id, action: .removePhoto)))
        }
        rows.append(photoRow)
        rows.append([try button(strings.premiumToggle(product.isPremiumOnly), AdminProductCallback(productID: id, action: .premium))])
        if product.isArchived {
            rows.append([try button(strings.unarchiveButton, AdminProductCallback(productID: id, action: .unarchive))])
        } else {
            rows.append([
                product.isVisible
                    ? try button(strings.hideButton, AdminProductCallback(productID: id, action: .hide))
                    : try button(strings.showButton, AdminProductCallback(productID: id, action: .show)),
                try button(strings.upButton, AdminProductCallback(productID: id, action: .up)),
                try button(strings.downButton, AdminProductCallback(productID: id, action: .down)),
            ])
        }
        rows.append([try button(strings.deleteButton, AdminProductCallback(productID: id, action: .delete))])
        rows.append(try navigation(back: AdminCallback(to: .products)))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: rows))
    }

    /// Why a product can't be deleted, with the way out.
    func productInUse(_ product: AdminProduct) throws -> Screen {
        Screen(
            text: strings.productInUse(product.keys, product.orders),
            keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                [try button(strings.archiveButton, AdminProductCallback(productID: product.id, action: .archive))],
                try navigation(back: AdminProductCallback(productID: product.id, action: .open)),
            ]))
    }

    /// The summary of a new product.
}
