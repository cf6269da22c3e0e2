import BotRouting
import Marketplace
import TelegramBotAPI

/// A dialog of the admin panel: it needs what ``access`` says, asked again at every step, so a
/// role changed meanwhile ends it at the admin's next update.
protocol PanelScene: Scene {
    static var access: AdminAccess { get }
    var admin: AdminHandlers { get }
}

extension PanelScene {
    func allows(_ context: HandlerContext) async throws -> Bool {
        guard let id = context.update.sender?.id, let permissions = try await admin.shop.admins.permissions(of: id) else { return false }
        return Self.access.allows(permissions, isRoot: admin.shop.admins.isRoot(id))
    }
}
