import AsyncHTTPClient
import BotAPISandbox
import Foundation
import NIOCore
import NIOHTTP1
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// SIGTERM and SIGINT stop the bot gracefully whenever they come, here while it is still
    /// connecting to a Bot API that never answers.
    @Suite(.timeLimit(.minutes(2))) struct GracefulShutdownTests {
        @Test(arguments: ["SIGTERM", "SIGINT"])
        func aSignalWhileConnectingStopsTheBotCleanly(signalName: String) async throws {
            let signal = signalName == "SIGTERM" ? SIGTERM : SIGINT
            try await withTemporaryFolder { folder in
                let silentAPI = try SilentListener()
                let opsPort = try freeLoopbackPort()
                let environment = [
                    "BOT_TOKEN": BotAPISandbox.defaultToken.value, "ROOT_ADMIN_ID": "1", "TELEGRAM_API_URL": "http://127.0.0.1:\(silentAPI.port)",
                    "DATABASE_URL": "sqlite://\(folder)/shop.sqlite", "LOG_DIR": folder + "/logs", "LOG_LEVEL": "info",
                    "OPS_HOST": "127.0.0.1", "OPS_PORT": "\(opsPort)",
                ]
                let bot = try BotProcess(environment: environment, in: folder, name: "connecting")
                let base = "http://127.0.0.1:\(opsPort)"

                // The server answers while the bot is still asking Telegram who it is.
                let health = try await Self.firstAnswer(from: base + "/healthz")
                #expect(health.status == .ok)
                let ready = try await HTTPClient.shared.execute(HTTPClientRequest(url: base + "/readyz"), timeout: .seconds(10))
                #expect(ready.status == .serviceUnavailable, "not ready before it takes updates")
                // The database is ok, or not migrated yet: the server answers before migration ends.
                let report = try JSONDecoder().decode(ReadinessReport.self, from: Data(String(buffer: try await ready.body.collect(upTo: 1024)).utf8))
                #expect(!report.ready && report.updates == "starting" && report.redis == "not configured", "\(report)")

                #expect(await bot.stop(signal: signal) == 0, "a clean exit: \(bot.log)")
                #expect(bot.log.contains("Stopped before taking any update"), "\(bot.log)")
                withExtendedLifetime(silentAPI) {}
            }
        }

        struct ReadinessReport: Decodable {
            var ready: Bool
            var database: String
            var redis: String
            var updates: String
        }

        /// The bot's server, once it listens: connection refused until then.
        static func firstAnswer(from url: String) async throws -> HTTPClientResponse {
            for _ in 0..<600 {
                if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(5)) { return response }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw SocketError(errno: ECONNREFUSED)
        }
    }
}
