import BotRouting
import Marketplace
import TelegramBotAPI

/// The admins section, the root admin's alone (the service checks it again), and the trusted
/// sellers customers see.
extension AdminHandlers {
    func staffRouter() -> Router {
        let router = Router(name: "admin.staff")
        onPress(AdminStaffCallback.self, on: router, fallback: { try await showPanel($0) }) { press, context in
            try checkRoot(context)
            let member = try await shop.admins.staff().first { $0.telegramID == press.telegramID }
            guard let member, !member.isRoot else { throw member == nil ? AdminError.noSuchAdmin(telegramID: press.telegramID) : AdminError.rootIsPermanent }
            var draft = AdminDraft(.removeAdmin)
            draft.telegramID = member.telegramID
            draft.personName = context.adminTemplates.staffName(member)
            try await ask(context, .confirm, draft)
        }
        onPress(AdminRoleCallback.self, on: router, fallback: { try await showStaff($0) }) { press, context in
            try checkRoot(context)
            let member = try await shop.admins.staff().first { $0.telegramID == press.telegramID }
            guard let member, let role = member.role else { throw member == nil ? AdminError.noSuchAdmin(telegramID: press.telegramID) : AdminError.rootHasNoRole }
            let draft = AdminRoleScene.Draft(telegramID: member.telegramID, name: context.adminTemplates.staffName(member), current: role)
            try await scenes.start(AdminRoleScene(admin: self), at: .role, with: draft, context)
        }
        return router
    }

    func showStaff(_ context: HandlerContext, note: String? = nil) async throws {
        try checkRoot(context)
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.staff(try await shop.admins.staff()), note))
    }

    func performStaffTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let templates = context.adminTemplates
        let id = draft.telegramID ?? 0
        if draft.task == .addAdmin {
            try await shop.admins.add(id, username: draft.username, by: admin)
            try await showStaff(context, note: templates.people.adminAdded(draft.personName ?? "\(id)"))
        } else {
            try await shop.admins.remove(id, by: admin)
            try await showStaff(context, note: templates.people.adminRemoved)
        }
    }

    // MARK: Trusted sellers

    func sellersRouter() -> Router {
        let router = Router(name: "admin.sellers")
        onPress(AdminSellerCallback.self, on: router, fallback: { try await showSellers($0, page: 1) }) { press, context in
            let id = press.sellerID
            var draft = AdminDraft(.editSellerName)
            draft.sellerID = id
            switch press.action {
            case .open: try await showSeller(context, sellerID: id)
            case .username:
                draft.task = .editSellerUsername
                try await ask(context, .sellerUsername, draft)
            case .name: try await ask(context, .sellerName, draft)
            case .note:
                draft.task = .editSellerNote
                try await ask(context, .sellerNote, draft)
            case .remove:
                draft.task = .removeSeller
                try await ask(context, .confirm, draft)
            case .up, .down:
                let (place, count) = try await shop.sellers.move(id, up: press.action == .up, by: try context.customer.telegramID)
                try await showSeller(context, sellerID: id, note: context.adminTemplates.strings.moved(place, count))
            }
        }
        return router
    }

    func showSellers(_ context: HandlerContext, page: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.sellers(try await shop.sellers.list(), page: page), note))
    }

    func showSeller(_ context: HandlerContext, sellerID: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.seller(try await shop.sellers.seller(sellerID)), note))
    }

    func performSellerTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        let id = draft.sellerID ?? 0
        switch draft.task {
        case .addSeller:
            let seller = try await shop.sellers.add(username: draft.username ?? "", displayName: draft.name ?? "", note: draft.note, by: admin)
            try await showSeller(context, sellerID: seller.id, note: context.adminTemplates.people.sellerAdded)
        case .editSellerUsername:
            _ = try await shop.sellers.edit(id, username: draft.username, by: admin)
            try await showSeller(context, sellerID: id, note: strings.saved)
        case .editSellerName:
            _ = try await shop.sellers.edit(id, displayName: draft.name, by: admin)
            try await showSeller(context, sellerID: id, note: strings.saved)
        case .editSellerNote:
            _ = try await shop.sellers.edit(id, note: .some(draft.note), by: admin)
            try await showSeller(context, sellerID: id, note: strings.saved)
        default:
            try await shop.sellers.remove(id, by: admin)
            try await showSellers(context, page: 1, note: context.adminTemplates.people.sellerRemoved)
        }
    }
}
