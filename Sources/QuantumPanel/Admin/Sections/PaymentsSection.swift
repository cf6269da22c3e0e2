import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// 💳 Payments: the newest top-ups with their provider and state, and a check with each provider
/// now (the reconciliation the bot runs every 5 minutes). Shown with a provider on.
struct PaymentsSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.payments: .permission(.orders), .checkPayments: .permission(.orders)]
    static let buttons: [any CallbackData.Type] = []

    static func access(for data: String) -> AdminAccess? { nil }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        guard entry == .checkPayments else { return try await admin.showPayments(context) }
        let payments = TopUpPayments(shop: admin.shop, bot: context.bot, logger: context.logger)
        let providers: [any TopUpProvider] =
            [StarsTopUpProvider(shop: admin.shop, bot: context.bot, logger: context.logger)] + (admin.topUpProvider.map { [$0] } ?? [])
        var outcome = TopUpReconciler.Outcome(credited: 0, expired: 0)
        var notes: [HTML] = []
        for provider in providers {
            let reconciler = TopUpReconciler(provider: provider, payments: payments, interval: .seconds(300), logger: context.logger)
            do {
                let one = try await reconciler.reconcile()
                outcome.credited += one.credited
                outcome.expired += one.expired
            } catch is TopUpProviderError {
                notes.append(context.adminTemplates.records.paymentsUnavailable(provider.id))
            } catch let error as BotAPIError {
                context.logger.warning("Could not compare payments with Telegram", metadata: ["error": "\(error)"])
                notes.append(context.adminTemplates.records.paymentsUnavailable(provider.id))
            }
        }
        let note = ([context.adminTemplates.records.paymentsChecked(credited: outcome.credited, expired: outcome.expired)] + notes)
        try await admin.showPayments(context, note: note.joined(separator: "\n"))
    }

    func addHandlers(to router: Router) {}
}

extension AdminHandlers {
    func showPayments(_ context: HandlerContext, note: HTML? = nil) async throws {
        let topUps = try await shop.topUps.recent(limit: AdminTemplates.paymentsShown)
        let credited = try await shop.credited(by: configuration.topUpProviders)
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.payments(topUps, credited: credited), note), context)
    }
}
