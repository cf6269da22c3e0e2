import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// An order's screen and its refund to the customer's balance: some keys or all, back to stock
/// or revoked, each key once.
extension AdminHandlers {
    func ordersRouter() -> Router {
        let router = Router(name: "admin.orders")
        onPress(AdminOrderCallback.self, on: router, fallback: { try await showPanel($0) }) { press, context in
            switch press.action {
            case .open: try await showOrder(context, orderID: press.orderID)
            case .refund:
                let order = try await shop.refunds.order(press.orderID)
                guard !order.refundableKeys.isEmpty else { throw RefundError.nothingToRefund(orderID: order.orderID) }
                // One key left: nothing to choose.
                let onlyKey = order.refundableKeys.count == 1 ? order.refundableKeys.map(\.id) : nil
                try await scenes.start(RefundScene(admin: self), at: onlyKey == nil ? .keys : .disposition, with: .init(orderID: order.orderID, keyIDs: onlyKey), context)
            }
        }
        return router
    }

    func showOrder(_ context: HandlerContext, orderID: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.order(try await shop.refunds.order(orderID)), note))
    }
}
