import BotRouting
import Marketplace
import TelegramBotAPI

/// The products' screens (``ProductsSection``): the list and a product's card.
extension AdminHandlers {
    func showProducts(_ context: HandlerContext, page: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.products(try await shop.catalogue.adminProducts(), page: page), note), context)
    }

    func showProduct(_ context: HandlerContext, productID: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        let product = try await shop.catalogue.adminProduct(productID)
        try await show(templates.noted(try templates.product(product, threshold: configuration.lowStockThreshold), note), context)
    }

    /// The product's card, or the list when it is gone (deleted meanwhile).
    func showProductOrList(_ context: HandlerContext, productID: Int, note: HTML?) async throws {
        do {
            try await showProduct(context, productID: productID, note: note)
        } catch is CatalogueError {
            try await showProducts(context, page: 1, note: note)
        }
    }
}
