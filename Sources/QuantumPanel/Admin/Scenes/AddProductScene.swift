import BotRouting
import Marketplace
import TelegramBotAPI

/// ➕ Add product: the name, the description (or Skip), a photo (or Skip), whether it is for
/// Premium customers only; created at Confirm, hidden from customers until a price has keys.
struct AddProductScene: PanelScene {
    static let id = "add_product"
    static let access = AdminAccess.permission(.catalogue)

    enum Step: String, Codable, Sendable {
        case name, description, photo, premium
    }

    struct Draft: Codable, Sendable {
        var name = ""
        var description = ""
        var photoFileID: String?
        var isPremiumOnly = false
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let strings = context.adminTemplates.strings
        switch step {
        case .name: return ScenePrompt(strings.askName)
        case .description: return ScenePrompt(strings.askDescription, options: [.init(strings.skipButton, answer: "skip")])
        case .photo: return ScenePrompt(strings.askPhoto, options: [.init(strings.skipButton, answer: "skip")])
        case .premium:
            return ScenePrompt(
                strings.askPremium, options: [.init(strings.yesButton, answer: "yes"), .init(strings.noButton, answer: "no")], layout: [2])
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        do {
            switch (step, input) {
            case (.name, .message(let message)):
                guard let text = message.text else { return .refuse(templates.strings.sendText) }
                draft.name = try CatalogueRules.name(text)
                return .ask(.description, draft)
            case (.description, .button("skip")):
                draft.description = ""
                return .ask(.photo, draft)
            case (.description, .message(let message)):
                guard let text = message.text else { return .refuse(templates.strings.sendText) }
                draft.description = try CatalogueRules.description(text, hasPhoto: false)
                return .ask(.photo, draft)
            case (.photo, .button("skip")):
                draft.photoFileID = nil
                return .ask(.premium, draft)
            case (.photo, .message(let message)):
                guard let photo = message.photo?.last?.fileID else { return .refuse(templates.strings.sendPhotoOrSkip) }
                // The card must leave the caption room for the description.
                _ = try CatalogueRules.description(draft.description, hasPhoto: true)
                draft.photoFileID = photo
                return .ask(.premium, draft)
            case (.premium, .button(let answer)) where answer == "yes" || answer == "no":
                draft.isPremiumOnly = answer == "yes"
                return .summarize(draft)
            case (.premium, _):
                return .refuse(templates.strings.pressYesOrNo)
            default:
                // A button of an earlier step: the question stands.
                return .refuse(templates.strings.pressYesOrNo)
            }
        } catch {
            return try .refuse(error, templates)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let strings = templates.strings
        return SceneSummary([
            "\(strings.nameLabel): <b>\(draft.name)</b>",
            "\(strings.descriptionLabel): \(draft.description.isEmpty ? strings.noneValue : HTML.truncate(draft.description, to: 600))",
            "\(strings.photoLabel): \(draft.photoFileID == nil ? strings.noneValue : "✓")",
            "\(strings.premiumOnlyLabel): \(draft.isPremiumOnly ? strings.yesButton : strings.noButton)",
        ])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let strings = context.adminTemplates.strings
        do {
            let productID = try await admin.shop.catalogue.createProduct(
                name: draft.name, description: draft.description, photoFileID: draft.photoFileID, isPremiumOnly: draft.isPremiumOnly,
                by: context.actorID
            )
            try await admin.showProduct(context, productID: productID, note: strings.productAdded)
        } catch let error as CatalogueError {
            try await admin.showProducts(context, page: 1, note: "⚠️ \(error.words(in: context.adminTemplates.language))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showProducts(context, page: 1, note: note)
    }
}
