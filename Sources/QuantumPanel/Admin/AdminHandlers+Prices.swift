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
        case .label: try await edit(.label, of: id, context)
        case .duration: try await edit(.duration, of: id, context)
        case .amount: try await edit(.amount, of: id, context)
        case .reseller: try await edit(.reseller, of: id, context)
        case .removeReseller: try await change(.removeReseller, of: id, context)
        case .archive: try await change(.archive, of: id, context)
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
            try await scenes.confirm(PriceChangeScene(admin: self), .init(priceID: id, productID: product.id, change: .delete), context)
        case .stock: try await showPriceStock(context, priceID: id)
        case .addKeys: try await scenes.start(AddKeysScene(admin: self), at: .keys, with: .init(priceID: id), context)
        case .export: try await exportKeys(context, priceID: id)
        case .deleteAll: try await scenes.confirm(StockChangeScene(admin: self), .init(priceID: id, change: .deleteAll), context)
        }
    }

    private func edit(_ field: EditPriceScene.Field, of priceID: Int, _ context: HandlerContext) async throws {
        try await scenes.start(EditPriceScene(admin: self), at: .value, with: .init(priceID: priceID, field: field), context)
    }

    private func change(_ change: PriceChangeScene.Change, of priceID: Int, _ context: HandlerContext) async throws {
        let (product, _) = try await find(priceID)
        try await scenes.confirm(PriceChangeScene(admin: self), .init(priceID: priceID, productID: product.id, change: change), context)
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
}
