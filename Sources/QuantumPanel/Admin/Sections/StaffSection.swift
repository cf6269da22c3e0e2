import BotRouting
import Marketplace

/// The admins and their roles: the root admin's alone (the service checks it again).
struct StaffSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.staff: .root, .addAdmin: .root]
    static let buttons: [any CallbackData.Type] = [AdminStaffCallback.self, AdminRoleCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminStaffCallback.match(data) != nil || AdminRoleCallback.match(data) != nil ? .root : nil
    }

    var scenes: [any Scene] { [AdminRoleScene(admin: admin), RemoveAdminScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        guard entry == .addAdmin else { return try await admin.showStaff(context) }
        try admin.checkRoot(context)
        try await admin.scenes.start(PersonScene(admin: admin), at: .person, with: .init(purpose: .addAdmin), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminStaffCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            let member = try await member(press.telegramID, context)
            guard !member.isRoot else { throw AdminError.rootIsPermanent }
            try await admin.scenes.confirm(
                RemoveAdminScene(admin: admin), .init(telegramID: member.telegramID, name: context.adminTemplates.staffName(member)), context)
        }
        admin.onPress(AdminRoleCallback.self, on: router, fallback: { [admin] in try await admin.showStaff($0) }) { press, context in
            let member = try await member(press.telegramID, context)
            guard let role = member.role else { throw AdminError.rootHasNoRole }
            let draft = AdminRoleScene.Draft(telegramID: member.telegramID, name: context.adminTemplates.staffName(member), current: role)
            try await admin.scenes.start(AdminRoleScene(admin: admin), at: .role, with: draft, context)
        }
    }

    private func member(_ telegramID: Int64, _ context: HandlerContext) async throws -> StaffMember {
        try admin.checkRoot(context)
        guard let member = try await admin.shop.admins.staff().first(where: { $0.telegramID == telegramID }) else {
            throw AdminError.noSuchAdmin(telegramID: telegramID)
        }
        return member
    }
}
