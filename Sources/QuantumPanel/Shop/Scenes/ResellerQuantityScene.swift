import BotRouting
import Foundation

/// ✏️ Other on a reseller's confirmation: how many keys, typed; the confirmation then shows that
/// many, and Buy there does the rest.
struct ResellerQuantityScene: ShopQuestionScene {
    static let id = "reseller_quantity"

    enum Step: String, Codable, Sendable {
        case quantity
    }

    struct Draft: Codable, Sendable {
        var priceID: Int
    }

    let shop: ShopHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        ScenePrompt(context.templates.strings.askQuantity(ShopHandlers.maximumQuantity))
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let text = input.text?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let quantity = Int(text), (1...ShopHandlers.maximumQuantity).contains(quantity) else {
            return .refuse(context.templates.strings.badQuantity(ShopHandlers.maximumQuantity))
        }
        guard let customer = try await shop.customers.customer(for: context) else { return .end }
        try await shop.showConfirmation(context, customer, priceID: draft.priceID, quantity: quantity)
        return .end
    }
}
