import BotRouting
import Marketplace
import TelegramBotAPI

extension ShopHandlers {
    /// How many ledger lines the balance screen shows.
    static let balanceHistoryLength = 5

    func accountRouter() -> Router {
        let router = CustomerRouter(name: "account", customers: customers)
        router.callbackQuery(NavigateCallback.self, .navigation(to: .balance)) { _, context, customer in
            let lines = try await shop.ledger.recentLines(of: customer.telegramID, limit: Self.balanceHistoryLength)
            try await context.show(
                context.templates.balance(
                    customer, lines: lines, starsEnabled: !configuration.starsTopUps.isEmpty, cryptoEnabled: topUpProvider != nil))
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .orders)) { _, context, customer in
            try await showOrders(context, customer, page: 1)
        }
        router.callbackQuery(OrdersPageCallback.self) { pick, context, customer in
            try await showOrders(context, customer, page: pick.page)
        }
        router.callbackQuery(OrderCallback.self) { pick, context, customer in
            guard let order = try await shop.orders.order(pick.orderID, of: customer.telegramID) else {
                try await context.answerCallback(context.templates.strings.orderGone, showAlert: true)
                return try await showOrders(context, customer, page: pick.page)
            }
            try await context.show(context.templates.order(order, page: pick.page))
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .premium)) { _, context, customer in
            try await context.show(context.templates.premium(customer, price: configuration.premiumPrice))
        }
        router.callbackQuery(PremiumUpgradeCallback.self) { _, context, customer in
            try await upgradeToPremium(context, customer)
        }
        return router.router
    }

    private func showOrders(_ context: HandlerContext, _ customer: CustomerSnapshot, page: Int) async throws {
        let orders = try await shop.orders.orders(of: customer.telegramID, page: page)
        try await context.show(context.templates.orders(orders))
    }

    private func upgradeToPremium(_ context: HandlerContext, _ customer: CustomerSnapshot) async throws {
        let strings = context.templates.strings
        do {
            let upgraded = try await shop.users.upgradeToPremium(telegramID: customer.telegramID, price: configuration.premiumPrice)
            try await context.answerCallback(strings.premiumWelcome)
            try await showMenu(context, upgraded, note: HTML(text: strings.premiumWelcome))
        } catch LedgerError.insufficientFunds(let balance) {
            let shortfall = Money(minorUnits: configuration.premiumPrice.minorUnits - balance.minorUnits, currency: balance.currency)
            try await context.answerCallback()
            var screen = try context.templates.premium(customer, price: configuration.premiumPrice)
            screen.text += "\n\n" + strings.premiumTooExpensive(shortfall.formatted)
            try await context.show(screen)
        } catch AccountError.alreadyPremium {
            var updated = customer
            updated.isPremium = true
            try await context.show(context.templates.premium(updated, price: configuration.premiumPrice))
        }
    }
}
