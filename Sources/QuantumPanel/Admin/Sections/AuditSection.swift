import BotRouting
import Marketplace

/// The audit log: every admin change, of everyone or by or about one person.
struct AuditSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.auditFilter: .permission(.audit)]
    static let buttons: [any CallbackData.Type] = [AdminAuditCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminAuditCallback.match(data) != nil ? .permission(.audit) : nil
    }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.scenes.start(PersonScene(admin: admin), at: .person, with: .init(purpose: .auditFilter), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminAuditCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            try await admin.showAudit(context, person: press.person == 0 ? nil : press.person, page: press.page)
        }
    }
}
