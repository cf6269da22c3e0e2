import BotRouting
import Marketplace
import TelegramBotAPI

/// Deleting unsold keys, one from the list or all of a price's: nothing to type, only to confirm.
/// Sold keys stay with their orders.
struct StockChangeScene: PanelScene {
    static let id = "stock_change"
    static let access = AdminAccess.permission(.stock)

    enum Change: Codable, Sendable, Equatable {
        case deleteKey(keyID: Int)
        case deleteAll
    }

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var priceID: Int
        var change: Change
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        switch draft.change {
        case .deleteKey(let keyID):
            let key = try await admin.shop.stock.key(keyID)
            return SceneSummary(question: templates.strings.confirmDeleteKey(HTML.truncate(key, to: 300)))
        case .deleteAll:
            let (product, price) = try await admin.find(draft.priceID)
            return SceneSummary(question: templates.strings.confirmDeleteAll(price.stock, templates.target(product, price)))
        }
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let actor = context.actorID
        do {
            switch draft.change {
            case .deleteKey(let keyID):
                try await admin.shop.stock.deleteUnused(keyIDs: [keyID], by: actor)
                try await admin.showKeys(context, priceID: draft.priceID, page: 1)
            case .deleteAll:
                let count = try await admin.shop.stock.deleteAllUnused(priceID: draft.priceID, by: actor)
                try await admin.showPriceStock(context, priceID: draft.priceID, note: context.adminTemplates.strings.keysDeleted(count))
            }
        } catch let error as CatalogueError {
            try await leave(draft, context, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showPriceStockOrList(context, priceID: draft.priceID, note: note)
    }
}
