import BotAPISandbox
import InMemoryLogging
import Logging
import QuantumPanel
import Testing
import TelegramBotAPI

/// The whole bot against the sandbox, over loopback, as it runs against Telegram.
@Suite(.timeLimit(.minutes(1))) struct QuantumPanelAppTests {
    @Test func botIntroducesItselfThenAnswersAndLogsUpdates() async throws {
        try await BotAPISandbox.withRunning { sandbox in
            try await withTemporaryDirectory { directory in
                let settings = try await Settings.load(
                    environment: [
                        "BOT_TOKEN": sandbox.token.value, "ROOT_ADMIN_ID": "42", "TELEGRAM_API_URL": sandbox.baseURL, "LOG_DIR": directory,
                        "DATABASE_URL": "sqlite://\(directory)/shop.sqlite",
                    ],
                    environmentFile: directory + "/.env"
                )
                let logs = InMemoryLogHandler()
                let app = QuantumPanelApp(settings: settings, logger: Logger(label: "test", factory: { _ in logs }))
                let running = Task { try await app.run() }

                let ana = await sandbox.makeUser(firstName: "Ana")
                try await ana.send("/start")
                // Generous: the whole suite runs at once on two cores, bot processes included.
                #expect(try await ana.nextMessage(timeout: .seconds(60)).text?.hasPrefix("👋 Welcome, Ana!") == true)
                while !logs.entries.contains(where: { $0.message == "Update handled" }) {
                    await Task.yield()
                }
                let received = try #require(logs.entries.first { $0.message == "Update handled" })
                #expect(received.metadata["update.kind"] == "message")
                #expect(received.metadata["update.id"] == "1")
                #expect(received.metadata["duration.ms"] != nil)
                #expect(received.metadata["user.id"] == "\(ana.id)")
                #expect(received.metadata["chat.id"] == "\(ana.chatID)")
                let connected = try #require(logs.entries.first { $0.message == "Connected to the Bot API" })
                #expect(connected.metadata["bot.username"] == "sandbox_shop_bot")
                let methods = await sandbox.calls.map(\.method)
                #expect(methods.prefix(4) == ["getMe", "deleteWebhook", "setMyCommands", "setMyCommands"])
                #expect(methods.contains("getUpdates"))
                #expect(methods.contains("getStarTransactions"), "payments are reconciled at start")
                let everything = logs.entries.map { "\($0.message) \($0.metadata)" }.joined()
                #expect(!everything.contains(sandbox.token.value))
                running.cancel()
                try await running.value
            }
        }
    }
}
