import BotRouting
import Synchronization
import TelegramBotAPI

/// A message that shows how a long task goes: sent on the first update, then edited at most once
/// a second (Telegram limits edits), so an admin sees a large file being read.
final class ProgressMessage: Sendable {
    private struct Shown {
        var messageID: Int64?
        var lastEdit: ContinuousClock.Instant?
        var text: HTML?
    }

    private let context: HandlerContext
    private let shown = Mutex(Shown())
    static let interval = Duration.seconds(1)

    init(context: HandlerContext) {
        self.context = context
    }

    func update(_ text: HTML) async {
        let now = ContinuousClock.now
        let (messageID, due) = shown.withLock { shown -> (Int64?, Bool) in
            let due = shown.text != text && shown.lastEdit.map { now - $0 >= Self.interval } ?? true
            if due {
                shown.lastEdit = now
                shown.text = text
            }
            return (shown.messageID, due)
        }
        guard due, let chatID = context.chatID else { return }
        // Progress is a courtesy: a failed edit doesn't stop the work.
        if let messageID {
            _ = try? await context.bot.send(EditMessageText(chatID: .id(chatID), messageID: messageID, text: text.rendered, parseMode: "HTML"))
        } else if let message = try? await context.answer(text) {
            shown.withLock { $0.messageID = message.messageID }
        }
    }
}
