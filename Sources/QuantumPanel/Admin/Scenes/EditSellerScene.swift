import BotRouting
import Marketplace
import TelegramBotAPI

/// ✏️ A trusted seller's username, name or note (or 🗑 Remove note), from their card.
struct EditSellerScene: PanelScene {
    static let id = "edit_seller"
    static let access = AdminAccess.permission(.sellers)

    enum Field: String, Codable, Sendable {
        case username, name, note
    }

    enum Step: String, Codable, Sendable {
        case value
    }

    struct Draft: Codable, Sendable {
        var sellerID: Int
        var field: Field
        /// The new value; nil: the note removed.
        var value: String?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let people = context.adminTemplates.people
        switch draft.field {
        case .username: return ScenePrompt(people.askSellerUsername)
        case .name: return ScenePrompt(people.askSellerName)
        case .note: return ScenePrompt(people.askSellerNote(SellerService.noteLimit), options: [.init(people.removeNoteButton, answer: "remove")])
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        if draft.field == .note, input.button == "remove" {
            draft.value = nil
            return .summarize(draft)
        }
        guard let text = input.text else { return .refuse(input.button == nil ? templates.strings.sendText : templates.strings.pressConfirm) }
        do {
            switch draft.field {
            case .username: draft.value = try await admin.checkedSellerUsername(text, sellerID: draft.sellerID)
            case .name: draft.value = try SellerService.displayName(text)
            case .note: draft.value = try SellerService.note(text)
            }
        } catch {
            return try .refuse(error, templates)
        }
        return .summarize(draft)
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let people = templates.people
        let seller = try await admin.shop.sellers.seller(draft.sellerID)
        let none = templates.strings.noneValue
        let line =
            switch draft.field {
            case .username:
                SceneSummary.change(people.sellerUsernameLabel, from: "@" + seller.username, to: "@" + (draft.value ?? ""))
            case .name: SceneSummary.change(people.sellerNameLabel, from: seller.displayName, to: draft.value ?? "")
            case .note:
                SceneSummary.change(
                    people.sellerNoteLabel, from: seller.note.map { $0 } ?? none, to: draft.value.map { $0 } ?? none)
            }
        return SceneSummary([line])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        let actor = context.actorID
        do {
            switch draft.field {
            case .username: _ = try await admin.shop.sellers.edit(draft.sellerID, username: draft.value, by: actor)
            case .name: _ = try await admin.shop.sellers.edit(draft.sellerID, displayName: draft.value, by: actor)
            case .note: _ = try await admin.shop.sellers.edit(draft.sellerID, note: .some(draft.value), by: actor)
            }
            try await admin.showSeller(context, sellerID: draft.sellerID, note: templates.strings.saved)
        } catch {
            try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showSellerOrList(context, sellerID: draft.sellerID, note: note)
    }
}
