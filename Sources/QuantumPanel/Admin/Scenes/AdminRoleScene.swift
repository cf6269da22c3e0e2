import BotRouting
import Marketplace

/// 🎭 Role of an admin, from the admins list: the root admin picks another role, confirms, and it
/// holds from the admin's next update.
struct AdminRoleScene: PanelScene {
    static let id = "admin_role"
    static let access = AdminAccess.root

    enum Step: String, Codable, Sendable {
        case role
    }

    struct Draft: Codable, Sendable {
        var telegramID: Int64
        /// As the list shows them (HTML).
        var name: HTML
        var current: AdminRole
        var role: AdminRole?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let people = context.adminTemplates.people
        let scopes = AdminRole.allCases.map { role -> HTML in "\(people.roleName(role)): \(people.roleScope(role))" }
        return ScenePrompt(
            "\(people.askRole(draft.name))\n\n\(ShopTemplates.frame(scopes))",
            options: AdminRole.allCases.map { ScenePrompt.Option(($0 == draft.current ? "• " : "") + people.roleName($0), answer: $0.rawValue) },
            layout: [2]
        )
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let people = context.adminTemplates.people
        guard let role = input.button.flatMap(AdminRole.init(rawValue:)) else { return .refuse(people.pickRole) }
        guard role != draft.current else { return .refuse(people.sameRole) }
        var draft = draft
        draft.role = role
        return .summarize(draft)
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let people = context.adminTemplates.people
        return SceneSummary(
            [SceneSummary.change(people.roleLabel, from: people.roleName(draft.current), to: people.roleName(draft.role ?? draft.current))],
            question: draft.name
        )
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        guard let role = draft.role else { return try await admin.showStaff(context) }
        do {
            try await admin.shop.admins.setRole(role, of: draft.telegramID, by: context.actorID)
            try await admin.showStaff(context, note: templates.people.roleSet(draft.name, templates.people.roleName(role)))
        } catch let error as AdminError {
            try await admin.showStaff(context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showStaff(context, note: note)
    }
}
