import BotRouting
import Marketplace
import TelegramBotAPI

/// ✏️ A product's name, description or photo, from its card: the new value, checked as the
/// service checks it, then before → after and Confirm.
struct EditProductScene: PanelScene {
    static let id = "edit_product"
    static let access = AdminAccess.permission(.catalogueTexts)

    enum Field: String, Codable, Sendable {
        case name, description, photo
    }

    enum Step: String, Codable, Sendable {
        case value
    }

    struct Draft: Codable, Sendable {
        var productID: Int
        var field: Field
        /// The new text, or the new photo's file id.
        var value = ""
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let strings = templates.strings
        switch draft.field {
        case .name:
            let product = try await admin.shop.catalogue.adminProduct(draft.productID)
            return ScenePrompt(strings.askName + "\n\n\(strings.nameLabel): <code>\(product.name)</code>")
        case .description: return ScenePrompt(strings.askNewDescription)
        case .photo: return ScenePrompt(strings.askNewPhoto)
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        guard case .message(let message) = input else { return .refuse(templates.strings.pressYesOrNo) }
        var draft = draft
        do {
            switch draft.field {
            case .name:
                guard let text = message.text else { return .refuse(templates.strings.sendText) }
                draft.value = try CatalogueRules.name(text)
            case .description:
                guard let text = message.text else { return .refuse(templates.strings.sendText) }
                let product = try await admin.shop.catalogue.adminProduct(draft.productID)
                draft.value = try CatalogueRules.description(text, hasPhoto: product.photoFileID != nil)
            case .photo:
                guard let photo = message.photo?.last?.fileID else { return .refuse(templates.strings.sendPhotoOrSkip) }
                // The card must leave the caption room for the description.
                _ = try CatalogueRules.description(try await admin.shop.catalogue.adminProduct(draft.productID).description, hasPhoto: true)
                draft.value = photo
            }
        } catch let error as CatalogueError {
            return .refuse(error.words(in: templates.language))
        }
        return .summarize(draft)
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        let product = try await admin.shop.catalogue.adminProduct(draft.productID)
        switch draft.field {
        case .name:
            return SceneSummary([SceneSummary.change(strings.nameLabel, from: product.name, to: draft.value)])
        case .description:
            let shown = { (text: String, limit: Int) in text.isEmpty ? strings.noneValue : HTML.truncate(text, to: limit) }
            return SceneSummary([SceneSummary.change(strings.descriptionLabel, from: shown(product.description, 300), to: shown(draft.value, 600))])
        case .photo:
            return SceneSummary(
                [SceneSummary.change(strings.photoLabel, from: product.photoFileID == nil ? strings.noneValue : "✓", to: "✓ (new)")],
                question: "\(product.name)")
        }
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        var changes = CatalogueService.ProductChanges()
        switch draft.field {
        case .name: changes.name = draft.value
        case .description: changes.description = draft.value
        case .photo: changes.photoFileID = .some(draft.value)
        }
        do {
            try await admin.shop.catalogue.updateProduct(draft.productID, changes, by: context.actorID)
            try await admin.showProduct(context, productID: draft.productID, note: context.adminTemplates.strings.saved)
        } catch let error as CatalogueError {
            try await admin.showProductOrList(context, productID: draft.productID, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showProductOrList(context, productID: draft.productID, note: note)
    }
}
