import BotRouting
import Marketplace

/// 💳 Payments: the newest crypto top-ups with their states, and a check with Crypto Pay now (the
/// reconciliation the bot runs every 5 minutes). Shown with Crypto Pay on.
struct PaymentsSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.payments: .permission(.orders), .checkPayments: .permission(.orders)]
    static let buttons: [any CallbackData.Type] = []

    static func access(for data: String) -> AdminAccess? { nil }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        guard entry == .checkPayments, let provider = admin.topUpProvider else { return try await admin.showPayments(context) }
        let reconciler = TopUpReconciler(
            provider: provider, payments: TopUpPayments(shop: admin.shop, bot: context.bot, logger: context.logger), interval: .seconds(300),
            logger: context.logger)
        let records = context.adminTemplates.records
        do {
            let outcome = try await reconciler.reconcile()
            try await admin.showPayments(context, note: records.paymentsChecked(credited: outcome.credited, expired: outcome.expired))
        } catch is TopUpProviderError {
            try await admin.showPayments(context, note: records.paymentsUnavailable)
        }
    }

    func addHandlers(to router: Router) {}
}

extension AdminHandlers {
    func showPayments(_ context: HandlerContext, note: HTML? = nil) async throws {
        let topUps = try await shop.topUps.recent(limit: AdminTemplates.paymentsShown)
        let credited = try await shop.topUps.creditedTotals()[.cryptoPay] ?? .zero(shop.currency)
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.payments(topUps, credited: credited), note), context)
    }
}
