import BotRouting
import Marketplace

/// An order's screen, found by its number, and its refund to the customer's balance.
struct OrdersSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.findOrder: .permission(.orders)]
    static let buttons: [any CallbackData.Type] = [AdminOrderCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminOrderCallback.match(data).map { .permission($0.action == .refund ? .refunds : .orders) }
    }

    var scenes: [any Scene] { [FindOrderScene(admin: admin), RefundScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.scenes.start(FindOrderScene(admin: admin), at: .number, with: .init(), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminOrderCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            switch press.action {
            case .open: try await admin.showOrder(context, orderID: press.orderID)
            case .refund:
                let order = try await admin.shop.refunds.order(press.orderID)
                guard !order.refundableKeys.isEmpty else { throw RefundError.nothingToRefund(orderID: order.orderID) }
                // One key left: nothing to choose.
                let onlyKey = order.refundableKeys.count == 1 ? order.refundableKeys.map(\.id) : nil
                let draft = RefundScene.Draft(orderID: order.orderID, keyIDs: onlyKey)
                try await admin.scenes.start(RefundScene(admin: admin), at: onlyKey == nil ? .keys : .disposition, with: draft, context)
            }
        }
    }
}
