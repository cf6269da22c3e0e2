import BotRouting
import Foundation
import Marketplace

/// 🎟 Promo code on a confirmation: the code, typed; kept when it applies to this purchase (the
/// confirmation then shows the discount), refused with its reason otherwise.
struct PromoCodeScene: ShopQuestionScene {
    static let id = "promo_code"

    enum Step: String, Codable, Sendable {
        case code
    }

    struct Draft: Codable, Sendable {
        var priceID: Int
        var quantity: Int
    }

    let shop: ShopHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        ScenePrompt(context.templates.strings.askPromoCode)
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.templates
        guard let text = input.text, let code = PromoRules.normalized(text) else { return .refuse(HTML(text: templates.strings.notAPromoCode)) }
        guard let customer = try await shop.customers.customer(for: context) else { return .end }
        do {
            _ = try await shop.shop.promos.quote(code: code, telegramID: customer.telegramID, priceID: draft.priceID, quantity: draft.quantity)
        } catch let refusal as PromoRefusal {
            return .refuse(HTML(text: templates.promoRefusal(refusal)))
        }
        try await shop.shop.promos.keep(code, for: customer.telegramID)
        try await shop.showConfirmation(
            context, customer, priceID: draft.priceID, quantity: draft.quantity, notice: templates.strings.promoApplied(code))
        return .end
    }

    /// Back to the confirmation it came from.
    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        guard let customer = try await shop.customers.customer(for: context) else { return }
        try await shop.showConfirmation(context, customer, priceID: draft.priceID, quantity: draft.quantity, notice: note)
    }
}
