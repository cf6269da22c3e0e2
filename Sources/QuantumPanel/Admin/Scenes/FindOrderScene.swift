import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// 🧾 Orders: an order's number (`42` or `#42`), and its screen.
struct FindOrderScene: PanelScene {
    static let id = "find_order"
    static let access = AdminAccess.permission(.orders)

    enum Step: String, Codable, Sendable {
        case number
    }

    struct Draft: Codable, Sendable {}

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        ScenePrompt(context.adminTemplates.people.askOrderNumber)
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        guard let text = input.text else { return .refuse(input.button == nil ? templates.strings.sendText : templates.strings.pressConfirm) }
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard let number = Int(typed.hasPrefix("#") ? String(typed.dropFirst()) : typed), number > 0 else {
            return .refuse(templates.people.notAnOrderNumber(HTML.truncate(typed, to: 20)))
        }
        guard (try? await admin.shop.refunds.order(number)) != nil else { return .refuse(templates.people.orderNotFound(number)) }
        try await admin.showOrder(context, orderID: number)
        return .end
    }

    /// Never shown: the order's screen is the answer.
    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        SceneSummary()
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {}

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showPanel(context, note: note)
    }
}
