import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Typed answers to dialog steps, each checked by the rule the service applies, so a refusal
/// comes at the step that caused it, with the reason, and the step is asked again.
extension AdminHandlers {
    func receiveText(_ text: String, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        var draft = draft
        do {
            switch step {
            case .priceLabel:
                draft.durationLabel = try CatalogueRules.durationLabel(text)
                try await ask(context, .priceDuration, draft)
            case .priceDuration:
                draft.durationDays = try days(text, templates)
                draft.isLifetime = false
                try await ask(context, .priceAmount, draft)
            case .priceAmount:
                draft.amount = try amount(text, templates).get().minorUnits
                try await ask(context, .priceReseller, draft)
            case .priceReseller:
                draft.resellerAmount = try amount(text, templates).get().minorUnits
                draft.hasNoResellerPrice = false
                // Above the price is asked about once more; otherwise straight to the summary.
                try await ask(context, (draft.resellerAmount ?? 0) > (draft.amount ?? 0) ? .priceReseller : .confirm, draft)
            case .editField:
                try await receiveEdit(text, draft, context)
            case .keys, .confirm, .person, .amount, .note, .refundKeys, .refundDisposition, .orderNumber, .sellerUsername, .sellerName, .sellerNote,
                .broadcastContent, .broadcastButton, .broadcastAudience, .broadcastProduct, .broadcastSpeed:
                try await reask(context, templates.strings.sendText)
            }
        } catch let error as CatalogError {
            try await reask(context, templates.refusal(error))
        } catch let refusal as AdminInputRefusal {
            try await reask(context, refusal.message)
        }
    }

    private func receiveEdit(_ text: String, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        var draft = draft
        switch draft.task {
        case .editLabel: draft.durationLabel = try CatalogueRules.durationLabel(text)
        case .editDuration:
            draft.durationDays = try days(text, templates)
            draft.isLifetime = false
        case .editAmount: draft.amount = try amount(text, templates).get().minorUnits
        case .editReseller:
            draft.resellerAmount = try amount(text, templates).get().minorUnits
            draft.hasNoResellerPrice = false
            let product = try await shop.catalog.adminProduct(havingPrice: draft.priceID ?? 0)
            if let price = product.price(draft.priceID ?? 0), (draft.resellerAmount ?? 0) > price.price.minorUnits {
                draft.amount = price.price.minorUnits
                return try await ask(context, .editField, draft)
            }
        default:
            return try await reask(context, templates.strings.pressConfirm)
        }
        try await ask(context, .confirm, draft)
    }

    /// A whole number of days, or why it isn't one.
    private func days(_ text: String, _ templates: AdminTemplates) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let days = Int(trimmed) else { throw AdminInputRefusal(templates.strings.badDuration(templates.e(HTML.truncate(trimmed, to: 40)))) }
        return try CatalogueRules.duration(days) ?? days
    }

    /// The question of an edit: the field's current value, and what to send.
    func editPrompt(_ draft: AdminDraft, _ context: HandlerContext, reason: String?) async throws -> Screen {
        let templates = context.adminTemplates
        let strings = templates.strings
        switch draft.task {
        case .editReseller:
            return try resellerPrompt(draft, templates, reason: reason)
        default:
            let product = try await shop.catalog.adminProduct(havingPrice: draft.priceID ?? 0)
            guard let price = product.price(draft.priceID ?? 0) else { throw CatalogError.priceNotFound(priceID: draft.priceID ?? 0) }
            switch draft.task {
            case .editLabel: return templates.prompt(strings.askLabel + "\n\n\(strings.durationLabelLabel): <code>\(templates.e(price.durationLabel))</code>", reason: reason)
            case .editDuration:
                return templates.prompt(strings.askDuration + "\n\n\(strings.durationLabel): \(templates.duration(price.durationDays))", reason: reason, options: [
                    try templates.button(strings.lifetimeButton, AdminDialogCallback(answer: .lifetime)),
                ])
            default: return templates.prompt(strings.askPrice(AdminTemplates.example(currency)) + "\n\n\(strings.priceLabel): \(templates.e(price.price.formatted))", reason: reason)
            }
        }
    }
}
