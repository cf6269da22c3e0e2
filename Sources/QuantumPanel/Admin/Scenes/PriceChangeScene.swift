import BotRouting
import Marketplace
import TelegramBotAPI

/// A change to a price with nothing to type, only to confirm: remove its reseller price, archive
/// it, delete it.
struct PriceChangeScene: PanelScene {
    static let id = "price_change"
    static let access = AdminAccess.permission(.catalogue)

    enum Change: String, Codable, Sendable {
        case removeReseller, archive, delete
    }

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var priceID: Int
        var productID: Int
        var change: Change
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        let (product, price) = try await admin.find(draft.priceID)
        let title = templates.target(product, price)
        switch draft.change {
        case .removeReseller:
            let before = price.resellerPrice.map { $0.formatted } ?? strings.noneValue
            return SceneSummary([SceneSummary.change(strings.resellerPriceLabel, from: before, to: strings.noneValue)], question: title)
        case .delete: return SceneSummary(question: strings.confirmDeletePrice(title))
        case .archive: return SceneSummary(question: strings.confirmArchive(title))
        }
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let strings = context.adminTemplates.strings
        let actor = context.actorID
        let id = draft.priceID
        do {
            switch draft.change {
            case .removeReseller:
                try await admin.shop.catalogue.updatePrice(id, .init(resellerPrice: .some(nil)), by: actor)
                try await admin.showPrice(context, priceID: id, note: strings.saved)
            case .archive:
                try await admin.shop.catalogue.setPriceArchived(true, priceID: id, by: actor)
                try await admin.showPrice(context, priceID: id, note: strings.saved)
            case .delete:
                try await admin.shop.catalogue.deletePrice(id, by: actor)
                try await admin.showProductOrList(context, productID: draft.productID, note: strings.priceDeleted)
            }
        } catch let error as CatalogueError {
            try await leave(draft, context, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    /// Back to the price's card, or to its product's from a deletion.
    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        guard draft.change != .delete else { return try await admin.showProductOrList(context, productID: draft.productID, note: note) }
        try await admin.showPriceOrProduct(context, priceID: draft.priceID, productID: draft.productID, note: note)
    }
}
