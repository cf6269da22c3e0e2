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
            try await scenes.confirm(RemoveAdminScene(admin: self), .init(telegramID: member.telegramID, name: context.adminTemplates.staffName(member)), context)
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

    // MARK: Trusted sellers

    func sellersRouter() -> Router {
        let router = Router(name: "admin.sellers")
        onPress(AdminSellerCallback.self, on: router, fallback: { try await showSellers($0, page: 1) }) { press, context in
            let id = press.sellerID
            switch press.action {
            case .open: try await showSeller(context, sellerID: id)
            case .username: try await scenes.start(EditSellerScene(admin: self), at: .value, with: .init(sellerID: id, field: .username), context)
            case .name: try await scenes.start(EditSellerScene(admin: self), at: .value, with: .init(sellerID: id, field: .name), context)
            case .note: try await scenes.start(EditSellerScene(admin: self), at: .value, with: .init(sellerID: id, field: .note), context)
            case .remove: try await scenes.confirm(RemoveSellerScene(admin: self), .init(sellerID: id), context)
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

    /// The seller's card, or the list when they are gone.
    func showSellerOrList(_ context: HandlerContext, sellerID: Int, note: String?) async throws {
        guard (try? await shop.sellers.seller(sellerID)) != nil else { return try await showSellers(context, page: 1, note: note) }
        try await showSeller(context, sellerID: sellerID, note: note)
    }

    /// A seller's username as typed (or the username of the customer whose id was typed), refused
    /// at once when another seller has it rather than at Confirm, steps later.
    func checkedSellerUsername(_ text: String, sellerID: Int?, _ templates: AdminTemplates) async throws -> String {
        let username = try await sellerUsername(text, templates)
        if try await shop.sellers.list().contains(where: { $0.username == username && $0.id != sellerID }) {
            throw SellerError.alreadyListed(username: username)
        }
        return username
    }

    /// A username as typed, or the username of the customer whose id was typed.
    private func sellerUsername(_ text: String, _ templates: AdminTemplates) async throws -> String {
        guard let id = CustomerRules.userID(text) else { return try SellerService.username(text) }
        guard let customer = try await shop.users.find(telegramID: id) else { throw AdminInputRefusal(templates.people.customerNotFound("\(id)")) }
        guard let username = customer.username else { throw AdminInputRefusal(templates.people.noUsername(id)) }
        return username
    }

    /// What the admin reads for a refusal of the people sections; anything else is rethrown.
    func refusal(_ error: any Error, _ templates: AdminTemplates) throws -> String {
        if let refusal = error as? AdminInputRefusal { return refusal.message }
        guard let message = templates.peopleRefusal(error) else { throw error }
        return message
    }
}
