import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// The broadcast dialog's questions and summary, and the progress message.
extension AdminTemplates {
    func audienceName(_ audience: BroadcastAudience, productName: String?) -> String {
        switch audience {
        case .everyone: broadcasts.audienceName("everyone")
        case .premium: broadcasts.audienceName("premium")
        case .resellers: broadcasts.audienceName("resellers")
        case .buyers: broadcasts.audienceName("buyers") + (productName.map { ": " + e($0) } ?? "")
        }
    }

    func audiencePrompt(reason: String?) throws -> Screen {
        let answers: [AdminDialogCallback.Answer] = [.everyone, .premium, .resellers, .buyers]
        return prompt(broadcasts.askAudience, reason: reason).adding(rows: try answers.map { [try button(broadcasts.audienceName($0.rawValue), AdminDialogCallback(answer: $0))] })
    }

    func productPrompt(_ products: [AdminProductSummary], reason: String?) throws -> Screen {
        prompt(people.productLabel + ": " + broadcasts.askProduct, reason: reason)
            .adding(rows: try products.prefix(20).map { [try button($0.name, AdminPickCallback(id: $0.id))] })
    }

    func speedPrompt(count: Int, stars: Int, reason: String?) throws -> Screen {
        prompt(broadcasts.askSpeed(count, stars), reason: reason).adding(rows: [[
            try button(broadcasts.freeButton, AdminDialogCallback(answer: .free)), try button(broadcasts.paidButton(stars), AdminDialogCallback(answer: .paid)),
        ]])
    }

    /// What Telegram charges for a paid broadcast: 0.1 Star a message, rounded up.
    static func paidBroadcastStars(_ count: Int) -> Int { (count + 9) / 10 }

    func broadcastSummary(_ message: BroadcastMessage, audience: String, count: Int, isPaid: Bool) throws -> Screen {
        var lines = [broadcasts.audienceLine(audience, count)]
        if let text = message.buttonText, let url = message.buttonURL { lines.append(broadcasts.buttonLine(e(text), e(url))) }
        if isPaid { lines.append(broadcasts.paidLine(Self.paidBroadcastStars(count))) }
        return try summary(lines, question: broadcasts.preview)
    }

    func broadcastProgress(_ broadcast: BroadcastSnapshot, _ counts: BroadcastCounts, perSecond: Int) throws -> Screen {
        let id = broadcast.id
        if broadcast.status == .finished {
            let seconds = Int((broadcast.finishedAt ?? Date()).timeIntervalSince(broadcast.startedAt ?? broadcast.finishedAt ?? Date()).rounded())
            return Screen(text: broadcasts.finished(id, seconds, counts.count(.sent), counts.count(.blocked), counts.count(.failed), counts.count(.unknown)), keyboard: nil)
        }
        var text = broadcasts.progress(id, broadcasts.statusName(broadcast.status), counts.count(.sent), counts.count(.blocked), counts.count(.failed), counts.left)
        if broadcast.status == .sending { text += "\n" + broadcasts.timeLeft(counts.left / max(1, perSecond)) }
        guard broadcast.status != .cancelled else { return Screen(text: text, keyboard: nil) }
        let toggle = broadcast.status == .paused
            ? try button(broadcasts.resumeButton, AdminBroadcastCallback(broadcastID: id, action: .resume))
            : try button(broadcasts.pauseButton, AdminBroadcastCallback(broadcastID: id, action: .pause))
        return Screen(text: text, keyboard: InlineKeyboardMarkup(inlineKeyboard: [[toggle, try button(broadcasts.stopButton, AdminBroadcastCallback(broadcastID: id, action: .stop))]]))
    }
}
