import BotRouting
import Marketplace
import TelegramBotAPI

/// The products section: the list, a product's card and what its buttons do.
extension AdminHandlers {
    func productsRouter() -> Router {
        let router = Router(name: "admin.products")
        onPress(AdminProductCallback.self, on: router, fallback: { try await showProducts($0, page: 1) }) { press, context in
            try await act(on: press, context)
        }
        return router
    }

    private func act(on press: AdminProductCallback, _ context: HandlerContext) async throws {
        let id = press.productID
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        switch press.action {
        case .open: try await showProduct(context, productID: id)
        case .name: try await scenes.start(EditProductScene(admin: self), at: .value, with: .init(productID: id, field: .name), context)
        case .description: try await scenes.start(EditProductScene(admin: self), at: .value, with: .init(productID: id, field: .description), context)
        case .photo: try await scenes.start(EditProductScene(admin: self), at: .value, with: .init(productID: id, field: .photo), context)
        case .removePhoto: try await scenes.confirm(ProductChangeScene(admin: self), .init(productID: id, change: .removePhoto), context)
        case .addPrice: try await scenes.start(AddPriceScene(admin: self), at: .label, with: .init(productID: id), context)
        case .archive: try await scenes.confirm(ProductChangeScene(admin: self), .init(productID: id, change: .archive), context)
        case .premium:
            let product = try await shop.catalog.adminProduct(id)
            try await shop.catalog.updateProduct(id, .init(isPremiumOnly: !product.isPremiumOnly), by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .hide, .show:
            try await shop.catalog.setProductVisible(press.action == .show, productID: id, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .unarchive:
            try await shop.catalog.setProductArchived(false, productID: id, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .up, .down:
            let (place, count) = try await shop.catalog.moveProduct(id, up: press.action == .up, by: admin)
            try await showProduct(context, productID: id, note: strings.moved(place, count))
        case .delete:
            let product = try await shop.catalog.adminProduct(id)
            guard product.keys == 0, product.orders == 0 else {
                return try await context.show(try context.adminTemplates.productInUse(product))
            }
            try await scenes.confirm(ProductChangeScene(admin: self), .init(productID: id, change: .delete), context)
        }
    }

    func showProducts(_ context: HandlerContext, page: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.products(try await shop.catalog.adminProducts(), page: page), note))
    }

    func showProduct(_ context: HandlerContext, productID: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        let product = try await shop.catalog.adminProduct(productID)
        try await context.show(templates.noted(try templates.product(product, threshold: configuration.lowStockThreshold), note))
    }

    /// The product's card, or the list when it is gone (deleted meanwhile).
    func showProductOrList(_ context: HandlerContext, productID: Int, note: String?) async throws {
        do {
            try await showProduct(context, productID: productID, note: note)
        } catch is CatalogError {
            try await showProducts(context, page: 1, note: note)
        }
    }
}
