import BotRouting
import Foundation
import Marketplace

/// What the price dialogs ask alike: the amounts, and the reseller price with its warning.
extension AdminHandlers {
    /// A whole number of days.
    /// - Throws: ``TypedNumberRefusal`` or ``CatalogueError`` when it isn't one.
    func days(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let days = Int(trimmed) else { throw TypedNumberRefusal.daysNotANumber(typed: trimmed) }
        return try CatalogueRules.duration(days) ?? days
    }

    /// An amount typed (`9.99`, `10`, `9,99`), in minor units.
    func minorUnits(_ text: String) throws -> Int64 {
        try amount(text).minorUnits
    }

    /// What resellers pay: No reseller price, and, when the amount typed is above the price, the
    /// warning and Keep it.
    func resellerQuestion(typed reseller: Int64?, price: Int64, _ templates: AdminTemplates) -> ScenePrompt {
        let strings = templates.strings
        let question = strings.askResellerPrice(AdminTemplates.example(currency))
        let noReseller = ScenePrompt.Option(strings.noResellerButton, answer: "noReseller")
        guard let reseller, reseller > price else { return ScenePrompt(question, options: [noReseller], layout: [1]) }
        let warning = strings.resellerAbovePrice(
            Money(minorUnits: reseller, currency: currency).formatted,
            Money(minorUnits: price, currency: currency).formatted
        )
        return ScenePrompt("⚠️ \(warning)\n\n\(question)", options: [.init(strings.keepButton, answer: "keep"), noReseller], layout: [2])
    }

    /// The price's card, or its product's when the price is gone, or the list.
    func showPriceOrProduct(_ context: HandlerContext, priceID: Int, productID: Int?, note: HTML?) async throws {
        do {
            try await showPrice(context, priceID: priceID, note: note)
        } catch is CatalogueError {
            guard let productID else { return try await showProducts(context, page: 1, note: note) }
            try await showProductOrList(context, productID: productID, note: note)
        }
    }
}
