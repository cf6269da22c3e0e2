import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// 💳 Payments: the newest top-ups with their provider and state, and a check with each provider
/// now (the reconciliation the bot runs every 5 minutes). Shown with a provider on.
struct PaymentsSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [
        .payments: .permission(.orders), .checkPayments: .permission(.orders), .paymentsPerson: .permission(.orders),
    ]
    static let buttons: [any CallbackData.Type] = [AdminPaymentsCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminPaymentsCallback.match(data) != nil ? .permission(.orders) : nil
    }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        if entry == .paymentsPerson {
            return try await admin.scenes.start(PersonScene(admin: admin), at: .person, with: .init(purpose: .paymentsFilter), context)
        }
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

    func addHandlers(to router: Router) {
        admin.onPress(AdminPaymentsCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { filter, context in
            try await admin.showPayments(context, filter: filter)
        }
    }
}

extension AdminHandlers {
    func showPayments(_ context: HandlerContext, filter: AdminPaymentsCallback = .init(), note: HTML? = nil) async throws {
        let topUps = try await shop.topUps.recent(
            limit: AdminTemplates.paymentsShown, telegramID: filter.person, provider: filter.provider, state: filter.state)
        let credited = try await shop.credited(by: configuration.topUpProviders)
        let templates = context.adminTemplates
        var person: String?
        if let id = filter.person { person = try await shop.users.find(telegramID: id).map(templates.name) ?? String(id) }
        let screen = try templates.payments(
            topUps, credited: credited, providers: configuration.topUpProviders, filter: filter, person: person)
        try await show(templates.noted(screen, note), context)
    }
}
