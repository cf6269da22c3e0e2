import BotRouting
import Marketplace
import TelegramBotAPI

/// A product's prices: a price's card and what its buttons do.
extension AdminHandlers {
    func pricesRouter() -> Router {
        let router = Router(name: "admin.prices")
        onPress(AdminPriceCallback.self, on: router, fallback: { try await showProducts($0, page: 1) }) { press, context in
            try await act(on: press, context)
        }
        return router
    }

    private func act(on press: AdminPriceCallback, _ context: HandlerContext) async throws {
        let id = press.priceID
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        switch press.action {
        case .open: try await showPrice(context, priceID: id)
        case .label: try await ask(context, .editField, AdminDraft(.editLabel, priceID: id))
        case .duration: try await ask(context, .editField, AdminDraft(.editDuration, priceID: id))
        case .amount: try await ask(context, .editField, AdminDraft(.editAmount, priceID: id))
        case .reseller: try await ask(context, .editField, AdminDraft(.editReseller, priceID: id))
        case .removeReseller: try await ask(context, .confirm, AdminDraft(.removeReseller, priceID: id))
        case .archive: try await ask(context, .confirm, AdminDraft(.archivePrice, priceID: id))
        case .hide, .show:
            try await shop.catalog.setPriceVisible(press.action == .show, priceID: id, by: admin)
            try await showPrice(context, priceID: id, note: strings.saved)
        case .unarchive:
            try await shop.catalog.setPriceArchived(false, priceID: id, by: admin)
            try await showPrice(context, priceID: id, note: strings.saved)
        case .up, .down:
            let (place, count) = try await shop.catalog.movePrice(id, up: press.action == .up, by: admin)
            try await showPrice(context, priceID: id, note: strings.moved(place, count))
        case .delete:
            let (product, price) = try await find(id)
            let orders = try await shop.orders.count(priceID: id)
            let keys = price.stock + price.sold
            guard keys == 0, orders == 0 else { return try await context.show(try context.adminTemplates.priceInUse(price, keys: keys, orders: orders)) }
            try await ask(context, .confirm, AdminDraft(.deletePrice, productID: product.id, priceID: id))
        case .stock: try await showPriceStock(context, priceID: id)
        case .addKeys: try await ask(context, .keys, AdminDraft(.addKeys, priceID: id))
        case .export: try await exportKeys(context, priceID: id)
        case .deleteAll: try await ask(context, .confirm, AdminDraft(.deleteAllKeys, priceID: id))
        }
    }

    /// A price and its product.
    func find(_ priceID: Int) async throws -> (AdminProduct, AdminProduct.Price) {
        let product = try await shop.catalog.adminProduct(havingPrice: priceID)
        guard let price = product.price(priceID) else { throw CatalogError.priceNotFound(priceID: priceID) }
        return (product, price)
    }

    func showPrice(_ context: HandlerContext, priceID: Int, note: String? = nil) async throws {
        let (product, price) = try await find(priceID)
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.price(price, of: product), note))
    }

    func priceSummary(_ draft: AdminDraft, _ context: HandlerContext) async throws -> Screen {
        let templates = context.adminTemplates
        let strings = templates.strings
        let e = templates.e
        if draft.task == .addPrice {
            let product = try await shop.catalog.adminProduct(draft.productID ?? 0)
            return try templates.newPriceSummary(draft, productName: product.name, currency: currency)
        }
        let (product, price) = try await find(draft.priceID ?? 0)
        let money = { (minor: Int64?) in minor.map { e(Money(minorUnits: $0, currency: currency).formatted) } ?? strings.noneValue }
        let title = templates.target(product, price)
        switch draft.task {
        case .editLabel: return try templates.summary([templates.change(strings.durationLabelLabel, e(price.durationLabel), e(draft.durationLabel ?? ""))], question: title)
        case .editDuration:
            return try templates.summary([templates.change(strings.durationLabel, templates.duration(price.durationDays), templates.duration(draft.isLifetime ? nil : draft.durationDays))], question: title)
        case .editAmount: return try templates.summary([templates.change(strings.priceLabel, e(price.price.formatted), money(draft.amount))], question: title)
        case .editReseller, .removeReseller:
            return try templates.summary([templates.change(strings.resellerPriceLabel, money(price.resellerPrice?.minorUnits), money(draft.task == .removeReseller ? nil : draft.resellerAmount))], question: title)
        case .deletePrice: return try templates.summary([], question: strings.confirmDeletePrice(title))
        default: return try templates.summary([], question: strings.confirmArchive(title))
        }
    }

    func performPriceTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        let id = draft.priceID ?? 0
        switch draft.task {
        case .addPrice:
            let priceID = try await shop.catalog.addPrice(
                to: draft.productID ?? 0, durationLabel: draft.durationLabel ?? "", durationDays: draft.isLifetime ? nil : draft.durationDays,
                price: Money(minorUnits: draft.amount ?? 0, currency: currency),
                resellerPrice: draft.resellerAmount.map { Money(minorUnits: $0, currency: currency) }, by: admin
            )
            try await showPrice(context, priceID: priceID, note: strings.priceAdded)
        case .deletePrice:
            try await shop.catalog.deletePrice(id, by: admin)
            try await showProduct(context, productID: draft.productID ?? 0, note: strings.priceDeleted)
        case .archivePrice:
            try await shop.catalog.setPriceArchived(true, priceID: id, by: admin)
            try await showPrice(context, priceID: id, note: strings.saved)
        default:
            var changes = CatalogService.PriceChanges()
            switch draft.task {
            case .editLabel: changes.durationLabel = draft.durationLabel
            case .editDuration: changes.durationDays = .some(draft.isLifetime ? nil : draft.durationDays)
            case .editAmount: changes.price = Money(minorUnits: draft.amount ?? 0, currency: currency)
            case .editReseller where !draft.hasNoResellerPrice: changes.resellerPrice = .some(draft.resellerAmount.map { Money(minorUnits: $0, currency: currency) })
            default: changes.resellerPrice = .some(nil)
            }
            try await shop.catalog.updatePrice(id, changes, by: admin)
            try await showPrice(context, priceID: id, note: strings.saved)
        }
    }
}
