import BotRouting
import Marketplace

/// Broadcasts: composing one (``BroadcastScene``), and Pause, Resume and Stop on its progress
/// message, which the ``Broadcaster`` keeps up to date.
struct BroadcastsSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [.broadcast: .permission(.broadcasts)]
    static let buttons: [any CallbackData.Type] = [AdminBroadcastCallback.self]

    static func access(for data: String) -> AdminAccess? {
        AdminBroadcastCallback.match(data) != nil ? .permission(.broadcasts) : nil
    }

    var scenes: [any Scene] { [BroadcastScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        try await admin.scenes.start(BroadcastScene(admin: admin), at: .content, with: .init(), context)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminBroadcastCallback.self, on: router, fallback: { [admin] in try await admin.showPanel($0) }) { press, context in
            let status: BroadcastStatus =
                switch press.action {
                case .pause: .paused
                case .resume: .sending
                case .stop: .cancelled
                }
            let broadcasts = admin.shop.broadcasts
            let broadcast = try await broadcasts.set(status, broadcastID: press.broadcastID, by: context.actorID)
            try await context.answerCallback(nil)
            let screen = try context.adminTemplates.broadcastProgress(
                broadcast, try await broadcasts.counts(broadcast.id), perSecond: admin.configuration.broadcastPerSecond)
            try await admin.show(screen, context)
        }
    }
}
