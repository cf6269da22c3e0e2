import AsyncHTTPClient
import BotAPISandbox
import InMemoryLogging
import Logging
import NIOCore
import NIOHTTP1
import QuantumPanel
import TelegramBotAPI
import Testing

/// The whole bot against the sandbox, over loopback, as it runs against Telegram.
@Suite(.timeLimit(.minutes(1))) struct QuantumPanelAppTests {
    @Test func botIntroducesItselfThenAnswersAndLogsUpdates() async throws {
        try await BotAPISandbox.withRunning { sandbox in
            try await withTemporaryDirectory { directory in
                let settings = try await Settings.load(
                    environment: [
                        "BOT_TOKEN": sandbox.token.value, "ROOT_ADMIN_ID": "42", "TELEGRAM_API_URL": sandbox.baseURL, "LOG_DIR": directory,
                        "DATABASE_URL": "sqlite://\(directory)/shop.sqlite", "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0", "OPS_HOST": "127.0.0.1",
                        "OPS_PORT": "0",
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
                let listening = try #require(logs.entries.first { $0.message == "Operations server listening" }?.metadata["address"])
                #expect(!logs.entries.contains { $0.message == "Public server listening" }, "polling serves nothing to the internet")
                let health = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://\(listening)/healthz"), timeout: .seconds(10))
                #expect(health.status == .ok)
                #expect(String(buffer: try await health.body.collect(upTo: 1024)) == "ok\n")
                let ready = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://\(listening)/readyz"), timeout: .seconds(10))
                #expect(ready.status == .ok)
                #expect(
                    String(buffer: try await ready.body.collect(upTo: 1024))
                        == #"{"database":"ok","ready":true,"redis":"not configured","updates":"polling"}"#)
                let everything = logs.entries.map { "\($0.message) \($0.metadata)" }.joined()
                #expect(!everything.contains(sandbox.token.value))
                running.cancel()
                try await running.value
            }
        }
    }
}
