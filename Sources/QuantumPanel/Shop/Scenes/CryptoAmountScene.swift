import BotRouting
import Foundation
import Marketplace

/// ✏️ Other amount on the crypto top-up screen: the amount, typed; the invoice follows at once.
struct CryptoAmountScene: ShopQuestionScene {
    static let id = "crypto_amount"

    enum Step: String, Codable, Sendable {
        case amount
    }

    struct Draft: Codable, Sendable {}

    let shop: ShopHandlers

    private var range: (minimum: Money, maximum: Money) {
        let currency = shop.shop.currency
        return (
            Money(minorUnits: ShopHandlers.cryptoAmountRange.lowerBound * currency.scale, currency: currency),
            Money(minorUnits: ShopHandlers.cryptoAmountRange.upperBound * currency.scale, currency: currency)
        )
    }

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        ScenePrompt(context.templates.strings.askCryptoAmount(from: range.minimum.formatted, to: range.maximum.formatted))
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let (minimum, maximum) = range
        guard let text = input.text, let amount = try? Money.parse(text, currency: minimum.currency), amount >= minimum, amount <= maximum else {
            return .refuse(context.templates.strings.badCryptoAmount(from: minimum.formatted, to: maximum.formatted))
        }
        guard let customer = try await shop.customers.customer(for: context) else { return .end }
        try await shop.openCryptoInvoice(context, customer, amount: amount)
        return .end
    }
}
