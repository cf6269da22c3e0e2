import BotRouting
import Marketplace

/// The stock: every price's keys, adding keys from text or a file, listing, deleting and
/// exporting unsold ones.
struct StockSection: PanelSection {
    let admin: AdminHandlers

    /// A price card's buttons that are about its keys.
    static let priceActions: Set<AdminPriceCallback.Action> = [.stock, .addKeys, .export, .deleteAll]

    static let entries: [AdminCallback.Section: AdminAccess] = [.stock: .permission(.stock)]
    static let buttons: [any CallbackData.Type] = [AdminPriceCallback.self, AdminKeysCallback.self, AdminDeleteKeyCallback.self]

    static func access(for data: String) -> AdminAccess? {
        if let press = AdminPriceCallback.match(data) { return priceActions.contains(press.action) ? .permission(.stock) : nil }
        return AdminKeysCallback.match(data) != nil || AdminDeleteKeyCallback.match(data) != nil ? .permission(.stock) : nil
    }

    var scenes: [any Scene] { [AddKeysScene(admin: admin), StockChangeScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.showStock(context, page: page)
    }

    func addHandlers(to router: Router) {
        let fallback: @Sendable (HandlerContext) async throws -> Void = { [admin] in try await admin.showStock($0, page: 1) }
        admin.onPress(AdminPriceCallback.self, where: { Self.priceActions.contains($0.action) }, on: router, fallback: fallback) { press, context in
            let id = press.priceID
            switch press.action {
            case .addKeys: try await admin.scenes.start(AddKeysScene(admin: admin), at: .keys, with: .init(priceID: id), context)
            case .export: try await admin.exportKeys(context, priceID: id)
            case .deleteAll: try await admin.scenes.confirm(StockChangeScene(admin: admin), .init(priceID: id, change: .deleteAll), context)
            default: try await admin.showPriceStock(context, priceID: id)
            }
        }
        admin.onPress(AdminKeysCallback.self, on: router, fallback: fallback) { press, context in
            try await admin.showKeys(context, priceID: press.priceID, page: press.page)
        }
        admin.onPress(AdminDeleteKeyCallback.self, on: router, fallback: fallback) { press, context in
            try await admin.scenes.confirm(
                StockChangeScene(admin: admin), .init(priceID: press.priceID, change: .deleteKey(keyID: press.keyID)), context)
        }
    }
}
