import BotRouting
import Marketplace
import TelegramBotAPI

/// A price's card (``PricesSection``) and what the price dialogs share.
extension AdminHandlers {
    /// A price and its product.
    func find(_ priceID: Int) async throws -> (AdminProduct, AdminProduct.Price) {
        let product = try await shop.catalogue.adminProduct(havingPrice: priceID)
        guard let price = product.price(priceID) else { throw CatalogueError.priceNotFound(priceID: priceID) }
        return (product, price)
    }

    func showPrice(_ context: HandlerContext, priceID: Int, note: HTML? = nil) async throws {
        let (product, price) = try await find(priceID)
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.price(price, of: product), note), context)
    }
}
