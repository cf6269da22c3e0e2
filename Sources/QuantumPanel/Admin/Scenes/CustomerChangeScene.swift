import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// A change to a customer with nothing to type, only to confirm: premium, reseller, banned, or a
/// Stars top-up given back. The customer is told of a new status.
struct CustomerChangeScene: PanelScene {
    static let id = "customer_change"
    static let access = AdminAccess.anyOf([.customerStatus, .money])

    enum Change: Codable, Sendable, Equatable {
        case premium(Bool)
        case reseller(Bool)
        case banned(Bool)
        case refundStars(paymentID: Int)
    }

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var telegramID: Int64
        var change: Change
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let people = templates.people
        let customer = try await admin.customer(draft.telegramID)
        let who: HTML = "\(people.customerLabel): \(templates.name(customer))"
        var after = customer
        switch draft.change {
        case .premium(let isPremium): after.isPremium = isPremium
        case .reseller(let isReseller): after.isReseller = isReseller
        case .banned(let isBanned):
            after.isBanned = isBanned
            let status = SceneSummary.change(people.statusLabel, from: templates.status(customer), to: templates.status(after))
            return SceneSummary([who, status], question: (isBanned ? people.confirmBan : people.confirmUnban)(templates.name(customer)))
        case .refundStars(let paymentID):
            let profile = try await admin.shop.users.profile(customer.telegramID)
            guard let payment = profile.starsPayments.first(where: { $0.id == paymentID }) else {
                throw StarsRefundError.paymentNotFound(paymentID: paymentID)
            }
            return SceneSummary([who], question: people.confirmStarsRefund(payment.stars, payment.credited.formatted))
        }
        return SceneSummary([who, SceneSummary.change(people.statusLabel, from: templates.status(customer), to: templates.status(after))])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        let id = draft.telegramID
        do {
            let actor = context.actorID
            switch draft.change {
            case .premium(let isPremium):
                _ = try await admin.shop.users.setPremium(isPremium, telegramID: id, by: actor)
                try await admin.showCustomer(context, telegramID: id, note: templates.strings.saved)
                await admin.tell(id, context) { strings in HTML(text: isPremium ? strings.premiumGrantedNotice : strings.premiumRevokedNotice) }
            case .reseller(let isReseller):
                _ = try await admin.shop.users.setReseller(isReseller, telegramID: id, by: actor)
                try await admin.showCustomer(context, telegramID: id, note: templates.strings.saved)
                await admin.tell(id, context) { strings in HTML(text: isReseller ? strings.resellerOnNotice : strings.resellerOffNotice) }
            case .banned(let isBanned):
                _ = try await admin.shop.users.setBanned(isBanned, telegramID: id, by: actor)
                // A banned customer's dialog ends now, not when they next write.
                if isBanned { try await FSMContext(storage: context.fsm.storage, key: StorageKey(chatID: id, userID: id)).clear() }
                try await admin.showCustomer(context, telegramID: id, note: templates.strings.saved)
            case .refundStars(let paymentID):
                let refunder = StarsRefunder(shop: admin.shop, bot: context.bot, logger: context.logger)
                switch try await refunder.refund(paymentID: paymentID, by: actor) {
                case .refunded(let claim):
                    try await admin.showCustomer(context, telegramID: id, note: templates.people.starsRefunded(claim.stars))
                    await refunder.tell(claim)
                case .pending:
                    try await admin.showCustomer(context, telegramID: id, note: templates.people.starsRefundPending)
                }
            }
        } catch {
            context.logger.info("Admin change refused", metadata: ["reason": "\(error)"])
            try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showCustomerOrList(context, telegramID: draft.telegramID, note: note)
    }
}
