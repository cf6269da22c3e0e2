import BotRouting
import Marketplace
import TelegramBotAPI

/// ➕ Add seller: the @username customers reach them by (or the id of a customer who has one),
/// the name customers see, and a note (or Skip).
struct AddSellerScene: PanelScene {
    static let id = "add_seller"
    static let access = AdminAccess.permission(.sellers)

    enum Step: String, Codable, Sendable {
        case username, name, note
    }

    struct Draft: Codable, Sendable {
        var username = ""
        var name = ""
        var note: String?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let people = templates.people
        switch step {
        case .username: return ScenePrompt(people.askSellerUsername)
        case .name: return ScenePrompt(people.askSellerName)
        case .note: return ScenePrompt(people.askSellerNote(SellerService.noteLimit), options: [.init(templates.strings.skipButton, answer: "skip")])
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        if step == .note, input.button == "skip" {
            draft.note = nil
            return .summarize(draft)
        }
        guard let text = input.text else { return .refuse(input.button == nil ? templates.strings.sendText : templates.strings.pressConfirm) }
        do {
            switch step {
            case .username:
                draft.username = try await admin.checkedSellerUsername(text, sellerID: nil)
                return .ask(.name, draft)
            case .name:
                draft.name = try SellerService.displayName(text)
                return .ask(.note, draft)
            case .note:
                draft.note = try SellerService.note(text)
                return .summarize(draft)
            }
        } catch {
            return try .refuse(error, templates)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let people = templates.people
        return SceneSummary([
            "\(people.sellerUsernameLabel): @\(draft.username)", "\(people.sellerNameLabel): <b>\(draft.name)</b>",
            "\(people.sellerNoteLabel): \(draft.note.map { $0 } ?? templates.strings.noneValue)",
        ])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        do {
            let seller = try await admin.shop.sellers.add(
                username: draft.username, displayName: draft.name, note: draft.note, by: context.actorID)
            try await admin.showSeller(context, sellerID: seller.id, note: templates.people.sellerAdded)
        } catch {
            try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showSellers(context, page: 1, note: note)
    }
}
