import BotRouting
import Marketplace

/// The customers: the list, finding one, their profile and orders, and what an admin does to
/// their account (balance, premium, reseller, ban, a Stars refund).
struct CustomersSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.findCustomer: .permission(.customers)]
    static let buttons: [any CallbackData.Type] = [AdminCustomersCallback.self, AdminCustomerCallback.self]

    static func access(for data: String) -> AdminAccess? {
        if AdminCustomersCallback.match(data) != nil { return .permission(.customers) }
        guard let press = AdminCustomerCallback.match(data) else { return nil }
        switch press.action {
        case .open, .orders: return .permission(.customers)
        case .credit, .debit, .refundStars: return .permission(.money)
        case .premium, .reseller, .ban: return .permission(.customerStatus)
        }
    }

    /// ``PersonScene`` asks "who?" for the audit log's filter and for a new admin too.
    var scenes: [any Scene] { [PersonScene(admin: admin), BalanceScene(admin: admin), CustomerChangeScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.scenes.start(PersonScene(admin: admin), at: .person, with: .init(purpose: .findCustomer), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminCustomersCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            try await admin.showCustomers(context, filter: press.filter, page: press.page)
        }
        admin.onPress(AdminCustomerCallback.self, on: router, fallback: { [admin] in try await admin.showCustomers($0, filter: .all, page: 1) }) {
            press, context in
            try await act(on: press, context)
        }
    }

    private func act(on press: AdminCustomerCallback, _ context: HandlerContext) async throws {
        let id = press.telegramID
        let customer = try await admin.customer(id)
        let change: CustomerChangeScene.Change
        switch press.action {
        case .open: return try await admin.showCustomer(context, telegramID: id)
        case .orders: return try await admin.showCustomerOrders(context, customer, page: press.value)
        case .credit, .debit:
            return try await admin.scenes.start(
                BalanceScene(admin: admin), at: .amount, with: .init(telegramID: id, isCredit: press.action == .credit), context)
        case .premium: change = .premium(!customer.isPremium)
        case .reseller: change = .reseller(!customer.isReseller)
        case .ban:
            if !customer.isBanned, try await admin.shop.admins.isAdmin(id) { throw PersonRefusal.cantBanAdmin }
            change = .banned(!customer.isBanned)
        case .refundStars: change = .refundStars(paymentID: press.value)
        }
        try await admin.scenes.confirm(CustomerChangeScene(admin: admin), .init(telegramID: id, change: change), context)
    }
}
