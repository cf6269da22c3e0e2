import BotRouting
import Marketplace
import TelegramBotAPI

/// ➕ Add price on a product's card: the label customers see, the days (or Lifetime), the price,
/// and what resellers pay (or nothing apart); added at Confirm.
struct AddPriceScene: PanelScene {
    static let id = "add_price"
    static let access = AdminAccess.permission(.catalogue)

    enum Step: String, Codable, Sendable {
        case label, duration, amount, reseller
    }

    struct Draft: Codable, Sendable {
        var productID: Int
        var label = ""
        /// Nil: lifetime.
        var days: Int?
        var amount: Int64 = 0
        var resellerAmount: Int64?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let strings = templates.strings
        switch step {
        case .label: return ScenePrompt(strings.askLabel)
        case .duration: return ScenePrompt(strings.askDuration, options: [.init(strings.lifetimeButton, answer: "lifetime")])
        case .amount: return ScenePrompt(strings.askPrice(AdminTemplates.example(admin.currency)))
        case .reseller: return admin.resellerQuestion(typed: draft.resellerAmount, price: draft.amount, templates)
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        switch (step, input) {
        case (.duration, .button("lifetime")):
            draft.days = nil
            return .ask(.amount, draft)
        case (.reseller, .button("noReseller")):
            draft.resellerAmount = nil
            return .summarize(draft)
        case (.reseller, .button("keep")) where draft.resellerAmount != nil:
            return .summarize(draft)
        case (_, .button):
            // A button of an earlier step: the question stands.
            return .refuse(templates.strings.pressYesOrNo)
        case (_, .message(let message)):
            guard let text = message.text else { return .refuse(templates.strings.sendText) }
            do {
                switch step {
                case .label:
                    draft.label = try CatalogueRules.durationLabel(text)
                    return .ask(.duration, draft)
                case .duration:
                    draft.days = try admin.days(text)
                    return .ask(.amount, draft)
                case .amount:
                    draft.amount = try admin.minorUnits(text)
                    return .ask(.reseller, draft)
                case .reseller:
                    draft.resellerAmount = try admin.minorUnits(text)
                    // Above the price is asked about once more; otherwise straight to the summary.
                    return (draft.resellerAmount ?? 0) > draft.amount ? .ask(.reseller, draft) : .summarize(draft)
                }
            } catch {
                return try .refuse(error, templates)
            }
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        let product = try await admin.shop.catalogue.adminProduct(draft.productID)
        let money = { (minor: Int64) in Money(minorUnits: minor, currency: admin.currency).formatted }
        return SceneSummary([
            "\(strings.nameLabel): \(product.name)",
            "\(strings.durationLabelLabel): <b>\(draft.label)</b>",
            "\(strings.durationLabel): \(templates.duration(draft.days))",
            "\(strings.priceLabel): <b>\(money(draft.amount))</b>",
            "\(strings.resellerPriceLabel): \(draft.resellerAmount.map(money) ?? strings.noneValue)",
        ])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let currency = admin.currency
        do {
            let priceID = try await admin.shop.catalogue.addPrice(
                to: draft.productID, durationLabel: draft.label, durationDays: draft.days, price: Money(minorUnits: draft.amount, currency: currency),
                resellerPrice: draft.resellerAmount.map { Money(minorUnits: $0, currency: currency) }, by: context.actorID
            )
            try await admin.showPrice(context, priceID: priceID, note: context.adminTemplates.strings.priceAdded)
        } catch let error as CatalogueError {
            try await leave(draft, context, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showProductOrList(context, productID: draft.productID, note: note)
    }
}
