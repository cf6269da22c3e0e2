import BotRouting
import Marketplace
import TelegramBotAPI

/// A change to a product with nothing to type, only to confirm: remove its photo, archive it,
/// delete it.
struct ProductChangeScene: PanelScene {
    static let id = "product_change"
    /// Removing a photo is a text change, archiving and deleting the catalogue's: the buttons
    /// that start each say which, and the service checks again.
    static let access = AdminAccess.anyOf([.catalogue, .catalogueTexts])

    enum Change: String, Codable, Sendable {
        case removePhoto, archive, delete
    }

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var productID: Int
        var change: Change
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        let name: HTML = "\(try await admin.shop.catalogue.adminProduct(draft.productID).name)"
        switch draft.change {
        case .removePhoto: return SceneSummary([SceneSummary.change(strings.photoLabel, from: "✓", to: strings.noneValue)], question: name)
        case .delete: return SceneSummary(question: strings.confirmDeleteProduct(name))
        case .archive: return SceneSummary(question: strings.confirmArchive(name))
        }
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let admin = self.admin
        let strings = context.adminTemplates.strings
        let actor = context.actorID
        let id = draft.productID
        do {
            switch draft.change {
            case .removePhoto:
                try await admin.shop.catalogue.updateProduct(id, .init(photoFileID: .some(nil)), by: actor)
                try await admin.showProduct(context, productID: id, note: strings.saved)
            case .archive:
                try await admin.shop.catalogue.setProductArchived(true, productID: id, by: actor)
                try await admin.showProduct(context, productID: id, note: strings.saved)
            case .delete:
                try await admin.shop.catalogue.deleteProduct(id, by: actor)
                try await admin.showProducts(context, page: 1, note: strings.productDeleted)
            }
        } catch let error as CatalogueError {
            try await leave(draft, context, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    /// Back to the card, or to the list from a deletion.
    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        guard draft.change != .delete else { return try await admin.showProducts(context, page: 1, note: note) }
        try await admin.showProductOrList(context, productID: draft.productID, note: note)
    }
}
