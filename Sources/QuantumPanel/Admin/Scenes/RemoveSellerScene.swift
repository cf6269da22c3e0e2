import BotRouting
import Marketplace
import TelegramBotAPI

/// 🗑 Remove a trusted seller: only to confirm.
struct RemoveSellerScene: PanelScene {
    static let id = "remove_seller"
    static let access = AdminAccess.permission(.sellers)

    typealias Step = Never

    struct Draft: Codable, Sendable {
        var sellerID: Int
    }

    let admin: AdminHandlers

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let seller = try await admin.shop.sellers.seller(draft.sellerID)
        return SceneSummary(question: templates.people.confirmRemoveSeller(seller.displayName))
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        do {
            try await admin.shop.sellers.remove(draft.sellerID, by: context.actorID)
            try await admin.showSellers(context, page: 1, note: templates.people.sellerRemoved)
        } catch {
            try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showSellerOrList(context, sellerID: draft.sellerID, note: note)
    }
}
