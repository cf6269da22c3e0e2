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
                var draft = AdminDraft(.refund)
                draft.orderID = order.orderID
                draft.telegramID = order.customer.telegramID
                // One key left: nothing to choose.
                if order.refundableKeys.count == 1 { draft.keyIDs = order.refundableKeys.map(\.id) }
                try await ask(context, order.refundableKeys.count == 1 ? .refundDisposition : .refundKeys, draft)
            }
        }
        return router
    }

    func showOrder(_ context: HandlerContext, orderID: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.order(try await shop.refunds.order(orderID)), note))
    }

    func performRefund(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let outcome = try await shop.refunds.refund(orderID: draft.orderID ?? 0, keyIDs: draft.keyIDs, disposition: draft.disposition ?? .revoke, by: admin)
        context.logger.info("Order refunded", metadata: ["order.id": "\(outcome.orderID)", "keys": "\(outcome.keys.count)", "disposition": "\(outcome.disposition.rawValue)"])
        let templates = context.adminTemplates
        try await showOrder(context, orderID: outcome.orderID, note: templates.people.refunded(templates.e(outcome.amount.formatted), outcome.keys.count))
        await tell(outcome.customerTelegramID, context) { strings, e in
            strings.refundNotice(outcome.orderID, e(outcome.amount.formatted), outcome.keys.count, e(outcome.balanceAfter.formatted))
        }
    }
}
