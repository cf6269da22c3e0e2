import BotRouting
import Marketplace

/// The CSV exports: orders, customers, the ledger and the audit log.
struct ExportSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.export: .permission(.export)]
    static let buttons: [any CallbackData.Type] = [AdminExportCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminExportCallback.match(data) != nil ? .permission(.export) : nil
    }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.show(try context.adminTemplates.exports(), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminExportCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            try await admin.sendExport(press.choice, context)
        }
    }
}
