import Logging
import TelegramBotAPI

/// The smallest bot: answers every text message with the same text. Stops when cancelled.
struct EchoBot {
    let bot: BotClient

    func handle(_ update: Update) async throws {
        guard let message = update.message, let text = message.text else { return }
        try await bot.send(SendMessage(chatID: .id(message.chat.id), text: text))
    }

    func runPolling() async throws {
        let poller = UpdatePoller(
            client: bot, configuration: .init(timeout: .seconds(5)), logger: Logger(label: "echo", factory: { _ in SwiftLogNoOpLogHandler() }))
        for try await update in poller {
            try await handle(update)
        }
    }
}
