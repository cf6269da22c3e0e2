import BotRouting
import Marketplace

/// The trusted sellers customers see under Top up: adding, editing, ordering and removing them.
struct SellersSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.sellers: .permission(.sellers), .addSeller: .permission(.sellers)]
    static let buttons: [any CallbackData.Type] = [AdminSellerCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminSellerCallback.match(data) != nil ? .permission(.sellers) : nil
    }

    var scenes: [any Scene] { [AddSellerScene(admin: admin), EditSellerScene(admin: admin), RemoveSellerScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        guard entry == .addSeller else { return try await admin.showSellers(context, page: page) }
        try await admin.scenes.start(AddSellerScene(admin: admin), at: .username, with: .init(), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminSellerCallback.self, on: router, fallback: { [admin] in try await admin.showSellers($0, page: 1) }) { press, context in
            let id = press.sellerID
            let scenes = admin.scenes
            switch press.action {
            case .open: try await admin.showSeller(context, sellerID: id)
            case .username: try await scenes.start(EditSellerScene(admin: admin), at: .value, with: .init(sellerID: id, field: .username), context)
            case .name: try await scenes.start(EditSellerScene(admin: admin), at: .value, with: .init(sellerID: id, field: .name), context)
            case .note: try await scenes.start(EditSellerScene(admin: admin), at: .value, with: .init(sellerID: id, field: .note), context)
            case .remove: try await scenes.confirm(RemoveSellerScene(admin: admin), .init(sellerID: id), context)
            case .up, .down:
                let (place, count) = try await admin.shop.sellers.move(id, up: press.action == .up, by: context.actorID)
                try await admin.showSeller(context, sellerID: id, note: context.adminTemplates.strings.moved(place, count))
            }
        }
    }
}
