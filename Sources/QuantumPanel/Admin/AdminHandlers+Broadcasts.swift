import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Pause, Resume and Stop on a broadcast's progress message, which the ``Broadcaster`` keeps up
/// to date; composing one is ``BroadcastScene``.
extension AdminHandlers {
    func broadcastsRouter() -> Router {
        let router = Router(name: "admin.broadcasts")
        onPress(AdminBroadcastCallback.self, on: router, fallback: { try await showPanel($0) }) { press, context in
            let status: BroadcastStatus = switch press.action {
            case .pause: .paused
            case .resume: .sending
            case .stop: .cancelled
            }
            let broadcast = try await shop.broadcasts.set(status, broadcastID: press.broadcastID, by: try context.customer.telegramID)
            try await context.answerCallback(nil)
            try await context.show(try context.adminTemplates.broadcastProgress(broadcast, try await shop.broadcasts.counts(broadcast.id), perSecond: configuration.broadcastPerSecond))
        }
        return router
    }
}
