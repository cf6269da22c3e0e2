import BotRouting
import Marketplace

/// 🎟 Promo codes: each code's terms, uses and revenue, and pausing or resuming it. Codes are
/// made and limited from the command line (`quantum-panel promo`).
struct PromosSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.promos: .permission(.promotions)]
    static let buttons: [any CallbackData.Type] = [AdminPromoCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminPromoCallback.match(data) != nil ? .permission(.promotions) : nil
    }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.show(try context.adminTemplates.promoList(try await admin.shop.promos.list()), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminPromoCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            let templates = context.adminTemplates
            var note: HTML?
            switch press.action {
            case .open: break
            case .pause:
                try await admin.shop.promos.setPaused(true, code: press.code, by: context.actorID)
                note = templates.promos.paused(press.code)
            case .resume:
                try await admin.shop.promos.setPaused(false, code: press.code, by: context.actorID)
                note = templates.promos.resumed(press.code)
            }
            guard let promo = try await admin.shop.promos.summary(code: press.code) else {
                return try await admin.show(try templates.promoList(try await admin.shop.promos.list()), context)
            }
            try await admin.show(templates.noted(try templates.promoCard(promo), note), context)
        }
    }
}
