import BotRouting
import Marketplace

/// A product's prices: a price's card and what its buttons do (its keys are ``StockSection``'s).
struct PricesSection: PanelSection {
    let admin: AdminHandlers

    static let buttons: [any CallbackData.Type] = [AdminPriceCallback.self]

    static func access(for data: String) -> AdminAccess? {
        guard let press = AdminPriceCallback.match(data), !StockSection.priceActions.contains(press.action) else { return nil }
        return press.action == .open ? .anyOf([.catalogue, .stock]) : .permission(.catalogue)
    }

    var scenes: [any Scene] { [AddPriceScene(admin: admin), EditPriceScene(admin: admin), PriceChangeScene(admin: admin)] }

    func addHandlers(to router: Router) {
        admin.onPress(
            AdminPriceCallback.self, where: { !StockSection.priceActions.contains($0.action) }, on: router,
            fallback: { [admin] in try await admin.showProducts($0, page: 1) }
        ) { press, context in
            try await act(on: press, context)
        }
    }

    private func act(on press: AdminPriceCallback, _ context: HandlerContext) async throws {
        let id = press.priceID
        let by = context.actorID
        let strings = context.adminTemplates.strings
        let catalogue = admin.shop.catalogue
        switch press.action {
        case .open: try await admin.showPrice(context, priceID: id)
        case .label: try await edit(.label, of: id, context)
        case .duration: try await edit(.duration, of: id, context)
        case .amount: try await edit(.amount, of: id, context)
        case .reseller: try await edit(.reseller, of: id, context)
        case .removeReseller: try await change(.removeReseller, of: id, context)
        case .archive: try await change(.archive, of: id, context)
        case .hide, .show:
            try await catalogue.setPriceVisible(press.action == .show, priceID: id, by: by)
            try await admin.showPrice(context, priceID: id, note: strings.saved)
        case .unarchive:
            try await catalogue.setPriceArchived(false, priceID: id, by: by)
            try await admin.showPrice(context, priceID: id, note: strings.saved)
        case .up, .down:
            let (place, count) = try await catalogue.movePrice(id, up: press.action == .up, by: by)
            try await admin.showPrice(context, priceID: id, note: strings.moved(place, count))
        case .delete:
            let (product, price) = try await admin.find(id)
            let orders = try await admin.shop.orders.count(priceID: id)
            let keys = price.stock + price.sold
            guard keys == 0, orders == 0 else {
                return try await admin.show(try context.adminTemplates.priceInUse(price, keys: keys, orders: orders), context)
            }
            try await admin.scenes.confirm(PriceChangeScene(admin: admin), .init(priceID: id, productID: product.id, change: .delete), context)
        case .stock, .addKeys, .export, .deleteAll:
            // StockSection's: never routed here.
            break
        }
    }

    private func edit(_ field: EditPriceScene.Field, of priceID: Int, _ context: HandlerContext) async throws {
        try await admin.scenes.start(EditPriceScene(admin: admin), at: .value, with: .init(priceID: priceID, field: field), context)
    }

    private func change(_ change: PriceChangeScene.Change, of priceID: Int, _ context: HandlerContext) async throws {
        let (product, _) = try await admin.find(priceID)
        try await admin.scenes.confirm(PriceChangeScene(admin: admin), .init(priceID: priceID, productID: product.id, change: change), context)
    }
}
