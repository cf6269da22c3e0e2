import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// An order's screen (``OrdersSection``).
extension AdminHandlers {
    func showOrder(_ context: HandlerContext, orderID: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.order(try await shop.refunds.order(orderID)), note), context)
    }
}
