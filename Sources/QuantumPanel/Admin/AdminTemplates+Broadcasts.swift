import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// A broadcast's audience as the admin reads it, and its progress message.
extension AdminTemplates {
    func audienceName(_ audience: BroadcastAudience, productName: String?) -> String {
        switch audience {
        case .everyone: broadcasts.audienceName("everyone")
        case .premium: broadcasts.audienceName("premium")
        case .resellers: broadcasts.audienceName("resellers")
        case .buyers: broadcasts.audienceName("buyers") + (productName.map { ": " + $0 } ?? "")
        }
    }

    /// What Telegram charges for a paid broadcast: 0.1 Star a message, rounded up.
    static func paidBroadcastStars(_ count: Int) -> Int { (count + 9) / 10 }

    func broadcastProgress(_ broadcast: BroadcastSnapshot, _ counts: BroadcastCounts, perSecond: Int) throws -> Screen {
        let id = broadcast.id
        if broadcast.status == .finished {
            let seconds = Int((broadcast.finishedAt ?? Date()).timeIntervalSince(broadcast.startedAt ?? broadcast.finishedAt ?? Date()).rounded())
            return Screen(
                text: broadcasts.finished(id, seconds, counts.count(.sent), counts.count(.blocked), counts.count(.failed), counts.count(.unknown)),
                keyboard: nil)
        }
        var text = broadcasts.progress(
            id, broadcasts.statusName(broadcast.status), counts.count(.sent), counts.count(.blocked), counts.count(.failed), counts.left)
        if broadcast.status == .sending { text += "\n\(broadcasts.timeLeft(counts.left / max(1, perSecond)))" }
        guard broadcast.status != .cancelled else { return Screen(text: text, keyboard: nil) }
        let toggle =
            broadcast.status == .paused
            ? try button(broadcasts.resumeButton, AdminBroadcastCallback(broadcastID: id, action: .resume))
            : try button(broadcasts.pauseButton, AdminBroadcastCallback(broadcastID: id, action: .pause))
        return Screen(
            text: text,
            keyboard: InlineKeyboardMarkup(inlineKeyboard: [
                [toggle, try button(broadcasts.stopButton, AdminBroadcastCallback(broadcastID: id, action: .stop))]
            ]))
    }
}
