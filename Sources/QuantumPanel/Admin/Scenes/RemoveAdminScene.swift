import BotRouting
import Marketplace
import TelegramBotAPI

/// ✖ Remove an admin, from the admins list (the root admin only): they lose the panel at their
/// next update.
struct RemoveAdminScene: PanelScene {
    static let id = "remove_admin"
    static let access = AdminAccess.root

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var telegramID: Int64
        /// As the list shows them (HTML).
        var name: HTML
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        SceneSummary(question: context.adminTemplates.people.confirmRemoveAdmin(draft.name))
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        do {
            try await admin.shop.admins.remove(draft.telegramID, by: context.actorID)
            try await admin.showStaff(context, note: templates.people.adminRemoved)
        } catch {
            try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showStaff(context, note: note)
    }
}
