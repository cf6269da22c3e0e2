import BotRouting
import Marketplace
import TelegramBotAPI

/// ✏️ A price's label, days, amount or reseller price, from its card: the new value, checked as
/// the service checks it, then before → after and Confirm.
struct EditPriceScene: PanelScene {
    static let id = "edit_price"
    static let access = AdminAccess.permission(.catalogue)

    enum Field: String, Codable, Sendable {
        case label, duration, amount, reseller
    }

    enum Step: String, Codable, Sendable {
        case value
    }

    struct Draft: Codable, Sendable {
        var priceID: Int
        var field: Field
        var label = ""
        /// The new days; nil: lifetime.
        var days: Int?
        /// The new price or reseller price; nil: no reseller price.
        var amount: Int64?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let strings = templates.strings
        let (_, price) = try await admin.find(draft.priceID)
        switch draft.field {
        case .label: return ScenePrompt(strings.askLabel + "\n\n\(strings.durationLabelLabel): <code>\(price.durationLabel)</code>")
        case .duration:
            return ScenePrompt(
                strings.askDuration + "\n\n\(strings.durationLabel): \(templates.duration(price.durationDays))",
                options: [.init(strings.lifetimeButton, answer: "lifetime")])
        case .amount:
            return ScenePrompt(
                strings.askPrice(AdminTemplates.example(admin.currency)) + "\n\n\(strings.priceLabel): \(price.price.formatted)")
        case .reseller: return admin.resellerQuestion(typed: draft.amount, price: price.price.minorUnits, templates)
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        switch (draft.field, input) {
        case (.duration, .button("lifetime")):
            draft.days = nil
            return .summarize(draft)
        case (.reseller, .button("noReseller")):
            draft.amount = nil
            return .summarize(draft)
        case (.reseller, .button("keep")) where draft.amount != nil:
            return .summarize(draft)
        case (_, .button):
            return .refuse(templates.strings.pressYesOrNo)
        case (_, .message(let message)):
            guard let text = message.text else { return .refuse(templates.strings.sendText) }
            do {
                switch draft.field {
                case .label: draft.label = try CatalogueRules.durationLabel(text)
                case .duration: draft.days = try admin.days(text)
                case .amount: draft.amount = try admin.minorUnits(text)
                case .reseller:
                    draft.amount = try admin.minorUnits(text)
                    // Above the price is asked about once more.
                    let (_, price) = try await admin.find(draft.priceID)
                    if (draft.amount ?? 0) > price.price.minorUnits { return .ask(.value, draft) }
                }
            } catch {
                return try .refuse(error, templates)
            }
            return .summarize(draft)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        let (product, price) = try await admin.find(draft.priceID)
        let money = { (minor: Int64?) in minor.map { Money(minorUnits: $0, currency: admin.currency).formatted } ?? strings.noneValue }
        let title = templates.target(product, price)
        let change: HTML
        switch draft.field {
        case .label: change = SceneSummary.change(strings.durationLabelLabel, from: price.durationLabel, to: draft.label)
        case .duration:
            change = SceneSummary.change(strings.durationLabel, from: templates.duration(price.durationDays), to: templates.duration(draft.days))
        case .amount: change = SceneSummary.change(strings.priceLabel, from: price.price.formatted, to: money(draft.amount))
        case .reseller:
            change = SceneSummary.change(strings.resellerPriceLabel, from: money(price.resellerPrice?.minorUnits), to: money(draft.amount))
        }
        return SceneSummary([change], question: title)
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let currency = admin.currency
        var changes = CatalogueService.PriceChanges()
        switch draft.field {
        case .label: changes.durationLabel = draft.label
        case .duration: changes.durationDays = .some(draft.days)
        case .amount: changes.price = Money(minorUnits: draft.amount ?? 0, currency: currency)
        case .reseller: changes.resellerPrice = .some(draft.amount.map { Money(minorUnits: $0, currency: currency) })
        }
        do {
            try await admin.shop.catalogue.updatePrice(draft.priceID, changes, by: context.actorID)
            try await admin.showPrice(context, priceID: draft.priceID, note: context.adminTemplates.strings.saved)
        } catch let error as CatalogueError {
            try await leave(draft, context, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showPriceOrProduct(context, priceID: draft.priceID, productID: nil, note: note)
    }
}
